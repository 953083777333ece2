// The services grid's own logic, apart from drawing it: which columns can be edited and pasted into, sorting and
// filtering, and turning a block copied from a spreadsheet into rows the core checks like an import.
import type { Paste, ServiceView } from './bindings';
import { normaliseAmount } from './format';
import { parseDecimal } from './domainMapMath';

/** The editable columns, left to right as the grid shows them: a paste fills them from the cell it starts in. */
export const EDITABLE = ['name', 'kind', 'team', 'domain', 'exposure_per_hour', 'feature_demand'] as const;
export type EditableColumn = (typeof EDITABLE)[number];

/** Every column the grid sorts by. */
export const SORTABLE = [
  ...EDITABLE,
  'availability_target',
  'tolerable_unavailability',
  'deployment_target',
  'operating_model',
  'on_call_out_of_hours',
] as const;
export type SortColumn = (typeof SORTABLE)[number];
export type Sort = { column: SortColumn; descending: boolean } | null;

const DEPLOY_ORDER = ['daily', 'weekly', 'fortnightly', 'monthly'];

/** Compares two decimal strings exactly (amounts and targets are never floats here). */
function compareDecimal(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const ax = x.units * 10n ** BigInt(scale - x.scale);
  const by = y.units * 10n ** BigInt(scale - y.scale);
  return ax < by ? -1 : ax > by ? 1 : 0;
}

function compareBy(column: SortColumn, a: ServiceView, b: ServiceView): number {
  switch (column) {
    case 'exposure_per_hour':
    case 'availability_target':
      return compareDecimal(a[column], b[column]);
    case 'tolerable_unavailability':
      return a.tolerable_unavailability_seconds - b.tolerable_unavailability_seconds;
    case 'deployment_target':
      return DEPLOY_ORDER.indexOf(a.deployment_target) - DEPLOY_ORDER.indexOf(b.deployment_target);
    default:
      return (a[column] ?? '').localeCompare(b[column] ?? '', 'en', { sensitivity: 'base', numeric: true });
  }
}

/** The rows to show: those matching `filter` (in name, team or domain, any case), in `sort`'s order; ties by name. */
export function visibleRows(services: ServiceView[], filter: string, sort: Sort): ServiceView[] {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const rows = words.length
    ? services.filter((s) => {
        const text = `${s.name} ${s.team} ${s.domain ?? ''}`.toLowerCase();
        return words.every((w) => text.includes(w));
      })
    : services.slice();
  if (sort) {
    const sign = sort.descending ? -1 : 1;
    rows.sort((a, b) => sign * compareBy(sort.column, a, b) || a.name.localeCompare(b.name));
  }
  return rows;
}

/** The next sort when a column's header is chosen: ascending, then descending, then the plan's own order. */
export function nextSort(current: Sort, column: SortColumn): Sort {
  if (current?.column !== column) return { column, descending: false };
  return current.descending ? null : { column, descending: true };
}

/**
 * Cells of a block copied from Excel, LibreOffice or Google Sheets: tab-separated, a row a line; a cell holding a
 * tab, a line break or a quote comes quoted, with quotes doubled. A trailing line break ends the block.
 */
export function parseBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Is this clipboard text a block of cells rather than text for one field? */
export const isBlock = (text: string) => /[\t\n]/.test(text.replace(/\r?\n$/, ''));

export type PastePlan = {
  paste: Paste;
  /** Cells that fell right of the last editable column and were left out. */
  droppedColumns: number;
};

/**
 * Where a block goes: its first cell into `column` of the row at `start` (of `rows`, as shown), the rest right and
 * down. A row the block names (it covers the Service column) is matched by that name: an existing one updates, a new
 * name adds. Otherwise each row of the block updates the row shown at that place, matched by its name.
 */
export function planPaste(block: string[][], rows: ServiceView[], start: number, column: EditableColumn): PastePlan {
  const first = EDITABLE.indexOf(column);
  const width = Math.max(0, ...block.map((r) => r.length));
  const fits = Math.min(width, EDITABLE.length - first);
  const columns: string[] = EDITABLE.slice(first, first + fits);
  const named = columns.includes('name');
  const cells = block.map((r) => {
    const kept = Array.from({ length: fits }, (_, k) => (r[k] ?? '').trim());
    return kept.map((v, k) => (columns[k] === 'exposure_per_hour' ? normaliseAmount(v) : v));
  });
  const paste: Paste = named
    ? { columns, rows: cells }
    : { columns: ['name', ...columns], rows: cells.map((r, i) => [rows[start + i]?.name ?? '', ...r]) };
  return { paste, droppedColumns: width - fits };
}
