import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../../api/errors';
import { useSymbols } from '../../../api/queries';
import { ErrorState, FormError, Skeleton } from '../../../components/States';
import { type Parameter, useTunableParameters } from '../../backtests/queries';
import { DAY_MS, earliestStartOf, hourFloor, msFromUtcInput, utcInputValue, valueText, WARM_UP_DAYS } from '../../backtests/rules';
import { type Study, type StudyIn, useCreateStudy } from './queries';
import { combinationCount, type Grid, MAX_SYMBOLS, parseGridValues, sizeProblem, windowCount } from './rules';

/** A suggestion for a tunable's values: its live value first. */
function placeholder(spec: Parameter): string {
  if (spec.type === 'bool') return 'true, false';
  if (spec.type === 'list') return `${valueText(spec.value).replaceAll(' ', '')}; ${(spec.choices ?? []).join(',')}`;
  return `${valueText(spec.value)}, …`;
}

function GridRow({
  name,
  spec,
  on,
  text,
  onToggle,
  onText,
}: {
  name: string;
  spec: Parameter;
  on: boolean;
  text: string;
  onToggle: (on: boolean) => void;
  onText: (text: string) => void;
}) {
  const id = useId();
  const parsed = parseGridValues(text, spec);
  return (
    <div className="study-grid-row" data-testid={`grid-${name}`}>
      <label className="check">
        <input type="checkbox" checked={on} onChange={(event) => onToggle(event.target.checked)} />
        <code>{name}</code>
      </label>
      <div className="field grow">
        <label htmlFor={id} className="sr-only">
          Values of {name}
        </label>
        <input
          id={id}
          value={text}
          disabled={!on}
          placeholder={placeholder(spec)}
          onChange={(event) => onText(event.target.value)}
          aria-invalid={on && parsed.problem ? true : undefined}
          aria-describedby={`${id}-hint`}
        />
        <span id={`${id}-hint`} className="muted small">
          live {valueText(spec.value)}
          {spec.type === 'list' ? ' · lists separated by ";", timeframes by ","' : ' · values separated by ","'}
          {on ? (parsed.problem ? '' : ` · ${parsed.values.length} value${parsed.values.length === 1 ? '' : 's'}`) : ''}
        </span>
        {on && parsed.problem ? <span className="field-problem">{parsed.problem}</span> : null}
      </div>
    </div>
  );
}

/** The study form: the grid of tunables (1-10 values each), 1-5 symbols, the range and the
 * window lengths, with the combination and window counts as typed. */
export function StudyBuilder({ onCreated }: { onCreated: (study: Study) => void }) {
  const symbols = useSymbols();
  const parameters = useTunableParameters();
  if (symbols.isPending || parameters.isPending) return <Skeleton rows={5} label="Loading the study form" />;
  if (symbols.isError) return <ErrorState error={symbols.error} />;
  if (parameters.isError) return <ErrorState error={parameters.error} />;
  return <Builder symbols={symbols.data.map((symbol) => symbol.symbol)} specs={parameters.data} onCreated={onCreated} />;
}

function Builder({
  symbols,
  specs,
  onCreated,
}: {
  symbols: string[];
  specs: Record<string, Parameter>;
  onCreated: (study: Study) => void;
}) {
  const id = useId();
  const [chosenSymbols, setChosenSymbols] = useState<string[]>(symbols.slice(0, 1));
  const [varied, setVaried] = useState<Record<string, boolean>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [end, setEnd] = useState(() => utcInputValue(hourFloor(Date.now())));
  const [start, setStart] = useState(() => utcInputValue(hourFloor(Date.now()) - 90 * DAY_MS));
  const [trainDays, setTrainDays] = useState('60');
  const [testDays, setTestDays] = useState('14');
  const [minSample, setMinSample] = useState('30');
  const [tried, setTried] = useState(false);
  const create = useCreateStudy(onCreated);

  const grid: Grid = {};
  const gridProblems: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    if (!varied[name]) continue;
    const parsed = parseGridValues(texts[name] ?? '', spec);
    if (parsed.problem) gridProblems.push(`${name}: ${parsed.problem}`);
    else grid[name] = parsed.values;
  }
  const combinations = combinationCount(grid);
  const startMs = msFromUtcInput(start);
  const endMs = msFromUtcInput(end);
  const train = Number(trainDays);
  const test = Number(testDays);
  const windows = startMs !== null && endMs !== null ? windowCount(startMs, endMs, train, test) : 0;
  const numbers: string[] = [];
  if (!/^\d+$/.test(trainDays) || train < 14 || train > 180) numbers.push('train days: 14 to 180');
  if (!/^\d+$/.test(testDays) || test < 7 || test > 60) numbers.push('test days: 7 to 60');
  if (!/^\d+$/.test(minSample) || Number(minSample) < 10 || Number(minSample) > 1000) numbers.push('minimum sample: 10 to 1,000');
  if (startMs === null || endMs === null) numbers.push('a start and an end (UTC)');
  const size = sizeProblem(chosenSymbols.length, windows, combinations);
  const problems = [...gridProblems, ...numbers, ...(size ? [size] : [])];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.length || startMs === null || endMs === null) return;
    const body: StudyIn = {
      symbols: chosenSymbols,
      start: startMs,
      end: endMs,
      grid,
      train_days: train,
      test_days: test,
      min_sample: Number(minSample),
    };
    create.mutate(body);
  };
  const earliest =
    create.error instanceof ApiError && create.error.code === 'insufficient_history' ? earliestStartOf(create.error.message) : null;
  return (
    <form className="panel study-builder" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="study-builder">
      <h2 id={`${id}-title`}>New study</h2>
      <fieldset>
        <legend>Grid: the tunables to vary (1 to 10 values each, at most 100 combinations)</legend>
        {Object.entries(specs).map(([name, spec]) => (
          <GridRow
            key={name}
            name={name}
            spec={spec}
            on={Boolean(varied[name])}
            text={texts[name] ?? ''}
            onToggle={(on) => {
              setVaried((current) => ({ ...current, [name]: on }));
              if (on && !texts[name])
                setTexts((current) => ({
                  ...current,
                  [name]: spec.type === 'list' ? valueText(spec.value).replaceAll(' ', '') : valueText(spec.value),
                }));
            }}
            onText={(text) => setTexts((current) => ({ ...current, [name]: text }))}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>Symbols (1 to {MAX_SYMBOLS})</legend>
        <div className="check-row">
          {symbols.map((symbol) => (
            <label key={symbol} className="check">
              <input
                type="checkbox"
                checked={chosenSymbols.includes(symbol)}
                onChange={(event) =>
                  setChosenSymbols((current) => (event.target.checked ? [...current, symbol] : current.filter((item) => item !== symbol)))
                }
              />
              {symbol}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-start`}>Start (UTC)</label>
          <input id={`${id}-start`} type="datetime-local" step={60} value={start} onChange={(event) => setStart(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>End (UTC)</label>
          <input id={`${id}-end`} type="datetime-local" step={60} value={end} onChange={(event) => setEnd(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-train`}>Train days</label>
          <input id={`${id}-train`} inputMode="numeric" value={trainDays} onChange={(event) => setTrainDays(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-test`}>Test days</label>
          <input id={`${id}-test`} inputMode="numeric" value={testDays} onChange={(event) => setTestDays(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sample`}>Minimum sample</label>
          <input id={`${id}-sample`} inputMode="numeric" value={minSample} onChange={(event) => setMinSample(event.target.value)} />
        </div>
      </div>
      <p className="study-counts" aria-live="polite" data-testid="study-counts">
        <strong data-testid="combination-count">
          {combinations} combination{combinations === 1 ? '' : 's'}
        </strong>{' '}
        · {windows} window{windows === 1 ? '' : 's'} · {chosenSymbols.length} symbol{chosenSymbols.length === 1 ? '' : 's'} · about{' '}
        {chosenSymbols.length * windows * (combinations + 2)} replays
      </p>
      <p className="muted small">
        The stored 1m history of each symbol must reach {WARM_UP_DAYS} days before the start. A study changes nothing live: applying its
        values is a separate, audited settings change.
      </p>
      {tried && problems.length ? (
        <ul className="form-error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <FormError error={create.error} />
      {earliest !== null ? (
        <button type="button" className="btn" onClick={() => setStart(utcInputValue(earliest))}>
          Start at {utcInputValue(earliest).replace('T', ' ')} UTC
        </button>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? 'Queuing…' : 'Run study'}
        </button>
      </div>
    </form>
  );
}
