import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrapData } from '../api/client';
import { keys, useMe } from '../api/queries';
import type { Me } from '../api/types';
import { useWatchlist, type Watchlist } from '../api/watchlist';
import { EmptyState, ErrorState, FormError, PageSkeleton } from '../components/States';
import { UpgradePrompt } from '../components/UpgradePrompt';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { symbolToUrl } from '../lib/format';
import '../components/comfort.css';

/** Search matches anywhere in the name, "eth" and "eth-usdt" alike. */
function matches(symbol: string, query: string): boolean {
  const wanted = query.trim().toUpperCase().replace('-', '/');
  return !wanted || symbol.includes(wanted);
}

function ChartLink({ symbol }: { symbol: string }) {
  return <Link to={`/chart/${symbolToUrl(symbol)}`}>{symbol}</Link>;
}

/** Pro: pick up to `max_symbols`; every change is saved at once. */
function Picker({ watchlist }: { watchlist: Watchlist }) {
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const save = useMutation({
    mutationFn: (symbols: string[]) => unwrapData(api.PUT('/api/v1/auth/me/watchlist', { body: { symbols } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.watchlist, saved);
      // What the user follows changed: every list and count may show other symbols now.
      void queryClient.invalidateQueries({ predicate: (cached) => cached.queryKey[0] !== keys.watchlist[0] });
    },
  });
  const picks = watchlist.symbols;
  const max = watchlist.max_symbols;
  const full = max !== null && picks.length >= max;
  const results = useMemo(
    () => watchlist.choices.filter((symbol) => !picks.includes(symbol) && matches(symbol, query)),
    [watchlist.choices, picks, query],
  );
  return (
    <>
      <section className="panel" aria-labelledby="picks-title">
        <h2 id="picks-title">
          You follow {picks.length}
          {max !== null ? ` of ${max}` : ''} symbols
        </h2>
        {picks.length ? (
          <ul className="watch-picks" data-testid="watch-picks">
            {picks.map((symbol) => (
              <li key={symbol} className="watch-pick">
                <ChartLink symbol={symbol} />
                <button
                  type="button"
                  aria-label={`Remove ${symbol}`}
                  disabled={save.isPending}
                  onClick={() => save.mutate(picks.filter((item) => item !== symbol))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            Nothing picked yet{watchlist.following?.length ? `: until you add one, you follow ${watchlist.following.join(', ')}` : ''}.
            Patterns, signals and pushes follow the symbols you pick.
          </p>
        )}
        <FormError error={save.error} />
      </section>
      <section className="panel" aria-labelledby="search-title">
        <h2 id="search-title">Add a symbol</h2>
        <div className="field">
          <label htmlFor={searchId}>Search symbols</label>
          <input
            id={searchId}
            className="watch-search"
            type="search"
            value={query}
            placeholder="e.g. ETH"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        {full ? (
          <p className="muted small">Your list is full: remove a symbol to add another, or upgrade to premium to follow all.</p>
        ) : null}
        {results.length ? (
          <ul className="watch-results" data-testid="watch-results">
            {results.map((symbol) => (
              <li key={symbol} className="watch-result">
                <span>{symbol}</span>
                <button
                  type="button"
                  className="btn"
                  aria-label={`Add ${symbol}`}
                  disabled={full || save.isPending}
                  onClick={() => {
                    save.mutate([...picks, symbol]);
                    setQuery('');
                  }}
                >
                  Add
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={query ? `No other active symbol matches “${query}”` : 'Every active symbol is on your list'} />
        )}
      </section>
    </>
  );
}

function Following({ me, watchlist }: { me: Me; watchlist: Watchlist }) {
  if (me.limits.symbol_scope === 'all') {
    return (
      <section className="panel" data-testid="watch-all">
        <h2>You follow all symbols</h2>
        <p className="muted">
          Your {me.is_admin ? 'account' : `${me.tier} plan`} shows every active symbol ({watchlist.choices.length}): nothing to pick.
        </p>
      </section>
    );
  }
  if (me.limits.symbol_scope === 'fixed') {
    const fixed = watchlist.following ?? me.limits.fixed_symbols;
    return (
      <>
        <section className="panel" data-testid="watch-fixed">
          <h2>
            You follow{' '}
            {fixed.map((symbol, index) => (
              <span key={symbol}>
                {index ? ', ' : ''}
                <ChartLink symbol={symbol} />
              </span>
            ))}
          </h2>
          <p className="muted">The free plan follows {fixed.join(', ')}. With pro you pick up to 5 symbols of your choice.</p>
        </section>
        <UpgradePrompt message="Pick your own symbols with pro" tier="pro" />
      </>
    );
  }
  return <Picker watchlist={watchlist} />;
}

export default function WatchlistPage() {
  useDocumentTitle('Watchlist');
  const me = useMe();
  const watchlist = useWatchlist();
  if (me.isPending || watchlist.isPending) return <PageSkeleton />;
  if (me.isError) return <ErrorState error={me.error} />;
  if (watchlist.isError) return <ErrorState error={watchlist.error} onRetry={() => void watchlist.refetch()} />;
  return (
    <div className="page">
      <h1>Watchlist</h1>
      <Following me={me.data} watchlist={watchlist.data} />
    </div>
  );
}
