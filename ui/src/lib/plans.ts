// Pure helpers for the Plans view (issue 11): scenarios, restore points and two plans compared. Words for
// the core's codes, which way a change goes, and chart widths worked out from decimal strings. Amounts
// people read stay decimal strings: the only floats are bar widths, through `amountForGeometry`.

import type { Measure, ServiceDifference, SnapshotInfo } from './bindings';
import { amountForGeometry, formatAmount, formatMoney, modelLabels, outOfHoursLabels } from './format';

/** The working plan's name in `comparePlans`. */
export const CURRENT = 'current';

/** A plan in a comparison, for people: "Working plan", or the scenario's name. */
export const planLabel = (plan: string) => (plan === CURRENT ? 'Working plan' : plan);

// ---------------------------------------------------------------------------------------------
// Dates

const LOCAL = /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When a scenario or restore point was taken ("2026-11-24T21:15:07", local time) for people:
 * "Today 21:15", "Yesterday 09:02", otherwise "Tue 24 Nov 2026, 21:15". Anything else is shown as is.
 */
export function formatTakenAt(takenAt: string, now: Date = new Date()): string {
  const m = LOCAL.exec(takenAt);
  if (!m) return takenAt;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = `${m[4]}:${m[5]}`;
  const day = (x: Date) => `${x.getFullYear()}-${pad(x.getMonth() + 1)}-${pad(x.getDate())}`;
  const key = `${m[1]}-${m[2]}-${m[3]}`;
  if (key === day(now)) return `Today ${time}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (key === day(yesterday)) return `Yesterday ${time}`;
  const weekday = DAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
  return `${weekday} ${d} ${MONTHS[mo - 1] ?? m[2]} ${y}, ${time}`;
}

/** The same inside a sentence: "today at 21:15", "yesterday at 09:02", "on Tue 24 Nov 2026 at 21:15". */
export function takenAtInSentence(takenAt: string, now: Date = new Date()): string {
  const w = formatTakenAt(takenAt, now);
  const rel = /^(Today|Yesterday) (\d{2}:\d{2})$/.exec(w);
  if (rel) return `${rel[1].toLowerCase()} at ${rel[2]}`;
  const date = /^(.+), (\d{2}:\d{2})$/.exec(w);
  return date ? `on ${date[1]} at ${date[2]}` : w;
}

// ---------------------------------------------------------------------------------------------
// Restore points

const IMPORTS: Record<string, string> = {
  services: 'services were',
  teams: 'teams were',
  domains: 'domains were',
  incidents: 'incidents were',
};

/**
 * What a restore point was taken before, as the core records it, in words:
 * "scenario open Lean" -> "Before the scenario “Lean” was opened".
 */
export function beforeWords(before: string): string {
  const b = before.trim();
  if (b === 'demo --force') return 'Before the example replaced the plan';
  let m = /^history restore (\d+)$/.exec(b);
  if (m) return `Before an earlier plan was restored (restore point ${m[1]})`;
  m = /^scenario open ([\s\S]+)$/.exec(b);
  if (m) return `Before the scenario “${m[1]}” was opened`;
  m = /^schema migration from (\d+) to (\d+)$/.exec(b);
  if (m) return `Before the file was upgraded (schema ${m[1]} to ${m[2]})`;
  m = /^import (\w+) ([\s\S]+)$/.exec(b);
  if (m) return `Before ${IMPORTS[m[1]] ?? `${m[1]} were`} imported from ${m[2]}`;
  if (b === '') return 'Before an earlier change';
  return `Before ${b}`;
}

/** Restore points newest first (the core lists them so; ids only grow). */
export const newestFirst = (points: readonly SnapshotInfo[]) => [...points].sort((x, y) => y.id - x.id);

export const servicesCount = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'service' : 'services'}`;

// ---------------------------------------------------------------------------------------------
// Scenario names and refusals

/** Why a name typed for a scenario cannot be used, or null: the core says the same, this says it sooner. */
export function scenarioNameProblem(raw: string): string | null {
  const name = raw.trim();
  if (!name) return 'Type a name for the scenario.';
  if ([...name].length > 200) return 'A scenario name is at most 200 characters.';
  if (name.toLowerCase() === CURRENT) return '“current” stands for the working plan in comparisons: pick another name.';
  return null;
}

/** The scenario already saved under this name (as the core matches it: trimmed, exact), if any. */
export const sameName = (scenarios: readonly SnapshotInfo[], raw: string) =>
  scenarios.find((s) => s.name === raw.trim()) ?? null;

/**
 * A refusal as a sentence, without the command-line hint the core adds for its CLI:
 * "there is no scenario named 'x': opmodel scenario list shows them" -> "There is no scenario named 'x'."
 */
export function plansProblem(e: unknown): string {
  const raw = e && typeof e === 'object' && 'message' in e && typeof e.message === 'string' ? e.message : String(e);
  const invalid = /'([\s\S]*)' is not valid; expected ([\s\S]*)$/.exec(raw.trim());
  const t = invalid
    ? `“${invalid[1]}” is not valid: expected ${invalid[2]}`
    : raw.trim().replace(/:\s*opmodel [\w ]+ shows them$/, '');
  const s = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

// ---------------------------------------------------------------------------------------------
// Changes

export type Direction = 'up' | 'down' | 'none';

const ZERO = /^[+-]?0*(\.0*)?$/;

/** Which way b − a goes, read from the decimal string's sign: up is more cost, down is less. */
export function changeDirection(change: string): Direction {
  const c = change.trim();
  if (ZERO.test(c) || !/^[+-]?\d*\.?\d+$/.test(c)) return 'none';
  return c.startsWith('-') ? 'down' : 'up';
}

/** The schedule count is a count: a whole number, with no pennies. */
export const isCount = (m: Measure) => ![m.a, m.b, m.change].some((v) => v.includes('.'));

/** A measure's figure for people: amounts grouped with pennies, counts grouped. */
export const formatFigure = (value: string, count: boolean) => (count ? formatMoney(value) : formatAmount(value));

/** A change with its sign: "+1,200.00", "−300.00" (a real minus), "No change". */
export function formatChange(change: string, count = false): string {
  const dir = changeDirection(change);
  if (dir === 'none') return 'No change';
  const abs = change.trim().replace(/^[+-]/, '');
  return `${dir === 'up' ? '+' : '−'}${formatFigure(abs, count)}`;
}

/** b − a for two decimal strings, exactly (scaled integers, never floats); null when either is not a decimal. */
export function decimalDifference(a: string, b: string): string | null {
  const parse = (v: string) => /^(-?)(\d*)(?:\.(\d*))?$/.exec(v.trim());
  const [pa, pb] = [parse(a), parse(b)];
  if (!pa || !pb || !(pa[2] || pa[3]) || !(pb[2] || pb[3])) return null;
  const places = Math.max((pa[3] ?? '').length, (pb[3] ?? '').length);
  const scaled = (p: RegExpExecArray) =>
    BigInt((p[1] ? '-' : '') + ((p[2] || '0') + (p[3] ?? '').padEnd(places, '0')));
  const d = scaled(pb) - scaled(pa);
  const sign = d < 0n ? '-' : '';
  const digits = (d < 0n ? -d : d).toString().padStart(places + 1, '0');
  return places ? `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}` : `${sign}${digits}`;
}

export type MeasureGroup = 'budget' | 'on-call' | 'models';

/** Which part of the summary a measure belongs to, for rules between the parts: the budget, on call, the models. */
export function measureGroup(measure: string): MeasureGroup {
  if (/^budget total$|^head of .+ total$/i.test(measure.trim())) return 'budget';
  if (/^(out-of-hours schedules|standby|callout)$/i.test(measure.trim())) return 'on-call';
  return 'models';
}

// ---------------------------------------------------------------------------------------------
// The holders' chart

/** The summary rows the chart draws: each budget holder's total. */
export const HOLDERS = ['Head of Product', 'Head of Delivery', 'Head of Operations'] as const;

export interface HolderBars {
  holder: string;
  a: string;
  b: string;
  /** Bar widths as CSS percentages of the largest of all the bars, so A and B share one scale. */
  widthA: string;
  widthB: string;
}

/** Widths for figures given as decimal strings: each as a share of the largest; negatives draw nothing. */
export function barWidths(values: readonly string[]): string[] {
  const n = values.map((v) => Math.max(0, amountForGeometry(v)));
  const max = Math.max(0, ...n);
  return n.map((x) => `${(max > 0 ? (x / max) * 100 : 0).toFixed(2)}%`);
}

/** The three holders' totals in A and B, from the comparison's summary rows ("Head of Product total"). */
export function holderBars(summary: readonly Measure[]): HolderBars[] {
  const rows = HOLDERS.map((holder) => ({ holder, m: summary.find((s) => s.measure === `${holder} total`) })).filter(
    (r): r is { holder: (typeof HOLDERS)[number]; m: Measure } => r.m !== undefined,
  );
  const widths = barWidths(rows.flatMap((r) => [r.m.a, r.m.b]));
  return rows.map((r, i) => ({ holder: r.holder, a: r.m.a, b: r.m.b, widthA: widths[2 * i], widthB: widths[2 * i + 1] }));
}

// ---------------------------------------------------------------------------------------------
// Per service

const FIELDS: Record<string, string> = {
  operating_model: 'Operating model',
  availability_target: 'Target',
  on_call_out_of_hours: 'Out-of-hours cover',
  line_item_amount: 'Budget line items',
};

/** "on_call_out_of_hours" -> "Out-of-hours cover"; a field this version does not know, in words. */
export const fieldLabel = (field: string) => FIELDS[field] ?? words(field);

/** "some_code" -> "Some code". */
function words(code: string): string {
  const w = code.replace(/_/g, ' ').trim();
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** One side of a difference in words; empty means the service is not in that plan (null). */
export function differenceValue(field: string, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  switch (field) {
    case 'operating_model':
      return (modelLabels as Record<string, string>)[v] ?? words(v);
    case 'on_call_out_of_hours':
      return (outOfHoursLabels as Record<string, string>)[v] ?? words(v);
    case 'availability_target':
      return v.endsWith('%') ? v : `${v}%`;
    case 'line_item_amount':
      return formatAmount(v);
    default:
      return words(v);
  }
}

export interface ServiceGroup {
  name: string;
  /** The service is in one plan only. */
  only: 'a' | 'b' | null;
  rows: ServiceDifference[];
}

/** Differences grouped by service, in the order the core gives them (by name), each field once. */
export function groupDifferences(differences: readonly ServiceDifference[]): ServiceGroup[] {
  const groups = new Map<string, ServiceDifference[]>();
  for (const d of differences) {
    const rows = groups.get(d.name);
    if (rows) rows.push(d);
    else groups.set(d.name, [d]);
  }
  return [...groups].map(([name, rows]) => ({
    name,
    only: rows.every((r) => !r.a.trim()) ? 'b' : rows.every((r) => !r.b.trim()) ? 'a' : null,
    rows,
  }));
}
