import { describe, expect, it } from 'vitest';
import type { CostRow, CostSummary } from './bindings';
import {
  addDecimals,
  cellKey,
  compareDecimal,
  diffSummaries,
  isZeroAmount,
  limitRows,
  matchesFilter,
  nextSort,
  sameValue,
  sortRows,
  uniqueKeys,
} from './costsChanges';

const cost = (standby: string, loss: string, days = 0): CostRow => ({
  standby,
  callout: '0.00',
  setup: '1000.00',
  premium: addDecimals([standby, '1000.00']),
  expected_loss: loss,
  total: addDecimals([standby, '1000.00', loss]),
  days_without_cover: days,
});

function summary(over: Partial<CostSummary> = {}): CostSummary {
  return {
    currency: 'GBP',
    planning_year: '2026-04-01 to 2027-03-30',
    holders: [
      { holder: 'Head of Product', capex: '26000.00', opex: '0.00', total: '26000.00' },
      { holder: 'Head of Operations', capex: '0.00', opex: '26000.00', total: '26000.00' },
    ],
    capex_total: '26000.00',
    opex_total: '26000.00',
    budget_total: '52000.00',
    line_items: [
      {
        service: 'bedroom',
        schedule: 'team schedule: bedroom-team',
        holder: 'Head of Product',
        category: 'Capex',
        standby: '26000.00',
        callout: '0.00',
        amount: '26000.00',
      },
      {
        service: 'ecommerce-platform',
        schedule: 'application support rota',
        holder: 'Head of Operations',
        category: 'Opex',
        standby: '26000.00',
        callout: '0.00',
        amount: '26000.00',
      },
    ],
    before: [{ label: 'Application support rota', amount: '26000.00' }],
    as_is_ops_run_it: '26000.00',
    schedules: [],
    premiums: [
      { component: 'Premium', ops_run_it: '27000.00', you_build_it_you_run_it: '53000.00' },
      { component: 'Expected loss', ops_run_it: '900000.00', you_build_it_you_run_it: '40000.00' },
    ],
    service_premiums: [
      { name: 'appointments', ops_run_it: cost('8666.67', '100.00'), you_build_it_you_run_it: cost('0.00', '904567.89', 364) },
      { name: 'bedroom', ops_run_it: cost('8666.67', '200.00'), you_build_it_you_run_it: cost('26000.00', '40.00') },
    ],
    run_cost: [],
    run_cost_now: { teams: 1, standby: '26000.00' },
    assumptions: [],
    pitfalls: [],
    ...over,
  };
}

describe('compareDecimal', () => {
  it('orders by value, not by text', () => {
    expect(compareDecimal('9.50', '10.00')).toBeLessThan(0);
    expect(compareDecimal('100.00', '99.99')).toBeGreaterThan(0);
    expect(compareDecimal('0.10', '0.09')).toBeGreaterThan(0);
    expect(compareDecimal('0012.5', '12.50')).toBe(0);
  });

  it('handles signs and zero', () => {
    expect(compareDecimal('-1.00', '0.00')).toBeLessThan(0);
    expect(compareDecimal('-2', '-1')).toBeLessThan(0);
    expect(compareDecimal('-0.00', '0')).toBe(0);
  });

  it('is exact beyond the reach of floats', () => {
    expect(compareDecimal('9007199254740993.01', '9007199254740993.00')).toBeGreaterThan(0);
    expect(compareDecimal('12345678901234567890.00', '12345678901234567889.99')).toBeGreaterThan(0);
  });

  it('puts anything that is not a decimal last', () => {
    expect(compareDecimal('n/a', '5')).toBeGreaterThan(0);
    expect(compareDecimal('5', 'n/a')).toBeLessThan(0);
  });
});

describe('addDecimals, sameValue, isZeroAmount', () => {
  it('adds exactly', () => {
    expect(addDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(addDecimals(['8666.67', '8666.67', '8666.66'])).toBe('26000.00');
    expect(addDecimals(['1.5', '-2.25'])).toBe('-0.75');
    expect(addDecimals([])).toBe('0.00');
    expect(addDecimals(['99999999999999999.99', '0.01'])).toBe('100000000000000000.00');
  });

  it('compares amounts however written', () => {
    expect(sameValue('26000', '26000.00')).toBe(true);
    expect(sameValue('26000.01', '26000.00')).toBe(false);
    expect(sameValue('Capex', 'Capex')).toBe(true);
    expect(sameValue('Capex', 'Opex')).toBe(false);
    expect(isZeroAmount('0.00')).toBe(true);
    expect(isZeroAmount('-0')).toBe(true);
    expect(isZeroAmount('0.01')).toBe(false);
  });
});

describe('sorting and long lists', () => {
  const rows = [
    { name: 'svc-10', amount: '9.50' },
    { name: 'svc-2', amount: '10.00' },
    { name: 'svc-1', amount: '10.00' },
  ];

  it('sorts amounts numerically with a stable tie break', () => {
    const byAmount = { kind: 'amount' as const, value: (r: (typeof rows)[number]) => r.amount };
    const byName = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.name.localeCompare(b.name);
    expect(sortRows(rows, byAmount, 'ascending', byName).map((r) => r.name)).toEqual(['svc-10', 'svc-1', 'svc-2']);
    expect(sortRows(rows, byAmount, 'descending', byName).map((r) => r.name)).toEqual(['svc-1', 'svc-2', 'svc-10']);
  });

  it('sorts names with their numbers in order', () => {
    const byName = { kind: 'text' as const, value: (r: (typeof rows)[number]) => r.name };
    expect(sortRows(rows, byName, 'ascending').map((r) => r.name)).toEqual(['svc-1', 'svc-2', 'svc-10']);
  });

  it('flips the same column and starts amounts at the largest', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name', 'text')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'total', 'amount')).toEqual({
      key: 'total',
      direction: 'descending',
    });
    expect(nextSort({ key: 'total', direction: 'ascending' }, 'name', 'text')).toEqual({ key: 'name', direction: 'ascending' });
  });

  it('limits long lists unless all are asked for', () => {
    const many = Array.from({ length: 1000 }, (_, i) => i);
    expect(limitRows(many, false)).toMatchObject({ hidden: 800 });
    expect(limitRows(many, false).shown).toHaveLength(200);
    expect(limitRows(many, true)).toEqual({ shown: many, hidden: 0 });
    expect(limitRows(many.slice(0, 5), false)).toEqual({ shown: many.slice(0, 5), hidden: 0 });
  });

  it('filters by name, case and accents aside', () => {
    expect(matchesFilter('Bedroom', 'bed')).toBe(true);
    expect(matchesFilter('Café orders', 'cafe')).toBe(true);
    expect(matchesFilter('bedroom', 'kitchen')).toBe(false);
    expect(matchesFilter('bedroom', '  ')).toBe(true);
  });

  it('makes keys unique', () => {
    expect(uniqueKeys(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a#2', 'a#3']);
  });
});

describe('diffSummaries', () => {
  it('marks nothing on the first load or when nothing changed', () => {
    expect(diffSummaries(null, summary()).size).toBe(0);
    expect(diffSummaries(summary(), summary()).size).toBe(0);
  });

  it('marks the changed cells with what they were', () => {
    const before = summary();
    const after = summary({
      holders: [
        { holder: 'Head of Product', capex: '31200.00', opex: '0.00', total: '31200.00' },
        { holder: 'Head of Operations', capex: '0.00', opex: '26000.00', total: '26000.00' },
      ],
      capex_total: '31200.00',
      budget_total: '57200.00',
      line_items: [{ ...before.line_items[0], standby: '31200.00', amount: '31200.00' }, before.line_items[1]],
      premiums: [{ component: 'Premium', ops_run_it: '27000.00', you_build_it_you_run_it: '58200.00' }, before.premiums[1]],
      service_premiums: [
        before.service_premiums[0],
        { ...before.service_premiums[1], you_build_it_you_run_it: cost('31200.00', '40.00') },
      ],
    });
    const changes = diffSummaries(before, after);
    expect(changes.get(cellKey.budget('total'))).toBe('52000.00');
    expect(changes.get(cellKey.budget('capex'))).toBe('26000.00');
    expect(changes.has(cellKey.budget('opex'))).toBe(false);
    expect(changes.get(cellKey.holder('Head of Product', 'total'))).toBe('26000.00');
    expect(changes.has(cellKey.holder('Head of Operations', 'total'))).toBe(false);
    expect(changes.get(cellKey.lineItem('bedroom', 'team schedule: bedroom-team', 'amount'))).toBe('26000.00');
    expect(changes.has(cellKey.lineItem('bedroom', 'team schedule: bedroom-team', 'callout'))).toBe(false);
    expect(changes.has(cellKey.lineItem('ecommerce-platform', 'application support rota', 'amount'))).toBe(false);
    expect(changes.get(cellKey.premium('Premium', 'you_build_it_you_run_it'))).toBe('53000.00');
    expect(changes.has(cellKey.premium('Premium', 'ops_run_it'))).toBe(false);
    expect(changes.get(cellKey.servicePremium('bedroom', 'you_build_it_you_run_it', 'standby'))).toBe('26000.00');
    expect(changes.get(cellKey.servicePremium('bedroom', 'you_build_it_you_run_it', 'total'))).toBe('27040.00');
    expect(changes.has(cellKey.servicePremium('bedroom', 'ops_run_it', 'standby'))).toBe(false);
    expect(changes.has(cellKey.servicePremium('appointments', 'you_build_it_you_run_it', 'standby'))).toBe(false);
  });

  it('does not mark an amount written differently', () => {
    const after = summary({ budget_total: '52000', as_is_ops_run_it: '26000.0' });
    expect(diffSummaries(summary(), after).size).toBe(0);
  });

  it('marks new rows as new, days without cover and a line item that moved holder', () => {
    const before = summary();
    const after = summary({
      line_items: [{ ...before.line_items[0], holder: 'Head of Delivery' }, before.line_items[1]],
      service_premiums: [
        { ...before.service_premiums[0], you_build_it_you_run_it: cost('0.00', '904567.89', 180) },
        before.service_premiums[1],
        { name: 'kitchen', ops_run_it: cost('1.00', '1.00'), you_build_it_you_run_it: cost('1.00', '1.00') },
      ],
    });
    const changes = diffSummaries(before, after);
    expect(changes.get(cellKey.servicePremium('kitchen', 'ops_run_it', 'standby'))).toBeNull();
    expect(changes.get(cellKey.servicePremium('appointments', 'you_build_it_you_run_it', 'days_without_cover'))).toBe('364');
    expect(changes.get(cellKey.lineItem('bedroom', 'team schedule: bedroom-team', 'holder'))).toBe('Head of Product');
    expect(changes.has(cellKey.lineItem('bedroom', 'team schedule: bedroom-team', 'amount'))).toBe(false);
  });
});
