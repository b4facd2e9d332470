import { describe, expect, it } from 'vitest';
import { equityLine } from './equity';

describe('equity curve as a line', () => {
  it('turns ISO times into seconds and balances into values', () => {
    expect(
      equityLine([
        { time: '2026-01-01T00:00:00Z', balance: '1000' },
        { time: '2026-01-02T00:00:00Z', balance: '1100.5' },
      ]),
    ).toEqual([
      { time: 1767225600, value: 1000 },
      { time: 1767312000, value: 1100.5 },
    ]);
  });

  it('keeps the balance after the last trade closed in the same second', () => {
    expect(
      equityLine([
        { time: '2026-01-01T00:00:00Z', balance: '1000' },
        { time: '2026-01-01T00:00:05.100Z', balance: '1100' },
        { time: '2026-01-01T00:00:05.900Z', balance: '800' },
        { time: 'not a time', balance: '1' },
      ]),
    ).toEqual([
      { time: 1767225600, value: 1000 },
      { time: 1767225605, value: 800 },
    ]);
  });
});
