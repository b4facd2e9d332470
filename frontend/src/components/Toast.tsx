/** New-signal toasts (live/toasts.ts), announced politely, each with a link to the signal. */
import { Link } from 'react-router';
import { dismissToast, useToasts } from '../live/toasts';
import { DirectionBadge, Price } from './Display';
import './Toast.css';

export function Toasts() {
  const toasts = useToasts();
  return (
    <section className="toasts" aria-live="polite" aria-label="New signals">
      {toasts.map(({ key, signal }) => (
        <div key={key} className="toast" data-testid="signal-toast">
          <div className="toast-body">
            <DirectionBadge direction={signal.direction} /> <span className="strong">{signal.symbol}</span>{' '}
            <span className="muted">entry</span> <Price value={signal.entry} symbol={signal.symbol} />
            <div>
              <Link to={`/signals/${signal.id}`} onClick={() => dismissToast(key)}>
                Open signal #{signal.id}
              </Link>
            </div>
          </div>
          <button type="button" className="btn btn-ghost toast-close" aria-label="Dismiss" onClick={() => dismissToast(key)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
