import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { useMe } from '../../api/queries';
import { UpgradePrompt } from '../../components/UpgradePrompt';
import { ActionError } from './bits';
import { findJournaledTrade, type Trade, useJournalSignal, usePortfolios } from './queries';
import { journalUnlocked } from './rules';
import './portfolio.css';

/** "Journal this" on a signal's page: one call makes a pending trade of the signal's entry,
 * stop and second target (in the chosen portfolio, else the oldest, else a new default one),
 * then opens it. A free user is shown what pro unlocks instead. */
export function JournalSignalButton({ signalId }: { signalId: number }) {
  const me = useMe();
  const navigate = useNavigate();
  const unlocked = me.data ? journalUnlocked(me.data) : false;
  const portfolios = usePortfolios(unlocked);
  const [portfolioId, setPortfolioId] = useState('');
  const [askedFree, setAskedFree] = useState(false);
  const [existing, setExisting] = useState<Trade | null>(null);
  const journal = useJournalSignal(signalId, (result) => void navigate(`/trades/${result.trade.id}`));
  if (!me.data) return null;
  const submit = () => {
    if (!unlocked) return setAskedFree(true);
    setExisting(null);
    journal.mutate(portfolioId ? { portfolio_id: Number(portfolioId) } : {}, {
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'already_journaled') {
          void findJournaledTrade(signalId).then(setExisting, () => undefined);
        }
      },
    });
  };
  const choices = portfolios.data ?? [];
  const wide = askedFree || journal.isError;
  return (
    <div className={wide ? 'journal-signal journal-signal-open' : 'journal-signal'} data-testid="journal-signal">
      {choices.length > 1 ? (
        <select aria-label="Portfolio to journal in" value={portfolioId} onChange={(event) => setPortfolioId(event.target.value)}>
          <option value="">{choices[0]?.name ?? 'Oldest portfolio'}</option>
          {choices.slice(1).map((portfolio) => (
            <option key={portfolio.id} value={portfolio.id}>
              {portfolio.name}
            </option>
          ))}
        </select>
      ) : null}
      <button type="button" className="btn btn-primary" onClick={submit} disabled={journal.isPending}>
        Journal this
      </button>
      {askedFree ? <UpgradePrompt message="Journalling signals as trades is part of the pro tier" tier="pro" /> : null}
      <ActionError error={journal.error} />
      {existing ? (
        <Link className="btn" to={`/trades/${existing.id}`}>
          Open trade #{existing.id}
        </Link>
      ) : null}
    </div>
  );
}
