import { describe, expect, it } from 'vitest';
import { compareDecimals, readAmount, readLevel } from './numbers';

describe('amounts as people type them', () => {
  it.each([
    ['7000', '7000'],
    [' 7 000 ', '7000'],
    ['250,000', '250000'],
    ['£250,000.50', '250000.5'],
    ['$1,250,000', '1250000'],
    ['€ 99.90', '99.9'],
    ['0070', '70'],
    ['7000.', '7000'],
    ['.5', '0.5'],
    ['0', '0'],
    ['999999999999.99', '999999999999.99'],
  ])('reads %j as %s', (typed, value) => {
    expect(readAmount(typed)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Type an amount such as 7000 or 250000.50'],
    ['seven thousand', 'Type an amount such as 7000 or 250000.50'],
    ['7000 GBP', 'Type an amount such as 7000 or 250000.50'],
    ['1.2.3', 'Type an amount such as 7000 or 250000.50'],
    ['-5', 'Type an amount of zero or more'],
    ['1,5', 'Use commas only to group thousands, as in 250,000'],
    ['25,00,000', 'Use commas only to group thousands, as in 250,000'],
    ['1.234', 'Use at most two decimal places, as in 250000.50'],
    ['1000000000000', 'Keep the amount below 1,000,000,000,000 (a million million)'],
  ])('refuses %j: %s', (typed, message) => {
    expect(readAmount(typed)).toEqual({ ok: false, message });
  });

  it('keeps pennies the core would refuse as written but accepts once normalised', () => {
    expect(readAmount('1.230')).toEqual({ ok: true, value: '1.23' });
  });
});

describe('availability targets', () => {
  it.each([
    ['95', '95.0'],
    ['99.90', '99.9'],
    ['99.99 %', '99.99'],
    ['99.9995', '99.9995'],
    ['0.5', '0.5'],
  ])('reads %j as %s', (typed, value) => {
    expect(readLevel(typed)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Type an availability target such as 99.9 (per cent)'],
    ['high', 'Type an availability target such as 99.9 (per cent)'],
    ['0', 'An availability target must be above 0% and below 100%'],
    ['100', 'An availability target must be above 0% and below 100%'],
    ['-1', 'An availability target must be above 0% and below 100%'],
    ['99.99999', 'Use at most four decimal places in a target, as in 99.9995'],
  ])('refuses %j: %s', (typed, message) => {
    expect(readLevel(typed)).toEqual({ ok: false, message });
  });

  it('orders decimals without rounding', () => {
    expect(compareDecimals('7000', '250000.5')).toBeLessThan(0);
    expect(compareDecimals('99.99', '99.9')).toBeGreaterThan(0);
    expect(compareDecimals('99.90', '99.9')).toBe(0);
  });
});
