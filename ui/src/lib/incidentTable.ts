// Pure helpers for the incident log and the effectiveness tables: sort columns, the groups, and the
// geometry of the protected-versus-overrun bars. Amounts are compared exactly as decimal strings.

import type { AggregateRow, Aggregates, IncidentRow, LossClass } from './bindings';
import { type SortColumn, type SortState } from './costsChanges';
import { amountForGeometry } from './format';

export type LogKey =
  | 'started'
  | 'service'
  | 'duration'
  | 'loss'
  | 'class'
  | 'projected_loss'
  | 'protection'
  | 'effectiveness';

const classRank: Record<LossClass, number> = { low: 0, medium: 1, high: 2 };

/** A decimal string made negative: "64000.00" -> "-64000.00" (an overrun sorts below every protection). */
export const negate = (value: string) => (value.startsWith('-') ? value.slice(1) : `-${value}`);

/** Protection, or minus the overrun: one signed figure per incident, for sorting only. */
export const signedProtection = (r: IncidentRow) => r.protection ?? (r.overrun ? negate(r.overrun) : '0');

/** Effectiveness, or minus the overrun's share of the projection. */
export const signedEffectiveness = (r: IncidentRow) => r.effectiveness ?? (r.overrun_share ? negate(r.overrun_share) : '0');

export const logColumns: Record<LogKey, SortColumn<IncidentRow> & { label: string }> = {
  started: { label: 'Started', kind: 'text', value: (r) => r.started_at },
  service: { label: 'Service', kind: 'text', value: (r) => r.service },
  duration: { label: 'Duration', kind: 'amount', value: (r) => r.duration_minutes },
  loss: { label: 'Loss', kind: 'amount', value: (r) => r.loss },
  class: { label: 'Class', kind: 'number', value: (r) => classRank[r.loss_class] },
  projected_loss: { label: 'Projected', kind: 'amount', value: (r) => r.projected_loss },
  protection: { label: 'Protected or overrun', kind: 'amount', value: signedProtection },
  effectiveness: { label: 'Effectiveness', kind: 'amount', value: signedEffectiveness },
};

export const LOG_ORDER: readonly LogKey[] = [
  'started',
  'service',
  'duration',
  'loss',
  'class',
  'projected_loss',
  'protection',
  'effectiveness',
];

/** The log opens newest first. */
export const LOG_DEFAULT_SORT: SortState<LogKey> = { key: 'started', direction: 'descending' };

/** Ties (and equal figures) in the order the incidents happened, newest first. */
export const newestFirst = (a: IncidentRow, b: IncidentRow) =>
  a.started_at === b.started_at ? b.id - a.id : a.started_at < b.started_at ? 1 : -1;

// ---------------------------------------------------------------------------------------------
// Groups

export type GroupKey = 'operating_model' | 'team' | 'domain' | 'service';

export interface Group {
  key: GroupKey;
  /** The tab: "Operating model". */
  label: string;
  /** The first column's heading. */
  heading: string;
  rows: (a: Aggregates) => AggregateRow[];
}

export const GROUPS: readonly Group[] = [
  { key: 'operating_model', label: 'Operating model', heading: 'Operating model', rows: (a) => a.by_operating_model },
  { key: 'team', label: 'Team', heading: 'Team', rows: (a) => a.by_team },
  { key: 'domain', label: 'Domain', heading: 'Domain', rows: (a) => a.by_domain },
  { key: 'service', label: 'Service', heading: 'Service', rows: (a) => a.by_service },
];

/** The `data-aggregate` of a row: "team:bedroom-team", "operating_model:ops_run_it". */
export const aggregateKey = (group: GroupKey, name: string) => `${group}:${name}`;

/** Whether a percentage string is below zero ("-19.05"): net losses overran the projection. */
export const isNegative = (value: string | null) => value !== null && value.trim().startsWith('-') && /[1-9]/.test(value);

// ---------------------------------------------------------------------------------------------
// Bars

export interface Bar {
  name: string;
  protection: string;
  overrun: string;
  /** CSS widths, "42.50%", of the largest protection or overrun in the group. */
  protectionWidth: string;
  overrunWidth: string;
}

const pct = (n: number, max: number) => `${(max > 0 ? (Math.max(0, n) / max) * 100 : 0).toFixed(2)}%`;

/**
 * Protected and overrun loss per row, both on one scale: the largest of either in the group is the
 * full width. Geometry only: the figures shown beside the bars are the core's strings.
 */
export function bars(rows: readonly AggregateRow[]): Bar[] {
  const values = rows.map((r) => [amountForGeometry(r.protection), amountForGeometry(r.overrun)] as const);
  const max = Math.max(0, ...values.flat());
  return rows.map((r, i) => ({
    name: r.name,
    protection: r.protection,
    overrun: r.overrun,
    protectionWidth: pct(values[i][0], max),
    overrunWidth: pct(values[i][1], max),
  }));
}
