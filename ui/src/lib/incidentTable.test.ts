import { describe, expect, it } from 'vitest';
import type { AggregateRow, IncidentRow } from './bindings';
import { sortRows } from './costsChanges';
import {
  aggregateKey,
  bars,
  GROUPS,
  isNegative,
  LOG_DEFAULT_SORT,
  logColumns,
  negate,
  newestFirst,
  signedEffectiveness,
  signedProtection,
} from './incidentTable';

function incident(over: Partial<IncidentRow>): IncidentRow {
  return {
    id: 1,
    service: 'bedroom',
    team: 'bedroom-team',
    domain: 'home',
    started_at: '2026-11-24T21:15:00',
    duration_minutes: '30',
    loss: '100000.00',
    loss_entered: true,
    loss_class: 'high',
    incident_type: 'major',
    response: 'Major incident: restore availability immediately',
    operating_model: 'you_build_it_you_run_it',
    availability_target: '99.0%',
    projected_loss: '336000.00',
    protection: '236000.00',
    overrun: null,
    effectiveness: '70.24',
    overrun_share: null,
    ...over,
  };
}

const overrun = incident({
  id: 2,
  started_at: '2026-12-01T03:00:00',
  duration_minutes: '120',
  loss: '400000.00',
  loss_entered: false,
  protection: null,
  overrun: '64000.00',
  effectiveness: null,
  overrun_share: '19.05',
});
const small = incident({
  id: 3,
  service: 'appointments',
  started_at: '2026-10-02T10:00:00',
  duration_minutes: '9.5',
  loss: '950.00',
  loss_class: 'low',
  incident_type: 'minor',
  projected_loss: '50400.00',
  protection: '49450.00',
  effectiveness: '98.12',
});
const rows = [incident({}), overrun, small];
const ids = (list: IncidentRow[]) => list.map((r) => r.id);

describe('the log’s order', () => {
  it('opens newest first', () => {
    const c = logColumns[LOG_DEFAULT_SORT.key];
    expect(ids(sortRows(rows, c, LOG_DEFAULT_SORT.direction, newestFirst))).toEqual([2, 1, 3]);
  });

  it('sorts amounts exactly, not as text', () => {
    expect(ids(sortRows(rows, logColumns.loss, 'ascending'))).toEqual([3, 1, 2]);
    expect(ids(sortRows(rows, logColumns.duration, 'ascending'))).toEqual([3, 1, 2]);
  });

  it('sorts classes by severity', () => {
    expect(ids(sortRows(rows, logColumns.class, 'descending', newestFirst))).toEqual([2, 1, 3]);
  });

  it('puts overruns below every protection', () => {
    expect(signedProtection(overrun)).toBe('-64000.00');
    expect(signedEffectiveness(overrun)).toBe('-19.05');
    expect(ids(sortRows(rows, logColumns.protection, 'descending'))).toEqual([1, 3, 2]);
    expect(ids(sortRows(rows, logColumns.effectiveness, 'descending'))).toEqual([3, 1, 2]);
  });

  it('breaks ties on the start, then the later id first', () => {
    const a = incident({ id: 4 });
    const b = incident({ id: 5 });
    expect([a, b].sort(newestFirst).map((r) => r.id)).toEqual([5, 4]);
  });

  it('negates decimal strings', () => {
    expect(negate('5')).toBe('-5');
    expect(negate('-5')).toBe('5');
  });
});

describe('effectiveness groups and bars', () => {
  const agg = (name: string, protection: string, overrun: string): AggregateRow => ({
    name,
    incidents: 1,
    projected_loss: '0',
    actual_loss: '0',
    protection,
    overrun,
    net_effectiveness: null,
  });

  it('has the four groups, operating model first', () => {
    expect(GROUPS.map((g) => g.key)).toEqual(['operating_model', 'team', 'domain', 'service']);
    expect(aggregateKey('operating_model', 'ops_run_it')).toBe('operating_model:ops_run_it');
  });

  it('scales protection and overrun to the largest of either', () => {
    const b = bars([agg('a', '236000.00', '0.00'), agg('b', '0.00', '472000.00')]);
    expect(b.map((x) => [x.protectionWidth, x.overrunWidth])).toEqual([
      ['50.00%', '0.00%'],
      ['0.00%', '100.00%'],
    ]);
    expect(b[0].protection).toBe('236000.00');
  });

  it('draws nothing when there is nothing to draw', () => {
    expect(bars([agg('a', '0.00', '0.00')])[0].protectionWidth).toBe('0.00%');
    expect(bars([])).toEqual([]);
  });

  it('tells a net overrun', () => {
    expect(isNegative('-19.05')).toBe(true);
    expect(isNegative('70.24')).toBe(false);
    expect(isNegative('-0.00')).toBe(false);
    expect(isNegative(null)).toBe(false);
  });
});
