import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMe, useSymbols } from '../api/queries';
import { useWatchlist } from '../api/watchlist';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { symbolFromUrl } from '../lib/format';
import { PageSkeleton } from './States';
import { UpgradePrompt } from './UpgradePrompt';

const SYMBOL_FORM = /^[A-Z0-9]{1,20}\/[A-Z0-9]{1,20}$/;

/** What a symbol page may show: the chart, or why not. */
export type SymbolVerdict = 'shown' | 'unknown' | 'not-followed';

/** `visible`: the symbols GET /symbols lists for this user (its tier's); `active`: every active
 * symbol (the watchlist's choices; null while unknown); `scope`: the tier's symbol scope. */
export function symbolVerdict(
  symbol: string,
  visible: readonly string[],
  active: readonly string[] | null,
  scope: 'fixed' | 'watchlist' | 'all',
): SymbolVerdict {
  if (visible.includes(symbol)) return 'shown';
  if (!SYMBOL_FORM.test(symbol) || scope === 'all') return 'unknown';
  if (active !== null && !active.includes(symbol)) return 'unknown';
  return 'not-followed';
}

function Unknown({ symbol }: { symbol: string }) {
  useDocumentTitle('Unknown symbol');
  return (
    <div className="page" data-testid="symbol-unknown">
      <h1>No symbol “{symbol}”</h1>
      <p>
        CryptoLens does not follow {symbol}
        {SYMBOL_FORM.test(symbol) ? '' : ' (symbols look like BTC/USDT)'}. Type a symbol in the search box at the top, or pick one on the{' '}
        <Link to="/matrix">matrix</Link>.
      </p>
      <p>
        <Link className="btn" to="/chart/BTC-USDT">
          Open BTC/USDT
        </Link>
      </p>
    </div>
  );
}

function NotFollowed({ symbol, scope }: { symbol: string; scope: 'fixed' | 'watchlist' }) {
  useDocumentTitle(symbol);
  return (
    <div className="page" data-testid="symbol-not-followed">
      <h1>You do not follow {symbol}</h1>
      {scope === 'watchlist' ? (
        <>
          <p>
            Your pro plan shows the symbols on your watchlist. Add {symbol} there (up to 5), or upgrade to premium to follow every symbol.
          </p>
          <p>
            <Link className="btn btn-primary" to="/watchlist">
              Open your watchlist
            </Link>
          </p>
        </>
      ) : (
        <UpgradePrompt message={`Requires pro tier to follow ${symbol}`} tier="pro" />
      )}
    </div>
  );
}

/** Route guard for /chart/:symbol: an unknown or unfollowed symbol gets a page that says so and
 * what to do, instead of the API's validation or tier error inside an empty chart. */
export function SymbolGate({ children }: { children: ReactNode }) {
  const { symbol: urlSymbol = 'BTC-USDT' } = useParams();
  const symbol = symbolFromUrl(urlSymbol);
  const me = useMe();
  const symbols = useSymbols();
  const visible = symbols.data?.some((item) => item.symbol === symbol) ?? true;
  // Only a symbol the user cannot see needs the list of every active one.
  const watchlist = useWatchlist(!visible);
  if (me.isPending || symbols.isPending || (!visible && watchlist.isPending)) return <PageSkeleton />;
  // Without the lists (an outage), the chart page shows the API's own answer.
  if (me.isError || symbols.isError) return children;
  const scope = me.data.limits.symbol_scope;
  const verdict = symbolVerdict(
    symbol,
    symbols.data.map((item) => item.symbol),
    watchlist.data?.choices ?? null,
    scope,
  );
  if (verdict === 'shown') return children;
  if (verdict === 'unknown' || scope === 'all') return <Unknown symbol={symbol} />;
  return <NotFollowed symbol={symbol} scope={scope} />;
}
