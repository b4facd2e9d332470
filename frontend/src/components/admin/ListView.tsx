import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { metaCursor, type Page } from '../../api/client';
import { Pager } from '../Pager';
import { EmptyState, ErrorState, Skeleton } from '../States';

/** A paged admin list: loading, error, empty or the rows, then the cursor pager. */
export function ListView<T>({
  query,
  cursor,
  onCursor,
  emptyTitle,
  emptyText,
  label,
  children,
}: {
  query: UseQueryResult<Page<T[]>>;
  cursor: string;
  onCursor: (cursor: string | null) => void;
  emptyTitle: string;
  emptyText?: ReactNode;
  label: string;
  children: (rows: T[]) => ReactNode;
}) {
  if (query.isPending) return <Skeleton rows={10} label={`Loading ${label}`} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data.data;
  if (rows.length === 0) return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>;
  return (
    <>
      <div className={query.isPlaceholderData ? 'table-scroll loading' : 'table-scroll'}>{children(rows)}</div>
      <Pager
        cursor={cursor}
        nextCursor={metaCursor(query.data.meta)}
        count={rows.length}
        onFirst={() => onCursor(null)}
        onNext={(next) => onCursor(next)}
      />
    </>
  );
}
