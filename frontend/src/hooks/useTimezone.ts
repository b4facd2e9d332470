import { useMe } from '../api/queries';

/** The signed-in user's IANA timezone (profile setting), else the browser's. */
export function useTimezone(): string {
  const { data } = useMe();
  return data?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}
