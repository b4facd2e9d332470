import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/errors';
import { UpgradePrompt } from './UpgradePrompt';

export function Skeleton({ rows = 6, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-label={label}>
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholder lines, their position is their identity
        <div key={index} className="skeleton-line" style={{ width: `${92 - ((index * 17) % 40)}%` }} />
      ))}
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div className="page">
      <div className="skeleton-title" />
      <Skeleton rows={8} />
    </div>
  );
}

/** An error as the API told it; a tier denial becomes what the tier would unlock. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  if (error instanceof ApiError && error.tierRequired) {
    return <UpgradePrompt message={error.message} tier={error.requiredTier} />;
  }
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="state state-error" role="alert">
      <strong>{title ?? 'Could not load this'}</strong>
      <p className="state-message">{errorMessage(error)}</p>
      {requestId ? <p className="muted small">Request id {requestId}</p> : null}
      {onRetry ? (
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <strong>{title}</strong>
      {children ? <div className="state-message">{children}</div> : null}
    </div>
  );
}

/** A small inline alert for form errors. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}
