/**
 * Endpoints documented in the spec but NOT in the generated schema yet: notification
 * preferences, topic and test push (notifications.md; field names from the backend's
 * NotificationPreference model). Everything hand-written about the API lives in this one file:
 * when an endpoint lands, regenerate (`make openapi`), alias its generated type in types.ts,
 * replace its fetcher here by an `api.GET/PUT(...)` call and delete the hand-written type.
 */
import { type Page, untypedRequest } from './client';

export interface NotificationPreferences {
  enabled: boolean;
  directions: 'both' | 'long' | 'short';
  min_confluence: number;
  pattern_types: string[] | null;
  symbols: string[] | null;
  priority: number;
  quiet_start: number | null;
  quiet_end: number | null;
  daily_limit: number | null;
}

export function fetchPreferences(): Promise<Page<NotificationPreferences>> {
  return untypedRequest<NotificationPreferences>('GET', '/api/v1/notifications/preferences');
}

export function savePreferences(body: NotificationPreferences): Promise<Page<NotificationPreferences>> {
  return untypedRequest<NotificationPreferences>('PUT', '/api/v1/notifications/preferences', { body });
}

export interface TopicOut {
  ntfy_topic?: string;
  topic?: string;
  ntfy_url?: string;
}

export function regenerateTopic(): Promise<Page<TopicOut>> {
  return untypedRequest<TopicOut>('POST', '/api/v1/notifications/topic', { body: {} });
}

export function sendTestPush(): Promise<Page<unknown>> {
  return untypedRequest<unknown>('POST', '/api/v1/notifications/test', { body: {} });
}
