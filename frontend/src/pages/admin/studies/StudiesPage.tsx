import { Link, useNavigate } from 'react-router';
import { Time } from '../../../components/Display';
import { EmptyState, ErrorState, Skeleton } from '../../../components/States';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { StatusTag } from '../../backtests/bits';
import { daysText } from '../../backtests/rules';
import { type Study, useStudies } from './queries';
import { StudyProgress, WARNING_FALLBACK } from './StudyBits';
import { StudyBuilder } from './StudyBuilder';
import '../../backtests/backtests.css';
import './studies.css';

function StudyTable({ studies }: { studies: readonly Study[] }) {
  return (
    <div className="table-scroll">
      <table className="table dense" data-testid="studies-table">
        <thead>
          <tr>
            <th scope="col">Study</th>
            <th scope="col">Symbols</th>
            <th scope="col">Range (UTC)</th>
            <th scope="col">Grid</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {studies.map((study) => (
            <tr key={study.id}>
              <td>
                <Link to={`/admin/studies/${study.id}`}>#{study.id}</Link>
              </td>
              <td>{study.symbols.join(', ')}</td>
              <td className="small">
                <Time ms={study.start} /> · {daysText(study.end - study.start)}
              </td>
              <td className="small">
                {Object.keys(study.grid).join(', ')} ({study.combinations.length})
              </td>
              <td>
                {study.status === 'queued' || study.status === 'running' ? (
                  <StudyProgress study={study} />
                ) : (
                  <StatusTag status={study.status} />
                )}
              </td>
              <td>
                <Time ms={study.created_at} relative />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /admin/studies: the walk-forward study builder and the studies run. */
export function StudiesPage() {
  useDocumentTitle('Admin · Studies');
  const studies = useStudies();
  const navigate = useNavigate();
  return (
    <div className="page page-wide studies">
      <div className="page-head">
        <h1>Parameter studies</h1>
      </div>
      <p className="study-warning" role="note">
        {studies.data?.[0]?.warning ?? WARNING_FALLBACK}
      </p>
      <StudyBuilder onCreated={(study) => void navigate(`/admin/studies/${study.id}`)} />
      <section className="panel" aria-labelledby="studies-title">
        <h2 id="studies-title">Studies</h2>
        {studies.isPending ? (
          <Skeleton rows={3} label="Loading studies" />
        ) : studies.isError ? (
          <ErrorState error={studies.error} onRetry={() => void studies.refetch()} />
        ) : studies.data.length === 0 ? (
          <EmptyState title="No studies yet">
            Vary one or more tunables above: each window chooses on its train part, scores on its test part.
          </EmptyState>
        ) : (
          <StudyTable studies={studies.data} />
        )}
      </section>
    </div>
  );
}
