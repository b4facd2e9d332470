import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ActionError } from './bits';
import { useTags } from './journalQueries';
import { type Trade, useUpdateTrade } from './queries';
import { MAX_TAGS_PER_TRADE } from './rules';
import { TagChip } from './TagsPanel';

/** The trade's tags: pick from the user's own (up to 10), saved at once. */
export function TradeTags({ trade }: { trade: Trade }) {
  const tags = useTags();
  const saved = trade.tags.map((tag) => tag.id).join(',');
  // The boxes follow the click at once; the server's answer (or a refusal) sets them again.
  const [chosen, setChosen] = useState(() => new Set(trade.tags.map((tag) => tag.id)));
  useEffect(() => setChosen(new Set(saved ? saved.split(',').map(Number) : [])), [saved]);
  const [picking, setPicking] = useState(false);
  const update = useUpdateTrade(trade.id);
  const toggle = (id: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
    update.mutate({ tags: [...next] }, { onError: () => setChosen(new Set(saved ? saved.split(',').map(Number) : [])) });
  };
  const all = tags.data ?? [];
  return (
    <section className="panel" aria-labelledby="trade-tags-title" data-testid="trade-tags">
      <div className="panel-head">
        <h2 id="trade-tags-title">Tags</h2>
        <button type="button" className="btn btn-ghost" onClick={() => setPicking(!picking)} aria-expanded={picking}>
          {picking ? 'Done' : 'Choose tags'}
        </button>
      </div>
      {trade.tags.length ? (
        <p className="tag-line">
          {trade.tags.map((tag) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
        </p>
      ) : (
        <p className="muted small">No tags on this trade.</p>
      )}
      {picking ? (
        all.length ? (
          <fieldset className="check-grid tag-picker" disabled={update.isPending}>
            <legend className="sr-only">Tags of this trade</legend>
            {all.map((tag) => {
              const on = chosen.has(tag.id);
              return (
                <label className="check" key={tag.id}>
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && chosen.size >= MAX_TAGS_PER_TRADE}
                    onChange={(event) => toggle(tag.id, event.target.checked)}
                  />{' '}
                  <TagChip tag={tag} />
                </label>
              );
            })}
          </fieldset>
        ) : (
          <p className="muted small">
            No tags yet: add some on the <Link to="/portfolios">portfolios page</Link>.
          </p>
        )
      ) : null}
      <ActionError error={update.error} />
    </section>
  );
}
