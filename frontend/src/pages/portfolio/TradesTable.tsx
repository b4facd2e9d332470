import { Link } from 'react-router';
import { DirectionBadge, StatusBadge, Time } from '../../components/Display';
import { Money, Result } from './bits';
import type { TradeRow } from './queries';
import { TagChip } from './TagsPanel';

/** A portfolio's trades, newest first; each row opens its trade. */
export function TradesTable({ trades }: { trades: readonly TradeRow[] }) {
  return (
    <div className="table-scroll">
      <table className="table dense" data-testid="trades-table">
        <thead>
          <tr>
            <th scope="col">Trade</th>
            <th scope="col">Direction</th>
            <th scope="col">Status</th>
            <th scope="col" className="right">
              Entry
            </th>
            <th scope="col" className="right">
              Qty
            </th>
            <th scope="col" className="right">
              Exit
            </th>
            <th scope="col" className="right">
              PnL
            </th>
            <th scope="col" className="right">
              R
            </th>
            <th scope="col">Entered</th>
          </tr>
        </thead>
        <tbody>
          {trades.map((trade) => (
            <tr key={trade.id}>
              <td>
                <Link to={`/trades/${trade.id}`}>
                  {trade.symbol} <span className="muted">#{trade.id}</span>
                </Link>
                {trade.tags.length ? (
                  <span className="tag-line">
                    {trade.tags.map((tag) => (
                      <TagChip key={tag.id} tag={tag} />
                    ))}
                  </span>
                ) : null}
              </td>
              <td>
                <DirectionBadge direction={trade.direction} />
              </td>
              <td>
                <StatusBadge status={trade.status} />
              </td>
              <td className="right">
                <Money value={trade.entry_price} />
              </td>
              <td className="right">
                <Money value={trade.quantity} />
              </td>
              <td className="right">
                <Money value={trade.exit_price} />
              </td>
              <td className="right">
                <Result value={trade.pnl} /> <Result value={trade.pnl_pct} kind="pct" />
              </td>
              <td className="right">
                <Result value={trade.r_multiple} kind="r" />
              </td>
              <td>
                <Time ms={trade.entry_time} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
