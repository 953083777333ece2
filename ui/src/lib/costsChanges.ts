// Pure helpers for the Costs view: exact comparison and addition of decimal strings, sorting and
// limiting long tables, and what changed between two cost summaries. No floats touch an amount here.

import type { CostRow, CostSummary } from './bindings';

// ---------------------------------------------------------------------------------------------
// Decimal strings

interface Decimal {
  negative: boolean;
  /** Integer digits without leading zeros ("" for zero). */
  whole: string;
  /** Fraction digits without trailing zeros. */
  fraction: string;
}

const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/;

function parseDecimal(value: string): Decimal | null {
  const m = DECIMAL.exec(value);
  if (!m || (!m[2] && !m[3])) return null;
  const whole = (m[2] ?? '').replace(/^0+/, '');
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  // Minus zero is zero.
  return { negative: m[1] === '-' && (whole !== '' || fraction !== ''), whole, fraction };
}

function compareMagnitude(a: Decimal, b: Decimal): number {
  if (a.whole.length !== b.whole.length) return a.whole.length < b.whole.length ? -1 : 1;
  if (a.whole !== b.whole) return a.whole < b.whole ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, '0');
  const fb = b.fraction.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

export const isDecimal = (value: string) => parseDecimal(value) !== null;

/**
 * Orders two decimal strings exactly ("9.50" < "10.00", "-1" < "0"), by their digits, never through
 * floating point. Anything that is not a plain decimal sorts after every decimal, by its text.
 */
export function compareDecimal(a: string, b: string): number {
  const da = parseDecimal(a);
  const db = parseDecimal(b);
  if (!da || !db) {
    if (!da && !db) return compareText(a, b);
    return da ? -1 : 1;
  }
  if (da.negative !== db.negative) return da.negative ? -1 : 1;
  const m = compareMagnitude(da, db);
  return da.negative ? -m : m;
}

/** The same amount, however written ("26000" and "26000.00"); other text must match exactly. */
export function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  return isDecimal(a) && isDecimal(b) && compareDecimal(a, b) === 0;
}

/** Whether a decimal string is zero ("0.00", "-0"). */
export function isZeroAmount(value: string): boolean {
  const d = parseDecimal(value);
  return d !== null && d.whole === '' && d.fraction === '';
}

/**
 * The exact sum of decimal strings, with as many decimal places as the most precise of them (at least
 * two): ["0.10", "0.20"] -> "0.30". Values that are not decimals are skipped.
 */
export function addDecimals(values: readonly string[]): string {
  const parsed = values.map(parseDecimal).filter((d): d is Decimal => d !== null);
  const places = Math.max(2, ...parsed.map((d) => d.fraction.length));
  let sum = 0n;
  for (const d of parsed) {
    const units = BigInt((d.whole || '0') + d.fraction.padEnd(places, '0'));
    sum += d.negative ? -units : units;
  }
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(places + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

// ---------------------------------------------------------------------------------------------
// Sorting and long lists

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Names in the reader's order, digits as numbers ("svc-2" before "svc-10"), case ignored. */
export const compareText = (a: string, b: string) => collator.compare(a, b);

export type SortDirection = 'ascending' | 'descending';
export type SortKind = 'text' | 'amount' | 'number';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/**
 * The sort after a click on a column header: the same column flips its direction; another column
 * starts ascending for text and descending for amounts (the largest figures first).
 */
export function nextSort<K extends string>(current: SortState<K>, key: K, kind: SortKind): SortState<K> {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: kind === 'text' ? 'ascending' : 'descending' };
}

export interface SortColumn<T> {
  kind: SortKind;
  value: (row: T) => string | number;
}

/**
 * A sorted copy: by the column's values, exactly for amounts, then by `tieBreak` (always ascending,
 * so rows that tie keep a stable, readable order).
 */
export function sortRows<T>(
  rows: readonly T[],
  column: SortColumn<T>,
  direction: SortDirection,
  tieBreak: (a: T, b: T) => number = () => 0,
): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: T, b: T): number => {
    const va = column.value(a);
    const vb = column.value(b);
    if (typeof va === 'number' && typeof vb === 'number') return va - vb;
    const sa = String(va);
    const sb = String(vb);
    return column.kind === 'text' ? compareText(sa, sb) : compareDecimal(sa, sb);
  };
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(a.row, b.row) || tieBreak(a.row, b.row) || a.index - b.index)
    .map((x) => x.row);
}

/** Rows whose service name contains the filter text, case and accents aside. An empty filter keeps all. */
export function matchesFilter(name: string, filter: string): boolean {
  const f = fold(filter.trim());
  return f === '' || fold(name).includes(f);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** How many rows a table renders before it offers "Show all". */
export const ROW_LIMIT = 200;

/** The first `limit` rows unless all are asked for, and how many were left out. */
export function limitRows<T>(rows: readonly T[], showAll: boolean, limit = ROW_LIMIT): { shown: readonly T[]; hidden: number } {
  if (showAll || rows.length <= limit) return { shown: rows, hidden: 0 };
  return { shown: rows.slice(0, limit), hidden: rows.length - limit };
}

/**
 * Keys made unique for keyed lists: the second "a" becomes "a#2". Names are unique in a plan, but a
 * duplicate must never break rendering.
 */
export function uniqueKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}#${n}`;
  });
}

// ---------------------------------------------------------------------------------------------
// What changed between two summaries

export type ModelKey = 'ops_run_it' | 'you_build_it_you_run_it';
export const MODELS: readonly ModelKey[] = ['ops_run_it', 'you_build_it_you_run_it'];
export type CostColumn = keyof CostRow;
export const COST_COLUMNS: readonly CostColumn[] = [
  'standby',
  'callout',
  'setup',
  'premium',
  'expected_loss',
  'total',
  'days_without_cover',
];
export type HolderColumn = 'capex' | 'opex' | 'total';
export type LineItemColumn = 'holder' | 'category' | 'standby' | 'callout' | 'amount';

// A separator no name contains.
const SEP = '\u001f';
const join = (...parts: string[]) => parts.join(SEP);

/** The cells the view highlights when they change, each named by what it shows. */
export const cellKey = {
  budget: (col: HolderColumn) => join('budget', col),
  holder: (holder: string, col: HolderColumn) => join('holder', holder, col),
  lineItem: (service: string, schedule: string, col: LineItemColumn) => join('line', service, schedule, col),
  servicePremium: (service: string, model: ModelKey, col: CostColumn) => join('service', service, model, col),
  premium: (component: string, model: ModelKey) => join('premium', component, model),
  before: (label: string) => join('before', label),
  asIs: () => join('as-is'),
};

/** Every highlighted cell of a summary, by key, with the value it shows. */
export function summaryCells(s: CostSummary): Map<string, string> {
  const cells = new Map<string, string>();
  cells.set(cellKey.budget('capex'), s.capex_total);
  cells.set(cellKey.budget('opex'), s.opex_total);
  cells.set(cellKey.budget('total'), s.budget_total);
  for (const h of s.holders) {
    cells.set(cellKey.holder(h.holder, 'capex'), h.capex);
    cells.set(cellKey.holder(h.holder, 'opex'), h.opex);
    cells.set(cellKey.holder(h.holder, 'total'), h.total);
  }
  for (const l of s.line_items) {
    cells.set(cellKey.lineItem(l.service, l.schedule, 'holder'), l.holder);
    cells.set(cellKey.lineItem(l.service, l.schedule, 'category'), l.category);
    cells.set(cellKey.lineItem(l.service, l.schedule, 'standby'), l.standby);
    cells.set(cellKey.lineItem(l.service, l.schedule, 'callout'), l.callout);
    cells.set(cellKey.lineItem(l.service, l.schedule, 'amount'), l.amount);
  }
  for (const sp of s.service_premiums) {
    for (const model of MODELS) {
      const row = sp[model];
      for (const col of COST_COLUMNS) cells.set(cellKey.servicePremium(sp.name, model, col), String(row[col]));
    }
  }
  for (const p of s.premiums) {
    for (const model of MODELS) cells.set(cellKey.premium(p.component, model), p[model]);
  }
  for (const b of s.before) cells.set(cellKey.before(b.label), b.amount);
  cells.set(cellKey.asIs(), s.as_is_ops_run_it);
  return cells;
}

/**
 * The cells whose value differs, each with what it was before (`null`: the cell is new, as when a
 * service was added). Cells that disappeared are not listed: there is nothing left to mark.
 */
export type Changes = ReadonlyMap<string, string | null>;

export const NO_CHANGES: Changes = new Map();

export function diffCells(previous: ReadonlyMap<string, string> | null, next: ReadonlyMap<string, string>): Changes {
  const changes = new Map<string, string | null>();
  if (!previous) return changes;
  for (const [key, value] of next) {
    const was = previous.get(key);
    if (was === undefined) changes.set(key, null);
    else if (!sameValue(was, value)) changes.set(key, was);
  }
  return changes;
}

/** What changed from the summary shown before to the one just loaded; nothing on the first load. */
export function diffSummaries(previous: CostSummary | null, next: CostSummary): Changes {
  if (!previous) return NO_CHANGES;
  return diffCells(summaryCells(previous), summaryCells(next));
}
