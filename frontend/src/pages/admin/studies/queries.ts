/** The parameter study pages' server state (admin): studies (polled every 2 s while one is
 * queued or running), a study's windows, and the writes. Keys start with 'admin', so every
 * console write (useAdminAction) refreshes them too. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys, unwrapNoContent } from '../../../api/admin';
import { api, unwrapData } from '../../../api/client';
import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type Study = Schemas['StudyOut'];
export type StudyIn = Schemas['StudyIn'];
export type StudyWindow = Schemas['StudyWindowOut'];

const ACTIVE_POLL = 2_000;
const IDLE_POLL = 30_000;
const active = (status: string) => status === 'queued' || status === 'running';

export const studyKeys = {
  list: [...adminKeys.all, 'studies'] as const,
  one: (id: number) => [...adminKeys.all, 'study', id] as const,
  windows: (id: number) => [...adminKeys.all, 'study', id, 'windows'] as const,
};

export function useStudies() {
  return useQuery({
    queryKey: studyKeys.list,
    queryFn: () => unwrapData(api.GET('/api/v1/admin/studies', { params: { query: { limit: 100 } } })),
    refetchInterval: (query) => (query.state.data?.some((study) => active(study.status)) ? ACTIVE_POLL : IDLE_POLL),
  });
}

export function useStudy(id: number) {
  return useQuery({
    queryKey: studyKeys.one(id),
    queryFn: () => unwrapData(api.GET('/api/v1/admin/studies/{study_id}', { params: { path: { study_id: id } } })),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: (query) => (query.state.data && active(query.state.data.status) ? ACTIVE_POLL : false),
  });
}

/** The rows per symbol and window; refreshed with the study while it runs. */
export function useStudyWindows(id: number, running: boolean) {
  return useQuery({
    queryKey: studyKeys.windows(id),
    queryFn: () => unwrapData(api.GET('/api/v1/admin/studies/{study_id}/windows', { params: { path: { study_id: id } } })),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: running ? ACTIVE_POLL : false,
  });
}

export function useCreateStudy(onCreated: (study: Study) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: StudyIn) => {
      const result = await api.POST('/api/v1/admin/studies', { body });
      // Answered 202 (accepted): read as the envelope it is.
      return unwrapData(Promise.resolve(result)) as Promise<Study>;
    },
    onSuccess: (study) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.all });
      onCreated(study);
    },
  });
}

export function useCancelStudy(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/admin/studies/{study_id}/cancel', { params: { path: { study_id: id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export function useDeleteStudy(id: number, onDeleted: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapNoContent(api.DELETE('/api/v1/admin/studies/{study_id}', { params: { path: { study_id: id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: studyKeys.one(id) });
      void queryClient.invalidateQueries({ queryKey: studyKeys.list });
      onDeleted();
    },
  });
}

/** Writes the chosen values as live settings, one audited PUT /admin/settings/{key} each, in
 * the order given (applyOrder). Stops at the first refusal: the ones before it are applied. */
export function useApplyValues(onApplied: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: readonly { key: string; to: unknown }[]) => {
      for (const change of changes) {
        await unwrapData(api.PUT('/api/v1/admin/settings/{key}', { params: { path: { key: change.key } }, body: { value: change.to } }));
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: adminKeys.all }),
    onSuccess: onApplied,
  });
}
