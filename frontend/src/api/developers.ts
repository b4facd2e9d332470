/** The developer pages' server state: API keys and outbound webhooks. Shapes come from the
 * generated schema (schema.d.ts); query keys and hooks live here so the pages stay thin. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapData } from './client';
import type { BodyOf, DataOf, Item, QueryOf } from './pathTypes';
import type { paths } from './schema';

export type ApiKey = Item<DataOf<paths['/api/v1/api-keys']['get']>>;
export type ApiKeyCreated = DataOf<paths['/api/v1/api-keys']['post']>;
export type ApiKeyIn = BodyOf<paths['/api/v1/api-keys']['post']>;
export type ApiKeyPatch = BodyOf<paths['/api/v1/api-keys/{key_id}']['patch']>;
export type ApiKeyUsage = DataOf<paths['/api/v1/api-keys/{key_id}/usage']['get']>;
export type Webhook = Item<DataOf<paths['/api/v1/webhooks']['get']>>;
export type WebhookCreated = DataOf<paths['/api/v1/webhooks']['post']>;
export type WebhookIn = BodyOf<paths['/api/v1/webhooks']['post']>;
export type WebhookPatch = BodyOf<paths['/api/v1/webhooks/{endpoint_id}']['patch']>;
export type WebhookDelivery = Item<DataOf<paths['/api/v1/webhooks/{endpoint_id}/deliveries']['get']>>;
export type WebhookDeliveryDetail = DataOf<paths['/api/v1/webhooks/{endpoint_id}/deliveries/{delivery_id}']['get']>;
export type WebhookAttempt = Item<WebhookDeliveryDetail['attempt_log']>;
export type DeliveryQuery = QueryOf<paths['/api/v1/webhooks/{endpoint_id}/deliveries']['get']>;

export const USAGE_DAYS = 30;

export const devKeys = {
  apiKeys: ['api-keys'] as const,
  usage: (id: number, days: number) => ['api-keys', id, 'usage', days] as const,
  webhooks: ['webhooks'] as const,
  webhook: (id: number) => ['webhooks', id] as const,
  deliveries: (id: number, query: DeliveryQuery) => ['webhooks', id, 'deliveries', query] as const,
  delivery: (id: number, deliveryId: string) => ['webhooks', id, 'delivery', deliveryId] as const,
};

const LOG_POLL = 10_000;

// API keys -------------------------------------------------------------------------------

export function useApiKeys(enabled = true) {
  return useQuery({
    queryKey: devKeys.apiKeys,
    queryFn: () => unwrapData(api.GET('/api/v1/api-keys')),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useApiKeyUsage(id: number, days = USAGE_DAYS) {
  return useQuery({
    queryKey: devKeys.usage(id, days),
    queryFn: () => unwrapData(api.GET('/api/v1/api-keys/{key_id}/usage', { params: { path: { key_id: id }, query: { days } } })),
    refetchInterval: 60_000,
  });
}

export function useCreateApiKey(onCreated: (created: ApiKeyCreated) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyIn) => unwrapData(api.POST('/api/v1/api-keys', { body })),
    onSuccess: (created) => {
      onCreated(created);
      void queryClient.invalidateQueries({ queryKey: devKeys.apiKeys });
    },
  });
}

export function useUpdateApiKey(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyPatch) => unwrapData(api.PATCH('/api/v1/api-keys/{key_id}', { params: { path: { key_id: id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: devKeys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrapData(api.DELETE('/api/v1/api-keys/{key_id}', { params: { path: { key_id: id } } })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: devKeys.apiKeys }),
  });
}

// Webhooks -------------------------------------------------------------------------------

export function useWebhooks(enabled = true) {
  return useQuery({
    queryKey: devKeys.webhooks,
    queryFn: () => unwrapData(api.GET('/api/v1/webhooks')),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useWebhook(id: number) {
  return useQuery({
    queryKey: devKeys.webhook(id),
    queryFn: () => unwrapData(api.GET('/api/v1/webhooks/{endpoint_id}', { params: { path: { endpoint_id: id } } })),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: 60_000,
  });
}

export function useDeliveries(id: number, query: DeliveryQuery) {
  return useQuery({
    queryKey: devKeys.deliveries(id, query),
    queryFn: () => unwrap(api.GET('/api/v1/webhooks/{endpoint_id}/deliveries', { params: { path: { endpoint_id: id }, query } })),
    placeholderData: keepPreviousData,
    refetchInterval: LOG_POLL,
  });
}

export function useDelivery(id: number, deliveryId: string) {
  return useQuery({
    queryKey: devKeys.delivery(id, deliveryId),
    queryFn: () =>
      unwrapData(
        api.GET('/api/v1/webhooks/{endpoint_id}/deliveries/{delivery_id}', {
          params: { path: { endpoint_id: id, delivery_id: deliveryId } },
        }),
      ),
    enabled: Boolean(deliveryId),
    refetchInterval: LOG_POLL,
  });
}

/** After anything that changes an endpoint or adds to its log. */
function useRefreshWebhook(id: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: devKeys.webhooks });
    void queryClient.invalidateQueries({ queryKey: devKeys.webhook(id) });
  };
}

export function useCreateWebhook(onCreated: (created: WebhookCreated) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookIn) => unwrapData(api.POST('/api/v1/webhooks', { body })),
    onSuccess: (created) => {
      onCreated(created);
      void queryClient.invalidateQueries({ queryKey: devKeys.webhooks });
    },
  });
}

export function useUpdateWebhook(id: number) {
  const refresh = useRefreshWebhook(id);
  return useMutation({
    mutationFn: (body: WebhookPatch) =>
      unwrapData(api.PATCH('/api/v1/webhooks/{endpoint_id}', { params: { path: { endpoint_id: id } }, body })),
    onSuccess: refresh,
  });
}

export function useDeleteWebhook(id: number, onDeleted: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapData(api.DELETE('/api/v1/webhooks/{endpoint_id}', { params: { path: { endpoint_id: id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: devKeys.webhook(id) });
      void queryClient.invalidateQueries({ queryKey: devKeys.webhooks });
      onDeleted();
    },
  });
}

export function useRotateSecret(id: number) {
  const refresh = useRefreshWebhook(id);
  return useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/webhooks/{endpoint_id}/rotate-secret', { params: { path: { endpoint_id: id } } })),
    onSuccess: refresh,
  });
}

export function useTestWebhook(id: number) {
  const refresh = useRefreshWebhook(id);
  return useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/webhooks/{endpoint_id}/test', { params: { path: { endpoint_id: id } } })),
    onSuccess: refresh,
  });
}

export function useRedeliver(id: number) {
  const refresh = useRefreshWebhook(id);
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrapData(
        api.POST('/api/v1/webhooks/{endpoint_id}/deliveries/{delivery_id}/redeliver', {
          params: { path: { endpoint_id: id, delivery_id: deliveryId } },
        }),
      ),
    onSuccess: refresh,
  });
}
