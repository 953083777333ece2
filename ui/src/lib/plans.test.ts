import { describe, expect, it } from 'vitest';
import type { Measure, SnapshotInfo } from './bindings';
import {
  barWidths,
  beforeWords,
  changeDirection,
  decimalDifference,
  differenceValue,
  fieldLabel,
  formatChange,
  formatFigure,
  formatTakenAt,
  groupDifferences,
  holderBars,
  isCount,
  measureGroup,
  newestFirst,
  planLabel,
  plansProblem,
  takenAtInSentence,
  sameName,
  scenarioNameProblem,
  servicesCount,
} from './plans';

const point = (id: number, over: Partial<SnapshotInfo> = {}): SnapshotInfo => ({
  id,
  name: null,
  taken_at: '2026-11-24T21:15:07',
  before: 'demo --force',
  services: 3,
  ...over,
});

describe('when and what before', () => {
  const now = new Date(2026, 10, 24, 22, 0, 0); // 24 Nov 2026, local

  it('says today and yesterday, otherwise the date', () => {
    expect(formatTakenAt('2026-11-24T21:15:07', now)).toBe('Today 21:15');
    expect(formatTakenAt('2026-11-23T09:02:00', now)).toBe('Yesterday 09:02');
    expect(formatTakenAt('2026-11-20T08:05:00', now)).toBe('Fri 20 Nov 2026, 08:05');
    expect(formatTakenAt('2026-03-01 10:00', now)).toBe('Sun 1 Mar 2026, 10:00');
  });

  it('knows yesterday across a month and a year', () => {
    expect(formatTakenAt('2025-12-31T23:59:00', new Date(2026, 0, 1, 0, 5))).toBe('Yesterday 23:59');
  });

  it('says when inside a sentence', () => {
    expect(takenAtInSentence('2026-11-24T21:15:07', now)).toBe('today at 21:15');
    expect(takenAtInSentence('2026-11-23T09:02:00', now)).toBe('yesterday at 09:02');
    expect(takenAtInSentence('2026-11-20T08:05:00', now)).toBe('on Fri 20 Nov 2026 at 08:05');
    expect(takenAtInSentence('last week', now)).toBe('last week');
  });

  it('shows anything else as it is', () => {
    expect(formatTakenAt('last week', now)).toBe('last week');
  });

  it('puts what a restore point was taken before in words', () => {
    expect(beforeWords('demo --force')).toBe('Before the example replaced the plan');
    expect(beforeWords('history restore 12')).toBe('Before an earlier plan was restored (restore point 12)');
    expect(beforeWords('scenario open Lean year')).toBe('Before the scenario “Lean year” was opened');
    expect(beforeWords('schema migration from 3 to 4')).toBe('Before the file was upgraded (schema 3 to 4)');
    expect(beforeWords('import services services.csv')).toBe('Before services were imported from services.csv');
    expect(beforeWords('import incidents log 2026.csv')).toBe('Before incidents were imported from log 2026.csv');
    expect(beforeWords('something new')).toBe('Before something new');
    expect(beforeWords('')).toBe('Before an earlier change');
  });

  it('lists restore points newest first, and counts services', () => {
    expect(newestFirst([point(3), point(9), point(5)]).map((p) => p.id)).toEqual([9, 5, 3]);
    expect(servicesCount(1)).toBe('1 service');
    expect(servicesCount(1200)).toBe('1,200 services');
  });
});

describe('scenario names', () => {
  it('refuses an empty name, a long one and "current"', () => {
    expect(scenarioNameProblem('  ')).toBe('Type a name for the scenario.');
    expect(scenarioNameProblem('x'.repeat(201))).toMatch(/at most 200/);
    expect(scenarioNameProblem('x'.repeat(200))).toBeNull();
    expect(scenarioNameProblem(' Current ')).toMatch(/working plan/);
    expect(scenarioNameProblem('Lean year')).toBeNull();
  });

  it('finds the scenario a save would replace as the core matches it: trimmed, exact case', () => {
    const list = [point(1, { name: 'Lean' }), point(2, { name: 'Bold' })];
    expect(sameName(list, ' Lean ')?.id).toBe(1);
    expect(sameName(list, 'lean')).toBeNull();
  });

  it('says a refusal without the command-line hint', () => {
    expect(plansProblem({ code: 'not_found', message: "there is no scenario named 'x': opmodel scenario list shows them" })).toBe(
      "There is no scenario named 'x'.",
    );
    expect(plansProblem({ message: "there is no restore point 4: opmodel history list shows them" })).toBe('There is no restore point 4.');
    expect(plansProblem({ message: "'current' is not valid; expected a scenario name of 1 to 200 characters, other than 'current'" })).toBe(
      "“current” is not valid: expected a scenario name of 1 to 200 characters, other than 'current'.",
    );
    expect(plansProblem('disk full')).toBe('Disk full.');
  });

  it('names the working plan in words', () => {
    expect(planLabel('current')).toBe('Working plan');
    expect(planLabel('Lean')).toBe('Lean');
  });
});

describe('changes', () => {
  it('reads the direction from the sign, zero in any spelling being none', () => {
    expect(changeDirection('1200.00')).toBe('up');
    expect(changeDirection('+0.01')).toBe('up');
    expect(changeDirection('-300.50')).toBe('down');
    expect(changeDirection('0.00')).toBe('none');
    expect(changeDirection('-0.00')).toBe('none');
    expect(changeDirection('0')).toBe('none');
    expect(changeDirection('n/a')).toBe('none');
    expect(changeDirection('2')).toBe('up');
  });

  it('formats a change with its sign, and a count without pennies', () => {
    expect(formatChange('1200.00')).toBe('+1,200.00');
    expect(formatChange('-300.5')).toBe('−300.50');
    expect(formatChange('0.00')).toBe('No change');
    expect(formatChange('-2', true)).toBe('−2');
    expect(formatChange('1000', true)).toBe('+1,000');
  });

  it('tells the schedule count from money', () => {
    const count: Measure = { measure: 'Out-of-hours schedules', a: '4', b: '6', change: '2' };
    const money: Measure = { measure: 'Standby', a: '100.00', b: '90.00', change: '-10.00' };
    expect(isCount(count)).toBe(true);
    expect(isCount(money)).toBe(false);
    expect(formatFigure('1234', true)).toBe('1,234');
    expect(formatFigure('1234', false)).toBe('1,234.00');
  });

  it('puts each measure in its part of the summary', () => {
    expect(measureGroup('Budget total')).toBe('budget');
    expect(measureGroup('Head of Operations total')).toBe('budget');
    expect(measureGroup('Out-of-hours schedules')).toBe('on-call');
    expect(measureGroup('Standby')).toBe('on-call');
    expect(measureGroup('Callout')).toBe('on-call');
    expect(measureGroup('Ops Run It: premium')).toBe('models');
    expect(measureGroup('You Build It You Run It: expected loss')).toBe('models');
  });

  it('subtracts decimal strings exactly', () => {
    expect(decimalDifference('0.10', '0.30')).toBe('0.20');
    expect(decimalDifference('1200.00', '900.50')).toBe('-299.50');
    expect(decimalDifference('99999999999999999.99', '100000000000000000.00')).toBe('0.01');
    expect(decimalDifference('5', '5.5')).toBe('0.5');
    expect(decimalDifference('-1.00', '1.00')).toBe('2.00');
    expect(decimalDifference('0.05', '0.01')).toBe('-0.04');
    expect(decimalDifference('', '1.00')).toBeNull();
    expect(decimalDifference('abc', '1.00')).toBeNull();
  });
});

describe('the holders chart', () => {
  it('scales to the largest figure, never below nothing', () => {
    expect(barWidths(['50.00', '100.00', '0.00', '-20.00'])).toEqual(['50.00%', '100.00%', '0.00%', '0.00%']);
    expect(barWidths(['0.00', '0.00'])).toEqual(['0.00%', '0.00%']);
    expect(barWidths([])).toEqual([]);
  });

  it('draws each holder total in A and B on one scale', () => {
    const summary: Measure[] = [
      { measure: 'Budget total', a: '300.00', b: '400.00', change: '100.00' },
      { measure: 'Head of Product total', a: '100.00', b: '200.00', change: '100.00' },
      { measure: 'Head of Delivery total', a: '50.00', b: '50.00', change: '0.00' },
      { measure: 'Head of Operations total', a: '150.00', b: '150.00', change: '0.00' },
    ];
    expect(holderBars(summary)).toEqual([
      { holder: 'Head of Product', a: '100.00', b: '200.00', widthA: '50.00%', widthB: '100.00%' },
      { holder: 'Head of Delivery', a: '50.00', b: '50.00', widthA: '25.00%', widthB: '25.00%' },
      { holder: 'Head of Operations', a: '150.00', b: '150.00', widthA: '75.00%', widthB: '75.00%' },
    ]);
  });

  it('leaves out a holder the summary lacks', () => {
    expect(holderBars([{ measure: 'Head of Delivery total', a: '1.00', b: '2.00', change: '1.00' }]).map((h) => h.holder)).toEqual([
      'Head of Delivery',
    ]);
  });
});

describe('per service', () => {
  it('names the fields', () => {
    expect(fieldLabel('operating_model')).toBe('Operating model');
    expect(fieldLabel('availability_target')).toBe('Target');
    expect(fieldLabel('on_call_out_of_hours')).toBe('Out-of-hours cover');
    expect(fieldLabel('line_item_amount')).toBe('Budget line items');
    expect(fieldLabel('deployment_target')).toBe('Deployment target');
  });

  it('puts values in words', () => {
    expect(differenceValue('operating_model', 'ops_run_it')).toBe('Ops Run It');
    expect(differenceValue('operating_model', 'you_build_it_you_run_it')).toBe('You Build It You Run It');
    expect(differenceValue('on_call_out_of_hours', 'app_support')).toBe('App support rota');
    expect(differenceValue('on_call_out_of_hours', 'none')).toBe('None');
    expect(differenceValue('on_call_out_of_hours', 'domain')).toBe('Domain');
    expect(differenceValue('on_call_out_of_hours', 'team')).toBe('Team');
    expect(differenceValue('availability_target', '99.95')).toBe('99.95%');
    expect(differenceValue('line_item_amount', '26000.00')).toBe('26,000.00');
    expect(differenceValue('line_item_amount', '')).toBeNull();
    expect(differenceValue('something', 'every_10_days')).toBe('Every 10 days');
  });

  it('groups by service and says when a service is in one plan only', () => {
    const groups = groupDifferences([
      { name: 'Basket', field: 'operating_model', a: 'ops_run_it', b: 'you_build_it_you_run_it' },
      { name: 'Basket', field: 'line_item_amount', a: '10.00', b: '20.00' },
      { name: 'Gift cards', field: 'operating_model', a: '', b: 'ops_run_it' },
      { name: 'Gift cards', field: 'availability_target', a: '', b: '99.9' },
      { name: 'Search', field: 'operating_model', a: 'ops_run_it', b: '' },
    ]);
    expect(groups.map((g) => [g.name, g.only, g.rows.length])).toEqual([
      ['Basket', null, 2],
      ['Gift cards', 'b', 2],
      ['Search', 'a', 1],
    ]);
  });
});
