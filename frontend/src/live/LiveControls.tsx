/** The header's stream indicator ("live" / "reconnecting") and the browser notifications
 * switch (the permission is asked on its click only). */
import { toggleBrowserNotifications, useBrowserNotifications } from './browserNotify';
import { useLiveStatus } from './status';
import './live.css';

const LABELS = { live: 'live', connecting: 'connecting', reconnecting: 'reconnecting' } as const;
const TITLES = {
  live: 'Updates arrive as they happen',
  connecting: 'Connecting to live updates; pages refresh every 30 s meanwhile',
  reconnecting: 'Live updates interrupted; pages refresh every 30 s until they are back',
} as const;

export function LiveControls() {
  const status = useLiveStatus();
  const notifications = useBrowserNotifications();
  return (
    <div className="live-controls">
      <span className={`live-status live-${status}`} role="status" title={TITLES[status]} data-testid="live-status">
        <span className="live-dot" aria-hidden="true" />
        {LABELS[status]}
      </span>
      {notifications.supported ? (
        <button
          type="button"
          className="btn btn-ghost live-notify"
          aria-pressed={notifications.on}
          disabled={notifications.denied}
          title={
            notifications.denied
              ? 'Notifications are blocked in this browser’s site settings'
              : 'Browser notifications for new signals that pass your push preferences'
          }
          onClick={() => void toggleBrowserNotifications()}
        >
          {notifications.on ? 'Alerts on' : 'Alerts off'}
        </button>
      ) : null}
    </div>
  );
}
