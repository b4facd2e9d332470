import type { ReactNode } from 'react';
import { useMe } from '../../api/queries';
import type { Me } from '../../api/types';
import { ErrorState, PageSkeleton } from '../../components/States';
import { UpgradePrompt } from '../../components/UpgradePrompt';
import { backtestsUnlocked } from '../../lib/tiers';

function WhatYouGet() {
  return (
    <section className="panel" aria-labelledby="backtest-what-title">
      <h2 id="backtest-what-title">Your settings, replayed on history</h2>
      <ul className="unlock-list">
        <li>
          <strong>Backtests</strong> of a stored symbol over 1 to 90 days with your own confluence, zone, reward and cooldown values, by the
          same code that makes the live signals.
        </li>
        <li>
          <strong>Results</strong>: win rate, expectancy and profit factor in R, per setup, an equity curve and every signal on its chart.
        </li>
      </ul>
    </section>
  );
}

/** The backtest pages for premium users; others see what premium unlocks. */
export function BacktestGate({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (me.isError) return <ErrorState error={me.error} />;
  if (!backtestsUnlocked(me.data)) {
    return (
      <div className="page">
        <h1>Backtests</h1>
        <UpgradePrompt message="Backtests are part of the premium tier" tier="premium" />
        <WhatYouGet />
      </div>
    );
  }
  return <>{children(me.data)}</>;
}
