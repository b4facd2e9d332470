import { useState } from 'react';
import { Link } from 'react-router';
import { type JobInfo, QUEUES, RUN_STATUSES, type RunQuery, useJobRuns, useJobs } from '../../api/admin';
import { api, unwrap, unwrapData } from '../../api/client';
import { isOneOf } from '../../api/types';
import { FilterBar, SearchFilter } from '../../components/admin/filters';
import { ListView } from '../../components/admin/ListView';
import { Toggle } from '../../components/admin/Toggle';
import { StatusBadge, Time } from '../../components/Display';
import { FilterSelect, toOptions } from '../../components/FilterSelect';
import { ErrorState, FormError, Skeleton } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFilters } from '../../hooks/useFilters';
import { formatDuration, formatRate } from '../../lib/admin';
import { useAdminAction } from './useAdminAction';

const FILTERS = ['name', 'status', 'queue'] as const;

function rateTone(rate: number | null): string {
  if (rate === null) return 'muted';
  return rate >= 0.99 ? 'up' : rate >= 0.9 ? 'warn-text' : 'down';
}

function JobsTable({ jobs }: { jobs: JobInfo[] }) {
  const [notice, setNotice] = useState('');
  const toggle = useAdminAction(({ name, enabled }: { name: string; enabled: boolean }) =>
    unwrapData(api.PATCH('/api/v1/admin/jobs/{name}', { params: { path: { name } }, body: { enabled } })),
  );
  const runNow = useAdminAction(
    async (name: string) => {
      const result = await unwrap(api.POST('/api/v1/admin/jobs/{name}/run', { params: { path: { name } } }));
      return { name, jobId: result.data.job_id, deduplicated: result.meta.deduplicated === true };
    },
    (result) =>
      setNotice(
        result.deduplicated
          ? `${result.name} is already queued or running (job ${result.jobId})`
          : `${result.name} queued (job ${result.jobId})`,
      ),
  );
  return (
    <>
      <div className="table-scroll">
        <table className="table dense" data-testid="jobs-table">
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Schedule</th>
              <th scope="col">Queue</th>
              <th scope="col">Enabled</th>
              <th scope="col">Last run</th>
              <th scope="col" className="right">
                24 h ok / failed
              </th>
              <th scope="col" className="right">
                Success
              </th>
              <th scope="col" className="right">
                Mean ok / failed
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.name} className={job.last_run?.status === 'failed' ? 'row-alert' : undefined}>
                <td>
                  <Link to={`/admin/jobs?name=${job.name}`} title="Its runs">
                    <code>{job.name}</code>
                  </Link>
                </td>
                <td>
                  <code>{job.schedule}</code>
                </td>
                <td>{job.queue}</td>
                <td>
                  <Toggle
                    label={`${job.name} enabled`}
                    hideLabel
                    checked={job.enabled}
                    disabled={toggle.isPending}
                    onChange={(enabled) => toggle.mutate({ name: job.name, enabled })}
                  />
                </td>
                <td>
                  {job.last_run ? (
                    <>
                      <StatusBadge status={job.last_run.status} /> <Time ms={job.last_run.started_at} relative />{' '}
                      <span className="muted small">{formatDuration(job.last_run.duration_ms)}</span>
                    </>
                  ) : (
                    <span className="muted">never</span>
                  )}
                </td>
                <td className="right num">
                  {job.last_24h.ok} / <span className={job.last_24h.failed ? 'down' : undefined}>{job.last_24h.failed}</span>
                </td>
                <td className={`right num ${rateTone(job.last_24h.success_rate ?? null)}`}>{formatRate(job.last_24h.success_rate)}</td>
                <td className="right num">
                  {formatDuration(job.last_24h.mean_ok_duration_ms)} / {formatDuration(job.last_24h.mean_failed_duration_ms)}
                </td>
                <td>
                  <button type="button" className="btn" disabled={runNow.isPending} onClick={() => runNow.mutate(job.name)}>
                    Run now
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notice ? (
        <p role="status" className="ok" data-testid="jobs-notice">
          {notice}
        </p>
      ) : null}
      <FormError error={toggle.error ?? runNow.error} />
    </>
  );
}

function Runs({ names }: { names: string[] }) {
  const { values, cursor, setFilter, setCursor, clear } = useFilters(FILTERS);
  const query: RunQuery = { limit: 50 };
  if (values.name) query.name = values.name;
  if (isOneOf(RUN_STATUSES, values.status)) query.status = values.status;
  if (isOneOf(QUEUES, values.queue)) query.queue = values.queue;
  if (cursor) query.cursor = cursor;
  const runs = useJobRuns(query);
  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title">Runs</h2>
      <FilterBar label="Filter runs" onReset={clear}>
        <SearchFilter
          label="Job"
          placeholder="job name"
          suggestions={names}
          value={values.name}
          onChange={(value) => setFilter('name', value)}
        />
        <FilterSelect
          label="Status"
          value={values.status}
          options={toOptions(RUN_STATUSES)}
          onChange={(value) => setFilter('status', value)}
        />
        <FilterSelect label="Queue" value={values.queue} options={toOptions(QUEUES)} onChange={(value) => setFilter('queue', value)} />
      </FilterBar>
      <ListView query={runs} cursor={cursor} onCursor={setCursor} label="runs" emptyTitle="No runs match">
        {(rows) => (
          <table className="table dense" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Job</th>
                <th scope="col">Queue</th>
                <th scope="col">Status</th>
                <th scope="col" className="right">
                  Duration
                </th>
                <th scope="col">Arguments</th>
                <th scope="col">Counters</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((run) => (
                <tr key={run.id} className={run.status === 'failed' ? 'row-alert' : undefined}>
                  <td>
                    <Time ms={run.started_at} seconds />
                  </td>
                  <td>
                    <code>{run.name}</code>
                  </td>
                  <td>{run.queue}</td>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td className="right num">{formatDuration(run.duration_ms)}</td>
                  <td className="ellipsis">{run.args_summary ?? ''}</td>
                  <td className="muted small">
                    {Object.entries(run.counters)
                      .filter(([, value]) => value)
                      .map(([key, value]) => `${key.replace(/_/g, ' ')} ${value}`)
                      .join(', ')}
                  </td>
                  <td className="ellipsis down" title={run.error ?? ''}>
                    {run.error ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListView>
    </section>
  );
}

export function JobsPage() {
  useDocumentTitle('Admin · Jobs');
  const jobs = useJobs();
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>Jobs</h1>
      </div>
      {jobs.isPending ? (
        <Skeleton rows={8} label="Loading jobs" />
      ) : jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <JobsTable jobs={jobs.data} />
      )}
      <Runs names={(jobs.data ?? []).map((job) => job.name)} />
    </div>
  );
}
