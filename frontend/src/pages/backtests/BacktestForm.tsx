import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api/errors';
import { useSymbols } from '../../api/queries';
import { ErrorState, FormError, Skeleton } from '../../components/States';
import { type BacktestIn, type Parameter, useCreateBacktest, useTunableParameters } from './queries';
import {
  DAY_MS,
  earliestStartOf,
  formFromLive,
  hourFloor,
  MAX_DAYS,
  msFromUtcInput,
  overrides,
  type ParameterForm,
  parameterProblems,
  rangeProblems,
  utcInputValue,
  valueText,
  WARM_UP_DAYS,
} from './rules';

const LABELS: Record<string, string> = {
  min_confluence: 'Minimum confluence',
  require_htf: 'Require 4h or 1d',
  confluence_timeframes: 'Confluence timeframes',
  min_zone_pct: 'Minimum zone (%)',
  default_rr: 'Reward of TP3 (R)',
  signal_cooldown_hours: 'Cooldown (hours)',
  move_stop_to_entry_after_tp1: 'Stop to entry after TP1',
};

function rangeText(spec: Parameter): string {
  if (spec.type === 'bool' || spec.type === 'list') return `live: ${valueText(spec.value)}`;
  const low = spec.min === null ? '' : `${spec.min_exclusive ? '>' : '≥'} ${spec.min}`;
  const high = spec.max === null ? '' : `≤ ${spec.max}`;
  return `live: ${valueText(spec.value)} · ${[low, high].filter(Boolean).join(', ')}`;
}

function ParameterField({
  name,
  spec,
  value,
  problem,
  onChange,
}: {
  name: string;
  spec: Parameter;
  value: string | boolean | string[];
  problem?: string;
  onChange: (value: string | boolean | string[]) => void;
}) {
  const id = useId();
  const hint = `${id}-hint`;
  const label = LABELS[name] ?? name;
  if (spec.type === 'list') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="field bt-list" aria-describedby={hint}>
        <legend>{label}</legend>
        <div className="check-row">
          {(spec.choices ?? []).map((choice) => (
            <label key={choice} className="check">
              <input
                type="checkbox"
                name={name}
                checked={chosen.includes(choice)}
                onChange={(event) => onChange(event.target.checked ? [...chosen, choice] : chosen.filter((item) => item !== choice))}
              />
              {choice}
            </label>
          ))}
        </div>
        <span id={hint} className="muted small">
          {rangeText(spec)}
        </span>
        {problem ? <span className="field-problem">{problem}</span> : null}
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {spec.type === 'bool' ? (
        <select
          id={id}
          name={name}
          value={value ? 'true' : 'false'}
          onChange={(event) => onChange(event.target.value === 'true')}
          aria-describedby={hint}
        >
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      ) : (
        <input
          id={id}
          name={name}
          inputMode={spec.type === 'int' ? 'numeric' : 'decimal'}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={hint}
        />
      )}
      <span id={hint} className="muted small">
        {rangeText(spec)}
      </span>
      {problem ? <span className="field-problem">{problem}</span> : null}
    </div>
  );
}

/** A 422 `insufficient_history`: the server's words and the earliest start it names. */
function HistoryProblem({ error, onUse }: { error: ApiError; onUse: (start: number) => void }) {
  const earliest = earliestStartOf(error.message);
  return (
    <div className="form-error" role="alert" data-testid="insufficient-history">
      <p>{error.message}</p>
      {earliest !== null ? (
        <button type="button" className="btn" onClick={() => onUse(earliest)}>
          Start at {utcInputValue(earliest).replace('T', ' ')} UTC
        </button>
      ) : null}
    </div>
  );
}

/** A new backtest: symbol, UTC range and the tunable parameters, the live values first. */
export function BacktestForm({ onCreated, busy }: { onCreated: (id: number) => void; busy: boolean }) {
  const symbols = useSymbols();
  const parameters = useTunableParameters();
  if (symbols.isPending || parameters.isPending) return <Skeleton rows={4} label="Loading the form" />;
  if (symbols.isError) return <ErrorState error={symbols.error} onRetry={() => void symbols.refetch()} />;
  if (parameters.isError) return <ErrorState error={parameters.error} onRetry={() => void parameters.refetch()} />;
  return <FormBody symbols={symbols.data.map((symbol) => symbol.symbol)} specs={parameters.data} onCreated={onCreated} busy={busy} />;
}

function FormBody({
  symbols,
  specs,
  onCreated,
  busy,
}: {
  symbols: string[];
  specs: Record<string, Parameter>;
  onCreated: (id: number) => void;
  busy: boolean;
}) {
  const id = useId();
  const [symbol, setSymbol] = useState(symbols.includes('BTC/USDT') ? 'BTC/USDT' : (symbols[0] ?? ''));
  // One day ending at the last full hour, as a first suggestion.
  const [end, setEnd] = useState(() => utcInputValue(hourFloor(Date.now())));
  const [start, setStart] = useState(() => utcInputValue(hourFloor(Date.now()) - DAY_MS));
  const [form, setForm] = useState<ParameterForm>(() => formFromLive(specs));
  const [tried, setTried] = useState(false);
  const create = useCreateBacktest((backtest) => onCreated(backtest.id));
  const startMs = msFromUtcInput(start);
  const endMs = msFromUtcInput(end);
  const range = rangeProblems(startMs, endMs, Date.now());
  const problems = parameterProblems(form, specs);
  const valid = !range.start && !range.end && Object.keys(problems).length === 0 && symbol !== '';
  const changed = overrides(form, specs);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!valid || startMs === null || endMs === null) return;
    const body: BacktestIn = { symbol, start: startMs, end: endMs, parameters: changed };
    create.mutate(body);
  };
  const historyError = create.error instanceof ApiError && create.error.code === 'insufficient_history' ? create.error : null;
  return (
    <form className="panel bt-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="backtest-form">
      <h2 id={`${id}-title`}>New backtest</h2>
      <p className="muted small" id={`${id}-hint`}>
        Times are UTC, whole minutes; the range is 1 to {MAX_DAYS} days. The replay warms up on the {WARM_UP_DAYS} days before the start, so
        the stored 1m history of the symbol must reach {WARM_UP_DAYS} days before it.
      </p>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-symbol`}>Symbol</label>
          <select id={`${id}-symbol`} value={symbol} onChange={(event) => setSymbol(event.target.value)}>
            {symbols.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>Start (UTC)</label>
          <input
            id={`${id}-start`}
            type="datetime-local"
            step={60}
            value={start}
            onChange={(event) => setStart(event.target.value)}
            aria-invalid={tried && range.start ? true : undefined}
            aria-describedby={`${id}-hint`}
          />
          {tried && range.start ? <span className="field-problem">{range.start}</span> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>End (UTC)</label>
          <input
            id={`${id}-end`}
            type="datetime-local"
            step={60}
            value={end}
            onChange={(event) => setEnd(event.target.value)}
            aria-invalid={tried && range.end ? true : undefined}
            aria-describedby={`${id}-hint`}
          />
          {tried && range.end ? <span className="field-problem">{range.end}</span> : null}
        </div>
      </div>
      <fieldset className="bt-parameters">
        <legend>Parameters (the live values unless changed)</legend>
        <div className="form-row">
          {Object.entries(specs).map(([name, spec]) => (
            <ParameterField
              key={name}
              name={name}
              spec={spec}
              value={form[name] ?? ''}
              problem={tried ? problems[name] : undefined}
              onChange={(value) => setForm((current) => ({ ...current, [name]: value }))}
            />
          ))}
        </div>
        <p className="muted small" data-testid="changed-parameters">
          {Object.keys(changed).length === 0
            ? 'All parameters at their live values.'
            : `Changed: ${Object.entries(changed)
                .map(([name, value]) => `${name} ${valueText(value)}`)
                .join(' · ')}`}
        </p>
      </fieldset>
      {historyError ? (
        <HistoryProblem
          error={historyError}
          onUse={(earliest) => {
            const span = endMs !== null && startMs !== null ? endMs - startMs : DAY_MS;
            setStart(utcInputValue(earliest));
            setEnd(utcInputValue(Math.min(earliest + span, hourFloor(Date.now()))));
            create.reset();
          }}
        />
      ) : (
        <FormError error={create.error} />
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending || busy}>
          {create.isPending ? 'Queuing…' : 'Run backtest'}
        </button>
        {busy ? <span className="muted small">One backtest runs at a time: wait for yours to finish or cancel it.</span> : null}
        {Object.keys(changed).length ? (
          <button type="button" className="btn btn-ghost" onClick={() => setForm(formFromLive(specs))}>
            Reset to live values
          </button>
        ) : null}
      </div>
    </form>
  );
}
