import { describe, expect, it } from 'vitest';
import {
  dateInputFromIso,
  expiryFromDateInput,
  fillUsageDays,
  headerLines,
  ipRuleProblem,
  ipRuleProblems,
  normaliseSymbols,
  prettyBody,
  scopesToSend,
  splitEntries,
  symbolProblems,
} from './rules';

describe('API key scopes', () => {
  it('sends the chosen scopes in a stable order', () => {
    expect(scopesToSend(['write:scan', 'read:signals', 'read:symbols'])).toEqual(['read:symbols', 'read:signals', 'write:scan']);
  });

  it('sends `all` alone when chosen, keeping admin scopes which `all` does not grant', () => {
    expect(scopesToSend(['read:signals', 'all', 'write:fetch'])).toEqual(['all']);
    expect(scopesToSend(['all', 'admin:scheduler'])).toEqual(['all', 'admin:scheduler']);
  });

  it('drops what is not a scope', () => {
    expect(scopesToSend(['read:everything', 'read:stats'])).toEqual(['read:stats']);
  });
});

describe('IP rules', () => {
  it('splits lines, commas and spaces, dropping blanks and repeats', () => {
    expect(splitEntries(' 10.0.0.1\n\n10.0.0.0/8, ::1  10.0.0.1 ')).toEqual(['10.0.0.1', '10.0.0.0/8', '::1']);
    expect(splitEntries('')).toEqual([]);
  });

  it.each([
    '203.0.113.7',
    '0.0.0.0/0',
    '10.0.0.0/8',
    '192.168.1.0/24',
    '::1',
    '::',
    '2001:db8::/32',
    '2001:0db8:0000:0000:0000:ff00:0042:8329',
    'fe80::1:2:3',
    '::ffff:10.0.0.1',
    '::/0',
  ])('accepts %s', (entry) => {
    expect(ipRuleProblem(entry)).toBeNull();
  });

  it.each([
    ['256.1.1.1', 'not an IPv4 or IPv6 address'],
    ['10.0.0', 'not an IPv4 or IPv6 address'],
    ['010.0.0.1', 'not an IPv4 or IPv6 address'],
    ['example.com', 'not an IPv4 or IPv6 address'],
    ['1::2::3', 'not an IPv4 or IPv6 address'],
    ['1:2:3:4:5:6:7:8:9', 'not an IPv4 or IPv6 address'],
    ['12345::', 'not an IPv4 or IPv6 address'],
    [':::', 'not an IPv4 or IPv6 address'],
    ['10.0.0.0/33', 'the prefix length must be 0 to 32'],
    ['2001:db8::/129', 'the prefix length must be 0 to 128'],
    ['10.0.0.0/x', 'the prefix length must be 0 to 32'],
    ['10.0.0.0/8/8', 'one "/" at most'],
  ])('refuses %s', (entry, why) => {
    expect(ipRuleProblem(entry)).toBe(`${entry}: ${why}`);
  });

  it('lists one problem per bad entry', () => {
    expect(ipRuleProblems(['10.0.0.1', 'nope', '::1/200'])).toEqual([
      'nope: not an IPv4 or IPv6 address',
      '::1/200: the prefix length must be 0 to 128',
    ]);
  });
});

describe('usage per day', () => {
  it('fills the days without traffic with zeros, oldest first, ending today (UTC)', () => {
    const rows = [
      { day: '2026-12-03', requests: 12, refused: 2 },
      { day: '2026-12-05', requests: 4, refused: 0 },
      { day: '2026-11-01', requests: 99, refused: 0 }, // outside the window
    ];
    expect(fillUsageDays(rows, 4, new Date('2026-12-05T23:30:00Z'))).toEqual([
      { day: '2026-12-02', requests: 0, refused: 0 },
      { day: '2026-12-03', requests: 12, refused: 2 },
      { day: '2026-12-04', requests: 0, refused: 0 },
      { day: '2026-12-05', requests: 4, refused: 0 },
    ]);
  });

  it('crosses month ends and takes datetimes as their day', () => {
    const days = fillUsageDays([{ day: '2026-02-28T00:00:00Z', requests: 1, refused: 1 }], 3, new Date('2026-03-01T01:00:00Z'));
    expect(days.map((day) => day.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(days[1]).toEqual({ day: '2026-02-28', requests: 1, refused: 1 });
  });

  it('gives nothing for no days', () => {
    expect(fillUsageDays([], 0, new Date())).toEqual([]);
  });
});

describe('form values', () => {
  it('turns a date input into the end of that local day, in UTC', () => {
    const iso = expiryFromDateInput('2027-01-31');
    expect(iso).not.toBeNull();
    const local = new Date(iso ?? '');
    expect([local.getFullYear(), local.getMonth(), local.getDate(), local.getHours()]).toEqual([2027, 0, 31, 23]);
    expect(expiryFromDateInput('')).toBeNull();
    expect(expiryFromDateInput('31/01/2027')).toBeNull();
  });

  it('shows a stored expiry back in the date input, round trip', () => {
    expect(dateInputFromIso(expiryFromDateInput('2027-01-31'))).toBe('2027-01-31');
    expect(dateInputFromIso(null)).toBe('');
    expect(dateInputFromIso('garbage')).toBe('');
  });

  it('normalises webhook symbols to BASE/QUOTE and names the bad ones', () => {
    expect(normaliseSymbols(['btc-usdt', 'ETH/USDT', 'BTC/USDT'])).toEqual(['BTC/USDT', 'ETH/USDT']);
    expect(symbolProblems(['BTC/USDT', 'BTCUSDT', 'A/B/C'])).toEqual(['BTCUSDT: not BASE/QUOTE', 'A/B/C: not BASE/QUOTE']);
  });

  it('shows headers one a line and JSON bodies indented', () => {
    expect(headerLines({ 'content-type': 'application/json', 'webhook-id': 'msg_1' })).toBe(
      'content-type: application/json\nwebhook-id: msg_1',
    );
    expect(headerLines(null)).toBe('');
    expect(prettyBody('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyBody('not json')).toBe('not json');
    expect(prettyBody(null)).toBe('');
  });
});
