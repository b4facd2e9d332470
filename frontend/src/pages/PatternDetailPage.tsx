import { Link, useParams } from 'react-router';
import { usePattern } from '../api/queries';
import { SymbolChart } from '../chart/SymbolChart';
import { DirectionBadge, Price, StatusBadge, Strength, Time } from '../components/Display';
import { ErrorState, PageSkeleton } from '../components/States';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { patternTypeName, symbolToUrl } from '../lib/format';

export default function PatternDetailPage() {
  const id = Number(useParams().id);
  const pattern = usePattern(id);
  useDocumentTitle(`Pattern #${id}`);
  if (pattern.isPending) return <PageSkeleton />;
  if (pattern.isError) {
    return (
      <div className="page">
        <h1>Pattern #{id}</h1>
        <ErrorState error={pattern.error} onRetry={() => void pattern.refetch()} />
      </div>
    );
  }
  const data = pattern.data;
  const urlSymbol = symbolToUrl(data.symbol);
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>
          <DirectionBadge direction={data.direction} /> {patternTypeName(data.type)} · {data.symbol} {data.timeframe}{' '}
          <span className="muted">#{data.id}</span>
        </h1>
        <StatusBadge status={data.status} />
        <Link className="btn" to={`/chart/${urlSymbol}?tf=${data.timeframe}&pattern=${data.id}`}>
          Open chart
        </Link>
      </div>
      <div className="grid-sidebar">
        <SymbolChart urlSymbol={urlSymbol} timeframe={data.timeframe} highlightId={data.id} focusTime={data.formed_at} height={380} />
        <aside className="panel">
          <dl className="facts">
            <dt>Zone</dt>
            <dd>
              <Price value={data.zone_low} symbol={data.symbol} /> – <Price value={data.zone_high} symbol={data.symbol} />
            </dd>
            <dt>Strength</dt>
            <dd>
              <Strength value={data.strength} />
            </dd>
            <dt>Fill</dt>
            <dd className="num">{Math.round(data.fill_pct)} %</dd>
            <dt>Formed</dt>
            <dd>
              <Time ms={data.formed_at} />
            </dd>
            <dt>Confirmed</dt>
            <dd>
              <Time ms={data.confirmed_at} />
            </dd>
            <dt>Expires</dt>
            <dd>
              <Time ms={data.expires_at} />
            </dd>
            <dt>Touched</dt>
            <dd>
              <Time ms={data.touched_at} />
            </dd>
            <dt>Filled</dt>
            <dd>
              <Time ms={data.filled_at} />
            </dd>
            <dt>Invalidated</dt>
            <dd>
              <Time ms={data.invalidated_at} />
            </dd>
            <dt>Expired</dt>
            <dd>
              <Time ms={data.expired_at} />
            </dd>
          </dl>
        </aside>
      </div>
    </div>
  );
}
