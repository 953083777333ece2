import type { DemandColumn, SelectorCell, SelectorChart, SelectorMark } from './bindings';
import { modelLabels } from './format';

// The selector chart's layout as pure functions: which marks sit in which cell, in what order, how the names flow in
// columns inside a cell, what is grouped behind "and N more", and how the chart's height is shared between its rows.
// Widths and heights are CSS pixels; text is measured by whoever calls (a canvas in the view, a stub in the tests).

/** Sizes of the chart in CSS pixels, one set per mode. The view's CSS is written from these numbers. */
export interface Metrics {
  /** Font size of a mark's name. */
  mark: number;
  /** Font size of a mark's peak badge ("↑ 99.9%"). */
  badge: number;
  /** Font size and line height of the two header lines in each cell (what the selector decides there). */
  head: number;
  headLine: number;
  /** Space under the header, above the marks. */
  headGap: number;
  /** Height of a mark and the distance from one mark's top to the next one's. */
  markHeight: number;
  pitch: number;
  /** Padding inside a cell (all sides) and the white rule between cells. */
  cellPad: number;
  cellGap: number;
  /** A mark: border width, horizontal padding, shape size, gap between shape, name and badge. */
  border: number;
  markPadX: number;
  shape: number;
  shapeGap: number;
  /** Gap between two columns of names in a cell. */
  colGap: number;
  /** Width of the availability axis on the left. */
  axis: number;
}

export const METRICS: Record<'normal' | 'presenter', Metrics> = {
  normal: {
    mark: 15,
    badge: 14,
    head: 14,
    headLine: 19,
    headGap: 6,
    markHeight: 26,
    pitch: 30,
    cellPad: 8,
    cellGap: 3,
    border: 2,
    markPadX: 7,
    shape: 10,
    shapeGap: 6,
    colGap: 6,
    axis: 100,
  },
  presenter: {
    mark: 18,
    badge: 16,
    head: 16,
    headLine: 21,
    headGap: 5,
    markHeight: 32,
    pitch: 36,
    cellPad: 8,
    cellGap: 4,
    border: 2,
    markPadX: 6,
    shape: 12,
    shapeGap: 6,
    colGap: 8,
    axis: 124,
  },
};

/** Height of a cell's header: two lines, then a gap. */
export const headerHeight = (m: Metrics) => 2 * m.headLine + m.headGap;

/** The smallest row: its header and one line (one mark, or the button that lists them all). */
export const minRowHeight = (m: Metrics) => 2 * m.cellPad + headerHeight(m) + m.markHeight;

/**
 * The least a row gets, however short the screen: the lines it needs up to two, so a cell shows two names, or a
 * name and "and N more", never a lone "2 services". The chart scrolls rather than give less.
 */
export const rowFloor = (neededLines: number, m: Metrics) => rowHeightFor(Math.max(1, Math.min(2, neededLines)), m);

/** Height a row needs to show `lines` lines of marks. */
export const rowHeightFor = (lines: number, m: Metrics) =>
  2 * m.cellPad + headerHeight(m) + (lines > 0 ? (lines - 1) * m.pitch + m.markHeight : 0);

/** How many lines of marks fit in a row of this height (at least one). */
export function linesIn(rowHeight: number, m: Metrics): number {
  const room = rowHeight - 2 * m.cellPad - headerHeight(m);
  return Math.max(1, Math.floor((room - m.markHeight) / m.pitch) + 1);
}

/** Width of a mark: border, padding, shape, name and, when it has one, the peak badge. One pixel spare. */
export function markWidth(nameWidth: number, badgeWidth: number | null, m: Metrics): number {
  const badge = badgeWidth === null ? 0 : m.shapeGap + badgeWidth;
  return Math.ceil(2 * m.border + 2 * m.markPadX + m.shape + m.shapeGap + nameWidth + badge) + 1;
}

/**
 * A mark's badge, width and lines in a cell `width` wide: the whole peak badge ("↑ 99.9%") when the mark fits with
 * it, else just its arrow (the level is in the tooltip and the mark's label); a name still too wide for the cell
 * wraps onto a second line rather than being cut short.
 */
export function fitMark(
  nameWidth: number,
  badge: string | null,
  width: number,
  m: Metrics,
  measureBadge: (text: string) => number,
): CellItem & { badge: string | null } {
  const sized = (b: string | null) => {
    const w = markWidth(nameWidth, b === null ? null : measureBadge(b), m);
    return { badge: b, width: w, lines: w <= width ? 1 : 2 };
  };
  const whole = sized(badge);
  return whole.lines === 1 || badge === null ? whole : sized(badge.split(' ')[0]);
}

/** Width of the "and 37 more" button around its text. */
export const moreWidth = (textWidth: number, m: Metrics) => Math.ceil(2 * m.border + 2 * m.markPadX + textWidth) + 1;

/** The text of the button that stands for the marks that do not fit. */
export const moreLabel = (hidden: number, shown: number) =>
  shown === 0 ? `${hidden} service${hidden === 1 ? '' : 's'}` : `and ${hidden} more`;

/**
 * The order marks are shown in a cell, and so which ones are left for "and N more" when the cell is full: what a
 * workshop should notice first (an override, then a peak that moves the service to another row), then by name.
 */
export function compareMarks(a: SelectorMark, b: SelectorMark): number {
  const rank = (m: SelectorMark) => (m.overridden ? 0 : m.peak_row !== null ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) ||
    a.id - b.id
  );
}

/** The marks of each cell, `[row][column]` like `chart.cells`, each cell in `compareMarks` order. */
export function marksByCell(chart: SelectorChart): SelectorMark[][][] {
  const rows = chart.rows.length;
  const cols = chart.columns.length;
  const grid: SelectorMark[][][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => []));
  if (!rows || !cols) return grid;
  const clamp = (i: number, n: number) => Math.min(Math.max(0, Math.trunc(i)), n - 1);
  for (const m of chart.services) grid[clamp(m.row, rows)][clamp(m.column, cols)].push(m);
  for (const row of grid) for (const cell of row) cell.sort(compareMarks);
  return grid;
}

/** A mark to place: its width, and the lines it takes (two when its name wraps because it is wider than the cell). */
export interface CellItem {
  width: number;
  lines: number;
}

/** A column of marks in a cell: the marks' places in the cell's order, top to bottom, and the column's width. */
export interface CellColumn {
  items: number[];
  width: number;
}

export interface CellLayout {
  /** Lines used by the tallest column. */
  lines: number;
  /** The columns of shown marks, left to right; the "more" button, when there is one, ends the last column. */
  columns: CellColumn[];
  /** How many marks are shown and how many are counted behind "and N more". */
  shown: number;
  hidden: number;
}

/** Lines an item takes in a cell of `lines` lines: a two-line mark is cut to one line when that is all there is. */
export const linesOf = (item: CellItem, lines: number) => Math.max(1, Math.min(item.lines, lines));

/**
 * Takes marks in order, top to bottom, then into the next column, each column as wide as its widest mark (a mark
 * wider than the cell counts as the cell's width), passing over a mark that would make the columns wider than the
 * cell or its column wider than `cap`. `whole`: a two-line mark needs its two lines (else it is cut to one when the
 * cell has only one).
 */
function pack(items: CellItem[], lines: number, width: number, gap: number, cap: number, whole = false): CellColumn[] {
  const columns: CellColumn[] = [];
  let closed = 0; // width taken by the columns before the current one, each with its gap
  let current: CellColumn = { items: [], width: 0 };
  let used = 0; // lines used in the current column
  for (let i = 0; i < items.length; i++) {
    const w = Math.min(items[i].width, width);
    const h = whole ? Math.max(1, items[i].lines) : linesOf(items[i], lines);
    if (h > lines) continue;
    if (used + h > lines) {
      if (current.items.length) {
        columns.push(current);
        closed += current.width + gap;
      }
      current = { items: [], width: 0 };
      used = 0;
    }
    const grown = Math.max(current.width, w);
    if (w <= cap && closed + grown <= width + 0.5) {
      current.items.push(i);
      current.width = grown;
      used += h;
    }
  }
  if (current.items.length) columns.push(current);
  return columns;
}

const count = (columns: CellColumn[]) => columns.reduce((a, c) => a + c.items.length, 0);
const height = (column: CellColumn, items: CellItem[], lines: number) =>
  column.items.reduce((a, i) => a + linesOf(items[i], lines), 0);

/** The fewest lines that show every mark in a cell this wide (0 for an empty cell). */
export function linesToShowAll(items: CellItem[], width: number, gap: number): number {
  const most = items.reduce((a, it) => a + Math.max(1, it.lines), 0);
  for (let lines = 1; lines <= most; lines++) {
    if (count(pack(items, lines, width, gap, Infinity, true)) === items.length) return lines;
  }
  return most; // one column always fits: widths are capped at the cell's
}

/** Makes room for the "and N more" button at the end: under the last column, beside it, or in place of marks. */
function withButton(
  columns: CellColumn[],
  items: CellItem[],
  lines: number,
  width: number,
  gap: number,
  moreWidthFor: (hidden: number, shown: number) => number,
): CellLayout {
  const n = items.length;
  let shown = count(columns);
  for (;;) {
    const button = moreWidthFor(n - shown, shown);
    const last = columns.at(-1);
    const before = columns.slice(0, -1).reduce((a, c) => a + c.width + gap, 0);
    if (last && height(last, items, lines) < lines && before + Math.max(last.width, button) <= width + 0.5) {
      last.width = Math.max(last.width, button);
      break;
    }
    const all = columns.reduce((a, c) => a + c.width + gap, 0);
    if (!last || all + button <= width + 0.5) {
      columns.push({ items: [], width: Math.min(button, width) });
      break;
    }
    last.items.pop();
    shown--;
    if (last.items.length) last.width = Math.max(...last.items.map((i) => Math.min(items[i].width, width)));
    else columns.pop();
  }
  const tallest = Math.max(...columns.map((c, i) => height(c, items, lines) + (i === columns.length - 1 ? 1 : 0)));
  return { lines: tallest, columns, shown, hidden: n - shown };
}

/**
 * What fits in a cell `width` wide with room for `maxLines` lines. Marks flow in order, top to bottom, then into the
 * next column, each column as wide as its widest mark, so no label overlaps another. When they do not all fit, as
 * many marks as possible are shown: a mark too wide for the room left is passed over for narrower ones after it
 * (columns of an even width are tried too, so one long name does not keep ten short ones out), and the last place
 * goes to the "and N more" button, `moreWidthFor(hidden, shown)` wide, which counts and lists the marks passed over.
 */
export function layoutCell(
  items: CellItem[],
  width: number,
  maxLines: number,
  gap: number,
  moreWidthFor: (hidden: number, shown: number) => number,
): CellLayout {
  const n = items.length;
  const lines = Math.max(1, Math.floor(maxLines));
  if (n === 0) return { lines: 0, columns: [], shown: 0, hidden: 0 };
  const natural = pack(items, lines, width, gap, Infinity);
  if (count(natural) === n) {
    return { lines: Math.max(...natural.map((c) => height(c, items, lines))), columns: natural, shown: n, hidden: 0 };
  }
  // Fewer lines can fit what more cannot (columns break at other marks), so a row given the lines it asked for
  // always shows every mark.
  const need = linesToShowAll(items, width, gap);
  if (need < lines) {
    const columns = pack(items, need, width, gap, Infinity, true);
    return { lines: Math.max(...columns.map((c) => height(c, items, need))), columns, shown: n, hidden: 0 };
  }
  let best = withButton(natural, items, lines, width, gap, moreWidthFor);
  const narrowest = Math.max(1, Math.min(...items.map((it) => it.width)));
  const most = Math.max(1, Math.floor((width + gap) / (narrowest + gap)));
  for (let k = 2; k <= most; k++) {
    const cap = (width - (k - 1) * gap) / k;
    const candidate = withButton(pack(items, lines, width, gap, cap), items, lines, width, gap, moreWidthFor);
    if (candidate.shown > best.shown) best = candidate;
  }
  return best;
}

/**
 * Shares `available` pixels between rows that each want `needs[i]`, and get at least `min` (one number for every
 * row, or one each). When there is room every row gets what it wants and the rest is shared evenly, so the chart
 * fills the screen; when there is not, rows that want little get it and the busy rows share what is left equally,
 * never below their minimum (the chart then scrolls).
 */
export function allocateRowHeights(needs: number[], available: number, min: number | number[]): number[] {
  const mins = needs.map((_, i) => (Array.isArray(min) ? (min[i] ?? 0) : min));
  const want = needs.map((n, i) => Math.max(n, mins[i]));
  if (!want.length) return [];
  const total = want.reduce((a, b) => a + b, 0);
  if (total <= available) {
    const extra = (available - total) / want.length;
    return want.map((w) => w + extra);
  }
  // The cap on a row's height that uses exactly what there is (or the minimums, when even they do not fit).
  const share = (cap: number) => want.map((w, i) => Math.max(mins[i], Math.min(w, cap)));
  const sum = (cap: number) => share(cap).reduce((a, b) => a + b, 0);
  let lo = 0;
  let hi = Math.max(...want);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (sum(mid) > available) hi = mid;
    else lo = mid;
  }
  return share(lo);
}

/**
 * Tolerable unavailability a week at an availability level, h:mm:ss rounded half away from zero: "99.9" -> "0:10:05",
 * "95.0" -> "8:24:00". Exact decimal arithmetic on the level's digits. Null for anything that is not a level.
 */
export function tolerableWeekly(level: string): string | null {
  const m = /^(\d{1,3})(?:\.(\d{1,6}))?%?$/.exec(level.trim());
  if (!m) return null;
  const fraction = m[2] ?? '';
  const denominator = 10 ** (fraction.length + 2); // the level as a share of 1
  const scaled = Number(m[1] + fraction);
  if (scaled > denominator) return null;
  const numerator = 604_800 * (denominator - scaled); // seconds × denominator
  const seconds = Math.floor((2 * numerator + denominator) / (2 * denominator));
  const h = Math.floor(seconds / 3600);
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${h}:${mm}:${ss}`;
}

/** "99.9" -> "99.9%". */
export const levelLabel = (level: string) => (level.trim().endsWith('%') ? level.trim() : `${level.trim()}%`);

/** "Daily" -> "deploys daily", "Every 10 days" -> "deploys every 10 days". */
export function deploysLabel(deployment: string): string {
  const d = deployment.trim();
  return d ? `deploys ${d.charAt(0).toLowerCase()}${d.slice(1)}` : '';
}

/** "Very High · deploys daily". */
export const columnLabel = (c: DemandColumn) => [c.demand, deploysLabel(c.deployment)].filter(Boolean).join(' · ');

export type Region = 'top' | 'green' | 'amber' | 'red' | 'none';

/** The colour of a cell: the 99.99% row its own, else the selector's traffic light for a digital service. */
export const regionOf = (cell: SelectorCell): Region => (cell.highest_target ? 'top' : (cell.light ?? 'none'));

/** What the selector decides in a cell, in words, for people reading a screen. */
export function cellSummary(cell: SelectorCell): string {
  if (cell.highest_target) return `every service: ${modelLabels[cell.digital]}, whatever the kind`;
  const light = cell.light ? ` (${cell.light})` : '';
  return `digital service: ${modelLabels[cell.digital]}${light}; foundational system: ${modelLabels[cell.foundational]}`;
}

const SHORT: Record<SelectorCell['digital'], string> = { you_build_it_you_run_it: 'YBIYRI', ops_run_it: 'Ops Run It' };

/**
 * The two header lines of a cell, longest wording first: the view shows the first wording that fits the cell.
 * Line one is the decision for a digital service (the cell's colour), line two for a foundational system.
 */
export function cellHeader(cell: SelectorCell): [string[], string[]] {
  const digital = modelLabels[cell.digital];
  const short = SHORT[cell.digital];
  if (cell.highest_target) {
    return [
      [`● ■ every kind: ${digital}`, `● ■ ${digital}`, `● ■ ${short}`],
      ['foundational too, at 99.99%', 'foundational too', '■ too'],
    ];
  }
  const foundational = [
    `■ foundational: ${modelLabels[cell.foundational]}`,
    `■ foundational: ${SHORT[cell.foundational]}`,
    `■ ${SHORT[cell.foundational]}`,
  ];
  if (cell.light === 'amber') {
    return [[`● borderline: ${digital}`, `● borderline: ${short}`, `● ${short} (amber)`, `● ${short}`], foundational];
  }
  return [[`● digital: ${digital}`, `● ${digital}`, `● ${short}`], foundational];
}

/** The first wording no wider than `width`, else the shortest. */
export function pickFitting(wordings: string[], width: number, measure: (text: string) => number): string {
  for (const w of wordings) if (measure(w) <= width) return w;
  return wordings.reduce((a, b) => (measure(b) < measure(a) ? b : a), wordings[0] ?? '');
}

/** The peak badge on a mark: "↑ 99.9%" (or ↓ for a peak in a lower row). Null without a peak in another row. */
export function peakBadge(mark: SelectorMark, rows: string[]): string | null {
  if (mark.peak_row === null || mark.peak_row === mark.row || !rows[mark.peak_row]) return null;
  return `${mark.peak_row > mark.row ? '↑' : '↓'} ${levelLabel(rows[mark.peak_row])}`;
}

/** What a screen reader says for a mark: the service, its model, and its cell. */
export function markAriaLabel(mark: SelectorMark, chart: SelectorChart): string {
  const kind = mark.kind === 'foundational' ? 'foundational system' : 'digital service';
  const level = chart.rows[mark.row];
  const col = chart.columns[mark.column];
  const parts = [
    `${mark.name}: ${modelLabels[mark.operating_model]}${mark.overridden ? ', overridden' : ''}`,
    kind,
    level !== undefined ? `${levelLabel(level)} availability` : '',
    col ? `${col.demand} feature demand (${deploysLabel(col.deployment)})` : '',
    mark.peak_row !== null && chart.rows[mark.peak_row] !== undefined
      ? `${levelLabel(chart.rows[mark.peak_row])} at peak`
      : '',
  ];
  return parts.filter(Boolean).join(', ');
}
