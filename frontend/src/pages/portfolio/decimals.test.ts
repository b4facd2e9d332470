import { describe, expect, it } from 'vitest';
import {
  compareDecimals,
  decimalSign,
  formatDecimalPct,
  formatDecimalR,
  fractionDigits,
  groupDecimal,
  isDecimal,
  ratioToPercent,
  signedDecimal,
  toneOf,
} from './decimals';

describe('decimal strings', () => {
  it('knows a plain decimal from anything else', () => {
    for (const good of ['0', '101.25', '-3', '0.000000000001', '1000000000']) expect(isDecimal(good)).toBe(true);
    for (const bad of ['', '1e5', '1,5', '.5', '5.', 'abc', '--1', '+1', 'NaN']) expect(isDecimal(bad)).toBe(false);
  });

  it('counts decimals without trailing zeros', () => {
    expect(fractionDigits('1.500')).toBe(1);
    expect(fractionDigits('0.000000000001')).toBe(12);
    expect(fractionDigits('7')).toBe(0);
  });

  it('compares exactly where floats would not', () => {
    expect(compareDecimals('95', '100')).toBe(-1);
    expect(compareDecimals('100.0', '100')).toBe(0);
    expect(compareDecimals('0100', '100')).toBe(0);
    expect(compareDecimals('10.5', '9.99')).toBe(1);
    // 2^53 + 1 and 2^53 are one float; as decimals they differ.
    expect(compareDecimals('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareDecimals('0.100000000001', '0.1')).toBe(1);
    expect(compareDecimals('-3', '2')).toBe(-1);
    expect(compareDecimals('-3', '-2.5')).toBe(-1);
    expect(compareDecimals('-0', '0')).toBe(0);
    expect(() => compareDecimals('abc', '1')).toThrow('not a decimal: abc');
  });

  it('gives the sign, zero for zero and for nothing', () => {
    expect(decimalSign('19')).toBe(1);
    expect(decimalSign('-0.5')).toBe(-1);
    expect(decimalSign('0.000')).toBe(0);
    expect(decimalSign('-0')).toBe(0);
    expect(decimalSign(null)).toBe(0);
  });
});

describe('showing decimals as sent', () => {
  it('groups the whole part and keeps every sent decimal', () => {
    expect(groupDecimal('10019.5')).toBe('10,019.5');
    expect(groupDecimal('1234567.00012345')).toBe('1,234,567.00012345');
    expect(groupDecimal('999')).toBe('999');
    expect(groupDecimal('-350')).toBe('−350');
    expect(groupDecimal(null)).toBe('—');
  });

  it('signs results and names their unit', () => {
    expect(signedDecimal('19')).toBe('+19');
    expect(signedDecimal('-3')).toBe('−3');
    expect(signedDecimal('0')).toBe('0');
    expect(formatDecimalPct('9.5')).toBe('+9.5 %');
    expect(formatDecimalPct('-31.8182')).toBe('−31.8182 %');
    expect(formatDecimalR('1.9')).toBe('+1.9 R');
    expect(formatDecimalR('-1.5')).toBe('−1.5 R');
    expect(formatDecimalR(null)).toBe('—');
  });

  it('colours gains up and losses down, zero neither', () => {
    expect(toneOf('19')).toBe('up');
    expect(toneOf('-3')).toBe('down');
    expect(toneOf('0')).toBe('');
    expect(toneOf(null)).toBe('');
  });
});

describe('ratios as percentages', () => {
  it('moves the point two places without a float', () => {
    expect(ratioToPercent('0.6667')).toBe('66.67');
    expect(ratioToPercent('1')).toBe('100');
    expect(ratioToPercent('0.05')).toBe('5');
    expect(ratioToPercent('0')).toBe('0');
    expect(ratioToPercent('0.5')).toBe('50');
    expect(ratioToPercent('0.123456')).toBe('12.3456');
    expect(ratioToPercent('-0.25')).toBe('-25');
    expect(ratioToPercent(null)).toBeNull();
  });
});
