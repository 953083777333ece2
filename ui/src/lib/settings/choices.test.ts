import { describe, expect, it } from 'vitest';
import { costSplit, remuneration } from './choices';

describe('choices', () => {
  it('reads the words', () => {
    expect(remuneration.describe('standby_and_callout')).toBe('Standby and callout');
    expect(remuneration.describe('callout_only')).toBe('Callout only (not recommended)');
    expect(costSplit.describe('equal')).toBe('Equally');
    expect(remuneration.compose({ kind: 'choice', value: 'Callout_Only' })).toBe('callout_only');
  });

  it('refuses anything else', () => {
    expect(remuneration.check({ kind: 'choice', value: 'volunteer' })).toEqual([{ message: 'Choose one of the options' }]);
    expect(costSplit.parse('by headcount')).toBeNull();
  });
});
