/** Cursor pagination: the cursor is in the URL, so a page can be shared; Back returns. */
export function Pager({
  cursor,
  nextCursor,
  count,
  onFirst,
  onNext,
}: {
  cursor: string;
  nextCursor: string | null;
  count: number;
  onFirst: () => void;
  onNext: (cursor: string) => void;
}) {
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="btn" onClick={onFirst} disabled={!cursor}>
        ⇤ Newest
      </button>
      <span className="muted small">
        {count} shown{cursor ? ' (older page)' : ''}
      </span>
      <button type="button" className="btn" onClick={() => nextCursor && onNext(nextCursor)} disabled={!nextCursor}>
        Older →
      </button>
    </nav>
  );
}
