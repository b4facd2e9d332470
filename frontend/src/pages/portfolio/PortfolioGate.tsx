import type { ReactNode } from 'react';
import { useMe } from '../../api/queries';
import type { Me } from '../../api/types';
import { ErrorState, PageSkeleton } from '../../components/States';
import { UpgradePrompt } from '../../components/UpgradePrompt';
import { journalUnlocked } from './rules';

function WhatYouGet() {
  return (
    <section className="panel" aria-labelledby="journal-what-title">
      <h2 id="journal-what-title">Your trades, measured</h2>
      <ul className="unlock-list">
        <li>
          <strong>Portfolios</strong> with a balance that follows your closed trades, total profit and loss in money and percent.
        </li>
        <li>
          <strong>A trade journal</strong>: plan trades, open and close them (at a price or at the market), with profit, percent and R for
          each, and notes on the setup, the exit and the lessons.
        </li>
        <li>
          <strong>Journal a signal</strong> in one click: its entry, stop and target become a planned trade, and its own outcome stays
          beside yours.
        </li>
      </ul>
    </section>
  );
}

/** The portfolio pages for pro and premium users; a free user sees what pro unlocks. */
export function PortfolioGate({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (me.isError) return <ErrorState error={me.error} />;
  if (!journalUnlocked(me.data)) {
    return (
      <div className="page">
        <h1>Portfolios</h1>
        <UpgradePrompt message="Portfolios and the trade journal are part of the pro tier" tier="pro" />
        <WhatYouGet />
      </div>
    );
  }
  return <>{children(me.data)}</>;
}
