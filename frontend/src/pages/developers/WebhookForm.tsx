import { type FormEvent, useId, useState } from 'react';
import type { Webhook, WebhookIn } from '../../api/developers';
import { FormError } from '../../components/States';
import { normaliseSymbols, splitEntries, symbolProblems } from './rules';

export const EVENT_TYPES = ['signal.created', 'signal.updated', 'pattern.created'] as const;
const DEFAULT_EVENTS = ['signal.created', 'signal.updated'];
const DIRECTIONS = ['both', 'long', 'short'] as const;
type Direction = (typeof DIRECTIONS)[number];

const EVENT_HELP: Record<string, string> = {
  'signal.created': 'a new signal',
  'signal.updated': 'a signal changed status (triggered, take profits, stopped, closed…)',
  'pattern.created': 'every new pattern on every timeframe (many a minute)',
};

interface Draft {
  url: string;
  description: string;
  events: Set<string>;
  symbols: string;
  direction: Direction;
  minConfluence: string;
  onlyProvenSetups: boolean;
}

function draftOf(endpoint: Webhook | null): Draft {
  if (!endpoint)
    return {
      url: '',
      description: '',
      events: new Set(DEFAULT_EVENTS),
      symbols: '',
      direction: 'both',
      minConfluence: '1',
      onlyProvenSetups: false,
    };
  return {
    url: endpoint.url,
    description: endpoint.description,
    events: new Set(endpoint.events),
    symbols: endpoint.filters.symbols.join(', '),
    direction: endpoint.filters.direction,
    minConfluence: String(endpoint.filters.min_confluence),
    onlyProvenSetups: endpoint.filters.only_proven_setups,
  };
}

/** An endpoint's URL, description, event types and filters: empty for a new one, or the
 * endpoint's values to edit. */
export function WebhookForm({
  endpoint,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  endpoint: Webhook | null;
  pending: boolean;
  error: unknown;
  onSubmit: (body: WebhookIn) => void;
  onCancel: () => void;
}) {
  const ids = { url: useId(), description: useId(), symbols: useId(), direction: useId(), confluence: useId() };
  const [draft, setDraft] = useState(() => draftOf(endpoint));
  const [problems, setProblems] = useState<string[]>([]);
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const toggleEvent = (type: string, on: boolean) => {
    const events = new Set(draft.events);
    if (on) events.add(type);
    else events.delete(type);
    update({ events });
  };
  const title = endpoint ? 'Edit endpoint' : 'New webhook endpoint';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const symbols = normaliseSymbols(splitEntries(draft.symbols));
    const events = EVENT_TYPES.filter((type) => draft.events.has(type));
    const found = [...(events.length ? [] : ['Choose at least one event type']), ...symbolProblems(symbols)];
    setProblems(found);
    if (found.length) return;
    onSubmit({
      url: draft.url.trim(),
      description: draft.description.trim(),
      events,
      filters: {
        symbols,
        direction: draft.direction,
        min_confluence: Number(draft.minConfluence),
        only_proven_setups: draft.onlyProvenSetups,
      },
    });
  };

  return (
    <form className="form panel" aria-label={title} onSubmit={submit}>
      <h2>{title}</h2>
      <div className="field">
        <label htmlFor={ids.url}>URL</label>
        <input
          id={ids.url}
          type="url"
          required
          maxLength={2048}
          placeholder="https://example.com/hooks/cryptolens"
          value={draft.url}
          onChange={(event) => update({ url: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.description}>Description (optional)</label>
        <input
          id={ids.description}
          maxLength={200}
          value={draft.description}
          onChange={(event) => update({ description: event.target.value })}
        />
      </div>
      <fieldset>
        <legend>Events</legend>
        {EVENT_TYPES.map((type) => (
          <label key={type} className="check event-check">
            <input type="checkbox" checked={draft.events.has(type)} onChange={(event) => toggleEvent(type, event.target.checked)} />
            <code>{type}</code> <span className="muted small">{EVENT_HELP[type]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Filters</legend>
        <div className="form-row">
          <div className="field grow">
            <label htmlFor={ids.symbols}>Symbols (empty: all)</label>
            <input
              id={ids.symbols}
              placeholder="BTC/USDT, ETH/USDT"
              value={draft.symbols}
              onChange={(event) => update({ symbols: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.direction}>Direction</label>
            <select id={ids.direction} value={draft.direction} onChange={(event) => update({ direction: event.target.value as Direction })}>
              {DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {direction}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.confluence}>Min. confluence (signals)</label>
            <input
              id={ids.confluence}
              type="number"
              min={1}
              max={6}
              required
              value={draft.minConfluence}
              onChange={(event) => update({ minConfluence: event.target.value })}
            />
          </div>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.onlyProvenSetups}
            onChange={(event) => update({ onlyProvenSetups: event.target.checked })}
          />
          Only proven setups (signals){' '}
          <span className="muted small">at least 30 resolved signals in the last 90 days, averaging above 0 R</span>
        </label>
        <p className="muted small">A bullish pattern counts as long, a bearish one as short.</p>
      </fieldset>
      {problems.length ? (
        <ul className="form-error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {endpoint ? 'Save' : 'Create endpoint'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
