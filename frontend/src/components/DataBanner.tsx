import { useHealth } from '../api/queries';
import type { Health } from '../api/types';

export interface BannerState {
  kind: 'simulated' | 'stale' | 'down';
  text: string;
}

/** What the banner says about the data: simulated (replay), stale, or the API down. */
export function bannerStates(health: Health | undefined, failed: boolean): BannerState[] {
  if (failed && !health) return [{ kind: 'down', text: 'The API is unreachable: data shown may be out of date.' }];
  if (!health) return [];
  const states: BannerState[] = [];
  if (health.data_source === 'replay') {
    states.push({
      kind: 'simulated',
      text: 'Simulated market: prices come from the replay (demo) market, not an exchange.',
    });
  }
  const freshness = health.freshness ?? {};
  const lagging = (freshness.stale ?? 0) + (freshness.old ?? 0) + (freshness.none ?? 0);
  if (health.status === 'down') {
    states.push({ kind: 'down', text: 'The database is down: data cannot be refreshed.' });
  } else if (lagging > 0) {
    states.push({
      kind: 'stale',
      text: `Stale data: ${lagging} symbol${lagging === 1 ? ' has' : 's have'} no candle in the last hour.`,
    });
  }
  return states;
}

export function DataBanner() {
  const health = useHealth();
  const states = bannerStates(health.data, health.isError);
  if (!states.length) return null;
  return (
    <div className="banners">
      {states.map((state) => (
        <div key={state.kind} className={`banner banner-${state.kind}`} role="status" data-testid={`banner-${state.kind}`}>
          {state.text}
        </div>
      ))}
    </div>
  );
}
