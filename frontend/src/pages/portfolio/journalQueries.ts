/** Tags (the user's own labels for trades) and a trade's journal entries. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrapData } from '../../api/client';
import type { BodyOf, DataOf, Item } from '../../api/pathTypes';
import type { paths } from '../../api/schema';

export type Tag = Item<DataOf<paths['/api/v1/tags']['get']>>;
export type TagIn = BodyOf<paths['/api/v1/tags']['post']>;
export type TagPatch = BodyOf<paths['/api/v1/tags/{tag_id}']['patch']>;
export type JournalEntry = Item<DataOf<paths['/api/v1/trades/{trade_id}/journal']['get']>>;
export type JournalEntryIn = BodyOf<paths['/api/v1/trades/{trade_id}/journal']['post']>;
export type JournalEntryPatch = BodyOf<paths['/api/v1/journal/{entry_id}']['patch']>;
export type EntryType = JournalEntry['entry_type'];
export type Mood = NonNullable<JournalEntry['mood']>;

export const ENTRY_TYPES: readonly EntryType[] = ['pre_trade', 'during', 'post_trade', 'lesson'];
export const MOODS: readonly Mood[] = ['confident', 'neutral', 'fearful', 'greedy', 'fomo', 'revenge'];

const tagsKey = ['tags'] as const;
const journalKey = (tradeId: number) => ['trades', tradeId, 'journal'] as const;

export function useTags(enabled = true) {
  return useQuery({
    queryKey: tagsKey,
    queryFn: () => unwrapData(api.GET('/api/v1/tags')),
    enabled,
    staleTime: 30_000,
  });
}

/** A tag's change shows on trades too (their names and colours): refresh those as well. */
function useRefreshTags() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: tagsKey });
    void queryClient.invalidateQueries({ queryKey: ['trades'] });
    void queryClient.invalidateQueries({ queryKey: ['portfolios'] });
  };
}

export function useCreateTag(onCreated?: (tag: Tag) => void) {
  const refresh = useRefreshTags();
  return useMutation({
    mutationFn: (body: TagIn) => unwrapData(api.POST('/api/v1/tags', { body })),
    onSuccess: (tag) => {
      refresh();
      onCreated?.(tag);
    },
  });
}

export function useUpdateTag(id: number, onSaved?: () => void) {
  const refresh = useRefreshTags();
  return useMutation({
    mutationFn: (body: TagPatch) => unwrapData(api.PATCH('/api/v1/tags/{tag_id}', { params: { path: { tag_id: id } }, body })),
    onSuccess: () => {
      refresh();
      onSaved?.();
    },
  });
}

export function useDeleteTag(id: number) {
  const refresh = useRefreshTags();
  return useMutation({
    mutationFn: () => unwrapData(api.DELETE('/api/v1/tags/{tag_id}', { params: { path: { tag_id: id } } })),
    onSuccess: refresh,
  });
}

export function useJournal(tradeId: number) {
  return useQuery({
    queryKey: journalKey(tradeId),
    queryFn: () => unwrapData(api.GET('/api/v1/trades/{trade_id}/journal', { params: { path: { trade_id: tradeId } } })),
  });
}

export function useAddEntry(tradeId: number, onAdded?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JournalEntryIn) =>
      unwrapData(api.POST('/api/v1/trades/{trade_id}/journal', { params: { path: { trade_id: tradeId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: journalKey(tradeId) });
      onAdded?.();
    },
  });
}

export function useUpdateEntry(tradeId: number, entryId: number, onSaved?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JournalEntryPatch) =>
      unwrapData(api.PATCH('/api/v1/journal/{entry_id}', { params: { path: { entry_id: entryId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: journalKey(tradeId) });
      onSaved?.();
    },
  });
}

export function useDeleteEntry(tradeId: number, entryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapData(api.DELETE('/api/v1/journal/{entry_id}', { params: { path: { entry_id: entryId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: journalKey(tradeId) }),
  });
}
