import { describe, expect, it } from 'vitest';
import {
  describeChange,
  formatSignedAmount,
  formatSignedCount,
  mapChange,
  MINUS,
  parseDecimal,
  signOf,
  subtractDecimal,
} from './domainMapMath';

describe('parseDecimal', () => {
  it('reads plain decimals as integer units and a scale', () => {
    expect(parseDecimal('26000.00')).toEqual({ units: 2600000n, scale: 2 });
    expect(parseDecimal('-1.5')).toEqual({ units: -15n, scale: 1 });
    expect(parseDecimal('42')).toEqual({ units: 42n, scale: 0 });
    expect(parseDecimal(' 0.001 ')).toEqual({ units: 1n, scale: 3 });
  });

  it('refuses anything else', () => {
    expect(() => parseDecimal('1,000.00')).toThrow();
    expect(() => parseDecimal('1e3')).toThrow();
    expect(() => parseDecimal('')).toThrow();
  });
});

describe('subtractDecimal', () => {
  it('subtracts exactly', () => {
    expect(subtractDecimal('182000.00', '208000.00')).toBe('-26000.00');
    expect(subtractDecimal('208000.00', '182000.00')).toBe('26000.00');
    expect(subtractDecimal('0.00', '0.00')).toBe('0.00');
    expect(subtractDecimal('0.30', '0.10')).toBe('0.20'); // 0.3 - 0.1 in floats is 0.19999999999999998
  });

  it('keeps the finer scale and at least two places', () => {
    expect(subtractDecimal('10', '2.5')).toBe('7.50');
    expect(subtractDecimal('1.005', '1')).toBe('0.005');
    expect(subtractDecimal('5', '7')).toBe('-2.00');
    expect(subtractDecimal('0.01', '0.02')).toBe('-0.01');
  });

  it('does not lose pennies on amounts beyond float precision', () => {
    expect(subtractDecimal('90071992547409.93', '0.01')).toBe('90071992547409.92');
    expect(subtractDecimal('12345678901234567890.10', '12345678901234567890.00')).toBe('0.10');
  });
});

describe('formatting changes', () => {
  it('signs amounts with a real minus and groups them', () => {
    expect(formatSignedAmount('-26000.00')).toBe(`${MINUS}26,000.00`);
    expect(formatSignedAmount('1200')).toBe('+1,200.00');
    expect(formatSignedAmount('0.00')).toBe('0.00');
    expect(formatSignedAmount('-0.00')).toBe('0.00');
    expect(signOf('-0.00')).toBe(0);
  });

  it('signs counts and agrees the noun', () => {
    expect(formatSignedCount(-1, 'schedule')).toBe(`${MINUS}1 schedule`);
    expect(formatSignedCount(2, 'schedule')).toBe('+2 schedules');
    expect(formatSignedCount(0, 'schedule')).toBe('0 schedules');
  });

  it('describes a move', () => {
    const change = mapChange({ schedules: 4, standby: '104000.00' }, { schedules: 3, standby: '78000.00' });
    expect(change).toEqual({ schedules: -1, standby: '-26000.00' });
    expect(describeChange(change)).toBe(`${MINUS}1 schedule, ${MINUS}26,000.00 a year`);
    expect(describeChange({ schedules: 1, standby: '31200.00' })).toBe('+1 schedule, +31,200.00 a year');
    expect(describeChange({ schedules: 0, standby: '-5200.00' })).toBe(`0 schedules, ${MINUS}5,200.00 a year`);
    expect(describeChange({ schedules: 0, standby: '0.00' })).toBe('no change to schedules or standby');
  });
});
