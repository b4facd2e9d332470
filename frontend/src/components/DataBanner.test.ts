import { describe, expect, it } from 'vitest';
import type { Health } from '../api/types';
import { bannerStates } from './DataBanner';

const healthy: Health = {
  status: 'ok',
  database: 'ok',
  cache: 'ok',
  cache_backend: 'memory',
  data_source: 'exchange',
  freshness: { live: 5, recent: 0, stale: 0, old: 0, none: 0 },
  version: '0.1.0',
};

describe('data banner', () => {
  it('says nothing when data is live from the exchange', () => {
    expect(bannerStates(healthy, false)).toEqual([]);
  });

  it('flags simulated (replay) data', () => {
    expect(bannerStates({ ...healthy, data_source: 'replay' }, false).map((state) => state.kind)).toEqual(['simulated']);
  });

  it('flags stale symbols and an unreachable API', () => {
    const stale = bannerStates({ ...healthy, status: 'degraded', freshness: { live: 3, stale: 1, old: 1 } }, false);
    expect(stale[0]?.text).toContain('2 symbols have no candle');
    expect(bannerStates(undefined, true).map((state) => state.kind)).toEqual(['down']);
  });
});
