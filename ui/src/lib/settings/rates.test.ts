import { describe, expect, it } from 'vitest';
import { rateField } from './rates';
import type { DraftOf } from './types';

describe('rates', () => {
  const standby = rateField(false);
  const callout = rateField(true);

  it('composes an amount and its unit', () => {
    expect(standby.compose({ kind: 'rate', amount: '£1,200.50', per: 'week' })).toBe('1200.5/week');
    expect(standby.compose({ kind: 'rate', amount: '60', per: 'day' })).toBe('60/day');
    expect(standby.describe('62.5/hour')).toBe('62.50 an hour');
  });

  it('takes the unit typed with the amount', () => {
    for (const typed of ['600/week', '600 a week', '£600 per week', '600 / Week']) {
      const d: DraftOf<'rate'> = { kind: 'rate', amount: typed, per: 'hour' };
      expect(standby.check(d)).toEqual([]);
      expect(standby.compose(d)).toBe('600/week');
    }
    expect(callout.compose({ kind: 'rate', amount: '75 an hour', per: 'hour' })).toBe('75/hour');
  });

  it('pays callouts by the hour only', () => {
    expect(callout.parse('75/week')).toBeNull();
    expect(callout.compose({ kind: 'rate', amount: '75', per: 'week' })).toBe('75/hour');
    expect(callout.check({ kind: 'rate', amount: '75 a week', per: 'hour' }).map((p) => p.message)).toEqual([
      'Callout is paid by the hour: type the amount for one hour',
    ]);
  });

  it('refuses an amount it cannot read', () => {
    expect(standby.check({ kind: 'rate', amount: 'lots', per: 'week' })).toEqual([
      { message: 'Type an amount such as 500 or 62.50', field: 'amount' },
    ]);
    expect(standby.check({ kind: 'rate', amount: '-5', per: 'week' }).map((p) => p.message)).toEqual(['Type an amount of zero or more']);
  });
});
