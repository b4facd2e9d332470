import { Fragment, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useRuntimeSettings } from '../../../api/admin';
import { Time } from '../../../components/Display';
import { EmptyState, ErrorState, FormError, PageSkeleton, Skeleton } from '../../../components/States';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { formatR } from '../../../lib/format';
import { StatusTag } from '../../backtests/bits';
import { daysText, formatRate, formatRatio, valueText } from '../../backtests/rules';
import { ConfirmButton } from '../../developers/ConfirmButton';
import { type Study, type StudyWindow, useApplyValues, useCancelStudy, useDeleteStudy, useStudy, useStudyWindows } from './queries';
import { type ChosenOption, chosenOptions, fixed, settingsDiff } from './rules';
import { StudyProgress } from './StudyBits';
import '../../backtests/backtests.css';
import './studies.css';

interface Side {
  resolved: number;
  win_rate: number | null;
  avg_r: number | null;
  profit_factor: number | null;
  max_drawdown_r: number;
  windows_positive: number;
}

interface Aggregate {
  windows: number;
  windows_insufficient_sample: number;
  chosen: Side;
  baseline: Side;
  mean_train_avg_r: number | null;
  mean_test_avg_r: number | null;
  overfitting_gap: number | null;
}

interface Aggregates {
  overall: Aggregate;
  by_symbol: (Aggregate & { symbol: string })[];
}

function AggregateRows({ label, aggregate }: { label: string; aggregate: Aggregate }) {
  const sides = [
    ['chosen', aggregate.chosen],
    ['baseline (live)', aggregate.baseline],
  ] as const;
  return (
    <>
      {sides.map(([side, figures], index) => (
        <tr key={side} className={index === 0 ? 'study-first' : undefined}>
          <th scope="row">
            {label} · {side}
          </th>
          <td className="right num">{figures.resolved}</td>
          <td className="right num">{formatRate(figures.win_rate)}</td>
          <td className="right num">{formatR(figures.avg_r)}</td>
          <td className="right num">{formatRatio(figures.profit_factor)}</td>
          <td className="right num">{fixed(figures.max_drawdown_r)} R</td>
          <td className="right num">
            {figures.windows_positive} of {aggregate.windows}
          </td>
          <td className="right num">{index === 0 ? formatR(aggregate.overfitting_gap) : ''}</td>
        </tr>
      ))}
    </>
  );
}

function AggregatesPanel({ aggregates }: { aggregates: Aggregates }) {
  const overall = aggregates.overall;
  return (
    <section className="panel" aria-labelledby="study-aggregates-title" data-testid="study-aggregates">
      <h2 id="study-aggregates-title">Out of sample: chosen against the live values</h2>
      <p className="muted small">
        Over all test signals pooled. {overall.windows} window{overall.windows === 1 ? '' : 's'} counted
        {overall.windows_insufficient_sample ? `, ${overall.windows_insufficient_sample} left out (insufficient sample)` : ''}. Overfitting
        gap = mean train avg R ({formatR(overall.mean_train_avg_r)}) − mean test avg R ({formatR(overall.mean_test_avg_r)}).
      </p>
      <div className="table-scroll">
        <table className="table dense">
          <thead>
            <tr>
              <th scope="col">Scope</th>
              <th scope="col" className="right">
                Resolved
              </th>
              <th scope="col" className="right">
                Win rate
              </th>
              <th scope="col" className="right">
                Avg R
              </th>
              <th scope="col" className="right">
                PF
              </th>
              <th scope="col" className="right">
                Max DD
              </th>
              <th scope="col" className="right">
                Windows avg R &gt; 0
              </th>
              <th scope="col" className="right">
                Overfitting gap
              </th>
            </tr>
          </thead>
          <tbody>
            <AggregateRows label="All symbols" aggregate={overall} />
            {aggregates.by_symbol.map((item) => (
              <AggregateRows key={item.symbol} label={item.symbol} aggregate={item} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function chosenText(values: Record<string, unknown> | null): string {
  if (!values) return '—';
  return Object.entries(values)
    .map(([key, value]) => `${key} ${valueText(value)}`)
    .join(' · ');
}

function WindowsTable({ windows }: { windows: readonly StudyWindow[] }) {
  return (
    <div className="table-scroll">
      <table className="table dense" data-testid="study-windows">
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Window</th>
            <th scope="col">Train (UTC)</th>
            <th scope="col">Test (UTC)</th>
            <th scope="col">Status</th>
            <th scope="col">Chosen</th>
            <th scope="col" className="right">
              Train resolved
            </th>
            <th scope="col" className="right">
              Train avg R
            </th>
            <th scope="col" className="right">
              Test count
            </th>
            <th scope="col" className="right">
              Test resolved
            </th>
            <th scope="col" className="right">
              Test win rate
            </th>
            <th scope="col" className="right">
              Test avg R
            </th>
            <th scope="col" className="right">
              Test PF
            </th>
            <th scope="col" className="right">
              Baseline resolved
            </th>
            <th scope="col" className="right">
              Baseline avg R
            </th>
          </tr>
        </thead>
        <tbody>
          {windows.map((window) => (
            <tr key={`${window.symbol}:${window.k}`}>
              <td>{window.symbol}</td>
              <td className="num">{window.k}</td>
              <td className="small">
                <Time ms={window.train_start} /> – <Time ms={window.train_end} />
              </td>
              <td className="small">
                <Time ms={window.test_start} /> – <Time ms={window.test_end} />
              </td>
              <td>{window.status.replaceAll('_', ' ')}</td>
              <td className="wrap-cell small">{chosenText(window.chosen_values)}</td>
              <td className="right num">{window.train_resolved ?? '—'}</td>
              <td className="right num">{formatR(window.train_avg_r)}</td>
              <td className="right num">{window.test_count ?? '—'}</td>
              <td className="right num">{window.test_resolved ?? '—'}</td>
              <td className="right num">{formatRate(window.test_win_rate)}</td>
              <td className="right num">{formatR(window.test_avg_r)}</td>
              <td className="right num">{formatRatio(window.test_profit_factor)}</td>
              <td className="right num">{window.baseline_resolved ?? '—'}</td>
              <td className="right num">{formatR(window.baseline_avg_r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function optionLabel(option: ChosenOption): string {
  return `${chosenText(option.values)} (${option.windows} window${option.windows === 1 ? '' : 's'})`;
}

/** Choose values the windows picked and, after a confirmation showing what changes, write them
 * as live settings (the audited admin settings API). */
function ApplyValues({ windows }: { windows: readonly StudyWindow[] }) {
  const options = useMemo(() => chosenOptions(windows), [windows]);
  const settings = useRuntimeSettings();
  const [picked, setPicked] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [applied, setApplied] = useState('');
  const apply = useApplyValues(() => {
    setConfirming(false);
    setApplied('Applied: the live settings now hold these values.');
  });
  const live = useMemo(() => Object.fromEntries((settings.data ?? []).map((setting) => [setting.key, setting.value])), [settings.data]);
  const option = options[picked] ?? options[0];
  if (!option) return null;
  const diff = settingsDiff(live, option.values);
  return (
    <section className="panel" aria-labelledby="study-apply-title" data-testid="study-apply">
      <h2 id="study-apply-title">Use the chosen values</h2>
      <div className="form-row">
        <div className="field grow">
          <label htmlFor="study-apply-pick">Values (the most recent window's first)</label>
          <select
            id="study-apply-pick"
            value={picked}
            onChange={(event) => {
              setPicked(Number(event.target.value));
              setConfirming(false);
              setApplied('');
            }}
          >
            {options.map((choice, index) => (
              <option key={optionLabel(choice)} value={index}>
                {optionLabel(choice)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            setConfirming(true);
            setApplied('');
            apply.reset();
          }}
          disabled={confirming}
        >
          Apply these values
        </button>
      </div>
      {applied ? (
        <p className="ok-text" role="status">
          {applied}
        </p>
      ) : null}
      {confirming ? (
        <div className="study-confirm" role="alertdialog" aria-labelledby="study-confirm-title" aria-describedby="study-confirm-note">
          <h3 id="study-confirm-title">Change the live settings?</h3>
          {settings.isPending ? (
            <Skeleton rows={2} label="Loading the live settings" />
          ) : settings.isError ? (
            <ErrorState error={settings.error} />
          ) : diff.length === 0 ? (
            <p>The live settings already hold these values: nothing to change.</p>
          ) : (
            <table className="table dense" data-testid="study-diff">
              <thead>
                <tr>
                  <th scope="col">Setting</th>
                  <th scope="col">Live now</th>
                  <th scope="col">New</th>
                </tr>
              </thead>
              <tbody>
                {diff.map((change) => (
                  <tr key={change.key}>
                    <td>
                      <code>{change.key}</code>
                    </td>
                    <td className="num">{valueText(change.from)}</td>
                    <td className="num">
                      <strong>{valueText(change.to)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p id="study-confirm-note" className="muted small">
            Each change is a separate, audited settings change; the next cycle uses it. Past results do not guarantee these values do
            better.
          </p>
          <FormError error={apply.error} />
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={apply.isPending || diff.length === 0 || !settings.data}
              onClick={() => apply.mutate(diff)}
            >
              {apply.isPending ? 'Applying…' : `Apply ${diff.length} change${diff.length === 1 ? '' : 's'}`}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              Keep the live settings
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function Actions({ study }: { study: Study }) {
  const navigate = useNavigate();
  const cancel = useCancelStudy(study.id);
  const remove = useDeleteStudy(study.id, () => void navigate('/admin/studies'));
  const moving = study.status === 'queued' || study.status === 'running';
  return (
    <div className="form-actions">
      {moving ? (
        <ConfirmButton label="Cancel" confirm="Confirm cancel" pending={cancel.isPending} onConfirm={() => cancel.mutate()} />
      ) : null}
      <ConfirmButton label="Delete" confirm="Confirm delete" pending={remove.isPending} onConfirm={() => remove.mutate()} />
      <FormError error={cancel.error ?? remove.error} />
    </div>
  );
}

function Inputs({ study }: { study: Study }) {
  return (
    <dl className="facts">
      <dt>Symbols</dt>
      <dd>{study.symbols.join(', ')}</dd>
      <dt>Range</dt>
      <dd>
        <Time ms={study.start} /> to <Time ms={study.end} /> ({daysText(study.end - study.start)})
      </dd>
      <dt>Windows</dt>
      <dd>
        train {study.train_days} days, test {study.test_days} days, minimum sample {study.min_sample} resolved
      </dd>
      <dt>Grid</dt>
      <dd>
        {Object.entries(study.grid).map(([key, values]) => (
          <Fragment key={key}>
            <code>{key}</code> {values.map(valueText).join(' | ')}
            <br />
          </Fragment>
        ))}
        {study.combinations.length} combinations
      </dd>
    </dl>
  );
}

/** /admin/studies/:id: a study's progress, windows, out-of-sample aggregates and its values. */
export function StudyPage() {
  const id = Number(useParams().id);
  const study = useStudy(id);
  const moving = study.data?.status === 'queued' || study.data?.status === 'running';
  const windows = useStudyWindows(id, moving);
  useDocumentTitle(`Admin · Study #${id}`);
  if (study.isPending) return <PageSkeleton />;
  if (study.isError) return <ErrorState error={study.error} onRetry={() => void study.refetch()} />;
  const data = study.data;
  const aggregates = data.aggregates as Aggregates | null;
  return (
    <div className="page page-wide studies">
      <p className="muted small">
        <Link to="/admin/studies">Studies</Link> / #{data.id}
      </p>
      <div className="page-head">
        <h1>
          Study #{data.id} <StatusTag status={data.status} />
        </h1>
        <Actions study={data} />
      </div>
      <p className="study-warning" role="note" data-testid="study-warning">
        {data.warning}
      </p>
      {moving ? <StudyProgress study={data} /> : null}
      {data.error ? (
        <div className="state state-error" role="alert">
          <strong>The study failed</strong>
          <p className="state-message">{data.error}</p>
        </div>
      ) : null}
      <section className="panel" aria-labelledby="study-inputs-title">
        <h2 id="study-inputs-title">Inputs</h2>
        <Inputs study={data} />
      </section>
      {aggregates ? <AggregatesPanel aggregates={aggregates} /> : null}
      <section className="panel" aria-labelledby="study-windows-title">
        <h2 id="study-windows-title">Windows</h2>
        {windows.isPending ? (
          <Skeleton rows={4} label="Loading windows" />
        ) : windows.isError ? (
          <ErrorState error={windows.error} onRetry={() => void windows.refetch()} />
        ) : windows.data.length === 0 ? (
          <EmptyState title="No windows yet" />
        ) : (
          <WindowsTable windows={windows.data} />
        )}
      </section>
      {data.status === 'completed' && windows.data ? <ApplyValues windows={windows.data} /> : null}
    </div>
  );
}
