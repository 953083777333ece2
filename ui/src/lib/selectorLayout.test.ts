import { describe, expect, it } from 'vitest';
import type { SelectorCell, SelectorChart, SelectorMark } from './bindings';
import {
  allocateRowHeights,
  cellHeader,
  cellSummary,
  columnLabel,
  compareMarks,
  deploysLabel,
  fitMark,
  layoutCell,
  linesOf,
  linesIn,
  linesToShowAll,
  markAriaLabel,
  marksByCell,
  markWidth,
  METRICS,
  minRowHeight,
  moreLabel,
  peakBadge,
  pickFitting,
  regionOf,
  rowFloor,
  rowHeightFor,
  tolerableWeekly,
  type CellItem,
  type CellLayout,
} from './selectorLayout';

let nextId = 1;
const mark = (name: string, over: Partial<SelectorMark> = {}): SelectorMark => ({
  id: nextId++,
  name,
  kind: 'digital',
  column: 0,
  row: 0,
  operating_model: 'you_build_it_you_run_it',
  overridden: false,
  reason: 'because',
  peak_row: null,
  ...over,
});

const cell = (over: Partial<SelectorCell> = {}): SelectorCell => ({
  digital: 'you_build_it_you_run_it',
  light: 'green',
  highest_target: false,
  foundational: 'ops_run_it',
  ...over,
});

function chart(services: SelectorMark[]): SelectorChart {
  const rows = ['95.0', '99.0', '99.9', '99.99'];
  const columns = [
    { demand: 'Low', deployment: 'Monthly' },
    { demand: 'Medium', deployment: 'Fortnightly' },
    { demand: 'High', deployment: 'Weekly' },
    { demand: 'Very High', deployment: 'Daily' },
  ];
  return {
    rows,
    columns,
    cells: rows.map((_, r) =>
      columns.map((_, c) => (r === 3 ? cell({ highest_target: true, light: null, foundational: 'you_build_it_you_run_it' }) : c < 2 ? cell({ digital: 'ops_run_it', light: 'red' }) : cell())),
    ),
    services,
  };
}

/** Eight pixels a character: good enough to reason about. */
const measure = (text: string) => text.length * 8;
const more = (hidden: number, shown: number) => measure(moreLabel(hidden, shown)) + 10;

const ones = (widths: number[]): CellItem[] => widths.map((width) => ({ width, lines: 1 }));

describe('linesToShowAll', () => {
  it('is 0 for an empty cell and the fewest lines otherwise', () => {
    expect(linesToShowAll([], 200, 10)).toBe(0);
    expect(linesToShowAll(ones([40, 40, 40, 40]), 200, 10)).toBe(1); // 4 × 40 + 3 × 10 = 190
    expect(linesToShowAll(ones([40, 40, 40, 40]), 150, 10)).toBe(2);
    expect(linesToShowAll(ones([150, 150, 150]), 200, 10)).toBe(3);
  });

  it('counts a wrapped name as two lines, and a mark wider than the cell as the cell', () => {
    expect(linesToShowAll([{ width: 500, lines: 2 }, { width: 40, lines: 1 }], 200, 10)).toBe(3);
    expect(linesToShowAll([{ width: 500, lines: 2 }], 200, 10)).toBe(2);
  });
});

describe('layoutCell', () => {
  /** Every shown mark once, in order, the button (if any) last, and the columns side by side within the cell. */
  function expectSound(l: CellLayout, items: CellItem[], width: number, gap: number, lines: number) {
    const shown = l.columns.flatMap((c) => c.items);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown).toHaveLength(l.shown);
    expect(l.shown + l.hidden).toBe(items.length);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    for (const [k, c] of l.columns.entries()) {
      const button = l.hidden > 0 && k === l.columns.length - 1 ? 1 : 0;
      const used = c.items.reduce((a, i) => a + linesOf(items[i], lines), 0);
      expect(used + button).toBeLessThanOrEqual(lines);
      expect(used + button).toBeLessThanOrEqual(l.lines);
      for (const i of c.items) expect(Math.min(items[i].width, width)).toBeLessThanOrEqual(c.width);
    }
    const used = l.columns.reduce((a, c) => a + c.width, 0) + gap * (l.columns.length - 1);
    expect(used).toBeLessThanOrEqual(width);
  }

  it('shows every mark when they fit, top to bottom then the next column, each as wide as its widest', () => {
    const l = layoutCell(ones([50, 80, 60, 40, 30]), 300, 2, 10, more);
    expect(l).toEqual({
      lines: 2,
      columns: [
        { items: [0, 1], width: 80 },
        { items: [2, 3], width: 60 },
        { items: [4], width: 30 },
      ],
      shown: 5,
      hidden: 0,
    });
  });

  it('uses only the lines it needs', () => {
    expect(layoutCell(ones([60, 60]), 200, 5, 8, more).lines).toBe(2);
  });

  it('is empty for an empty cell', () => {
    expect(layoutCell([], 200, 3, 8, more)).toEqual({ lines: 0, columns: [], shown: 0, hidden: 0 });
  });

  it('gives a wrapped name two lines, or one when the cell has only one', () => {
    const items = [{ width: 300, lines: 2 }, ...ones([60, 60])];
    expect(layoutCell(items, 200, 4, 8, more)).toEqual({
      lines: 4,
      columns: [{ items: [0, 1, 2], width: 200 }],
      shown: 3,
      hidden: 0,
    });
    expect(layoutCell(items.slice(0, 1), 200, 1, 8, more)).toEqual({
      lines: 1,
      columns: [{ items: [0], width: 200 }],
      shown: 1,
      hidden: 0,
    });
  });

  it('groups what does not fit behind "and N more", which takes the last place', () => {
    // One column of 3 lines fits (150 wide), two do not: two names and the button under them.
    const l = layoutCell(ones([150, 150, 150, 150]), 200, 3, 8, more);
    expect(l).toEqual({ lines: 3, columns: [{ items: [0, 1], width: 150 }], shown: 2, hidden: 2 });
  });

  it('gives up marks at the end for the button, at the foot of the last column', () => {
    const l = layoutCell(ones([50, 50, 50, 50, 50, 50, 50]), 200, 2, 8, (h) => measure(`and ${h} more`));
    // Three full columns of 50 leave no room for the button ("and 1 more", 72) beside them; with the sixth mark
    // given up, "and 2 more" (80) fits under the fifth: 50 + 8 + 50 + 8 + 80 = 196.
    expect(l.columns).toEqual([
      { items: [0, 1], width: 50 },
      { items: [2, 3], width: 50 },
      { items: [4], width: 80 },
    ]);
    expect(l).toMatchObject({ shown: 5, hidden: 2, lines: 2 });
  });

  it('puts the button in a column of its own when the last column is full', () => {
    const l = layoutCell(ones([50, 50, 50, 50]), 200, 1, 8, () => 30);
    expect(l.columns).toEqual([
      { items: [0], width: 50 },
      { items: [1], width: 50 },
      { items: [], width: 30 },
    ]);
    expect(l).toMatchObject({ shown: 2, hidden: 2, lines: 1 });
  });

  it('passes over a long name for shorter ones after it, and counts it', () => {
    const items = ones([60, 60, 180, 60, 60, 60]);
    const l = layoutCell(items, 200, 2, 8, () => 60);
    expectSound(l, items, 200, 8, 2);
    expect(l.columns.flatMap((c) => c.items)).not.toContain(2);
    expect(l.shown).toBe(5);
    expect(l.hidden).toBe(1);
  });

  it('does not let two long names first keep the short ones out', () => {
    const items = ones([210, 210, 60, 60, 60, 60, 60, 60, 60]);
    const l = layoutCell(items, 260, 2, 6, () => 70);
    expectSound(l, items, 260, 6, 2);
    // One long name and the button would be all; short names in even columns show more.
    expect(l.shown).toBeGreaterThanOrEqual(5);
    expect(l.columns.flatMap((c) => c.items)).not.toContain(0);
  });

  it('keeps a hundred names in one cell readable: as many whole names as fit, the rest counted', () => {
    const names = Array.from({ length: 100 }, (_, i) => (i % 7 === 3 ? `recommendations-${i}` : `svc-${i}`));
    const items = ones(names.map((n) => markWidth(measure(n), null, METRICS.normal)));
    const l = layoutCell(items, 260, 3, 6, more);
    expectSound(l, items, 260, 6, 3);
    expect(l.shown).toBeGreaterThan(2);
    expect(l.hidden).toBeGreaterThan(80);
  });

  it('shows every mark when fewer lines fit them, though the lines it was given do not', () => {
    const items = ones([10, 10, 100, 100, 10, 10]);
    // Two lines: 10 + 100 + 10 with gaps; three lines would put 100 in both columns.
    expect(linesToShowAll(items, 150, 5)).toBe(2);
    const l = layoutCell(items, 150, 3, 5, more);
    expect(l.hidden).toBe(0);
    expect(l.lines).toBe(2);
    expectSound(l, items, 150, 5, 3);
  });

  it('is sound for many sizes of cell and mark', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let t = 0; t < 3000; t++) {
      const width = 80 + Math.floor(rand() * 300);
      const items = Array.from({ length: Math.floor(rand() * 40) }, () => {
        const w = 30 + Math.floor(rand() * 400);
        return { width: w, lines: w > width ? 2 : 1 };
      });
      const lines = 1 + Math.floor(rand() * 6);
      const l = layoutCell(items, width, lines, 6, (h, s) => measure(moreLabel(h, s)));
      expectSound(l, items, width, 6, lines);
      // A row given the lines it asked for shows every mark.
      if (linesToShowAll(items, width, 6) <= lines) expect(l.hidden).toBe(0);
      if (l.hidden === 0 && items.every((it) => it.lines <= lines)) {
        expect(linesToShowAll(items, width, 6)).toBeLessThanOrEqual(lines);
      }
    }
  });

  it('uses more columns when short names leave room beside each other', () => {
    const l = layoutCell(ones(Array.from({ length: 12 }, () => 50)), 220, 3, 6, more);
    expect(l.shown).toBe(12);
    expect(l.columns).toHaveLength(4);
  });

  it('counts all of them on the button when not even one name fits beside it', () => {
    const l = layoutCell(ones([300, 300]), 200, 1, 8, more);
    expect(l).toMatchObject({ shown: 0, hidden: 2 });
    expect(moreLabel(2, 0)).toBe('2 services');
    expect(moreLabel(37, 5)).toBe('and 37 more');
  });
});

describe('allocateRowHeights', () => {
  it('gives every row what it needs and shares the rest evenly', () => {
    expect(allocateRowHeights([100, 200, 100], 700, 80)).toEqual([200, 300, 200]);
  });

  it('raises a row to the minimum', () => {
    expect(allocateRowHeights([0, 0], 100, 80)).toEqual([80, 80]);
  });

  it('when short of room, gives quiet rows their need and shares the rest between busy rows', () => {
    const h = allocateRowHeights([100, 1000, 100, 600], 1000, 80);
    expect(h[0]).toBe(100);
    expect(h[2]).toBe(100);
    expect(h[1]).toBeCloseTo(400);
    expect(h[3]).toBeCloseTo(400);
    expect(h.reduce((a, b) => a + b, 0)).toBeCloseTo(1000);
  });

  it('never goes below the minimum: the chart scrolls instead', () => {
    expect(allocateRowHeights([500, 500], 100, 80)).toEqual([80, 80]);
  });

  it('takes a minimum for each row', () => {
    const h = allocateRowHeights([100, 300, 300], 400, [80, 150, 80]);
    expect(h[0]).toBeCloseTo(100);
    expect(h[1]).toBeCloseTo(150);
    expect(h[2]).toBeCloseTo(150);
    expect(allocateRowHeights([100, 300], 100, [80, 150])).toEqual([80, 150]);
  });

  it('gives a row up to two lines however short the screen', () => {
    const m = METRICS.normal;
    expect(rowFloor(0, m)).toBe(rowHeightFor(1, m));
    expect(rowFloor(1, m)).toBe(rowHeightFor(1, m));
    expect(rowFloor(2, m)).toBe(rowHeightFor(2, m));
    expect(rowFloor(9, m)).toBe(rowHeightFor(2, m));
    expect(minRowHeight(m)).toBe(rowHeightFor(1, m));
  });
});

describe('row heights and lines', () => {
  it('round-trips lines through a row height', () => {
    for (const m of [METRICS.normal, METRICS.presenter]) {
      for (const lines of [1, 2, 5, 12]) expect(linesIn(rowHeightFor(lines, m), m)).toBe(lines);
      expect(linesIn(minRowHeight(m), m)).toBe(1);
      expect(linesIn(0, m)).toBe(1);
    }
  });

  it('keeps a name on one line by shortening its peak badge to the arrow', () => {
    const m = METRICS.normal;
    expect(fitMark(60, '↑ 99.9%', 300, m, measure)).toEqual({ badge: '↑ 99.9%', width: markWidth(60, 56, m), lines: 1 });
    expect(fitMark(60, '↑ 99.9%', 120, m, measure)).toEqual({ badge: '↑', width: markWidth(60, 8, m), lines: 1 });
    expect(fitMark(60, null, 120, m, measure)).toEqual({ badge: null, width: markWidth(60, null, m), lines: 1 });
  });

  it('wraps a name too wide for the cell onto two lines', () => {
    const m = METRICS.normal;
    expect(fitMark(200, null, 150, m, measure)).toMatchObject({ badge: null, lines: 2 });
    expect(fitMark(200, '↑ 99.9%', 150, m, measure)).toMatchObject({ badge: '↑', lines: 2 });
  });

  it('makes a mark wider with a peak badge', () => {
    const m = METRICS.normal;
    expect(markWidth(100, 40, m)).toBe(markWidth(100, null, m) + 40 + m.shapeGap);
  });
});

describe('marks in cells', () => {
  it('puts each mark in its cell, overrides first, then peaks, then by name', () => {
    const c = chart([
      mark('zeta', { row: 1, column: 2 }),
      mark('alpha', { row: 1, column: 2 }),
      mark('moved', { row: 1, column: 2, overridden: true }),
      mark('peaky', { row: 1, column: 2, peak_row: 2 }),
      mark('service-10', { row: 0, column: 0 }),
      mark('service-9', { row: 0, column: 0 }),
    ]);
    const grid = marksByCell(c);
    expect(grid).toHaveLength(4);
    expect(grid[0]).toHaveLength(4);
    expect(grid[1][2].map((m) => m.name)).toEqual(['moved', 'peaky', 'alpha', 'zeta']);
    expect(grid[0][0].map((m) => m.name)).toEqual(['service-9', 'service-10']);
    expect(grid[3][3]).toEqual([]);
  });

  it('keeps a mark outside the grid on the chart, at its edge', () => {
    const grid = marksByCell(chart([mark('stray', { row: 9, column: -1 })]));
    expect(grid[3][0].map((m) => m.name)).toEqual(['stray']);
  });

  it('orders equal names by id so the order never flickers', () => {
    const a = mark('same');
    const b = mark('same');
    expect(compareMarks(a, b)).toBeLessThan(0);
  });
});

describe('labels', () => {
  it('works out tolerable unavailability exactly', () => {
    expect(tolerableWeekly('95.0')).toBe('8:24:00');
    expect(tolerableWeekly('99.0')).toBe('1:40:48');
    expect(tolerableWeekly('99.9')).toBe('0:10:05');
    expect(tolerableWeekly('99.99')).toBe('0:01:00');
    expect(tolerableWeekly('99.5%')).toBe('0:50:24');
    expect(tolerableWeekly('100')).toBe('0:00:00');
    expect(tolerableWeekly('101')).toBeNull();
    expect(tolerableWeekly('high')).toBeNull();
  });

  it('names columns by demand and deployment target', () => {
    expect(deploysLabel('Daily')).toBe('deploys daily');
    expect(deploysLabel('Every 10 days')).toBe('deploys every 10 days');
    expect(columnLabel({ demand: 'Very High', deployment: 'Daily' })).toBe('Very High · deploys daily');
  });

  it('colours a cell by its rule', () => {
    expect(regionOf(cell())).toBe('green');
    expect(regionOf(cell({ light: 'red' }))).toBe('red');
    expect(regionOf(cell({ light: 'amber' }))).toBe('amber');
    expect(regionOf(cell({ highest_target: true, light: null }))).toBe('top');
    expect(regionOf(cell({ light: null }))).toBe('none');
  });

  it('says what the selector decides for both kinds', () => {
    expect(cellSummary(cell({ digital: 'ops_run_it', light: 'red' }))).toBe(
      'digital service: Ops Run It (red); foundational system: Ops Run It',
    );
    const [digital, foundational] = cellHeader(cell());
    expect(digital[0]).toBe('● digital: You Build It You Run It');
    expect(foundational[0]).toBe('■ foundational: Ops Run It');
    expect(cellHeader(cell({ light: 'amber' }))[0][0]).toContain('borderline');
    expect(cellHeader(cell({ highest_target: true }))[1][0]).toContain('99.99%');
  });

  it('picks the longest wording that fits, else the shortest', () => {
    expect(pickFitting(['a long one', 'short'], 100, measure)).toBe('a long one');
    expect(pickFitting(['a long one', 'short'], 50, measure)).toBe('short');
    expect(pickFitting(['a long one', 'short'], 10, measure)).toBe('short');
  });

  it('badges a peak with the row it reaches', () => {
    const rows = ['95.0', '99.0', '99.9'];
    expect(peakBadge(mark('a', { row: 1, peak_row: 2 }), rows)).toBe('↑ 99.9%');
    expect(peakBadge(mark('a', { row: 1, peak_row: 0 }), rows)).toBe('↓ 95.0%');
    expect(peakBadge(mark('a', { row: 1, peak_row: null }), rows)).toBeNull();
    expect(peakBadge(mark('a', { row: 1, peak_row: 1 }), rows)).toBeNull();
  });

  it('names the service, its model and its cell for screen readers', () => {
    const c = chart([]);
    expect(markAriaLabel(mark('bedroom', { row: 1, column: 3, peak_row: 2 }), c)).toBe(
      'bedroom: You Build It You Run It, digital service, 99.0% availability, Very High feature demand (deploys daily), 99.9% at peak',
    );
    expect(
      markAriaLabel(mark('erp', { kind: 'foundational', operating_model: 'ops_run_it', overridden: true, row: 2, column: 0 }), c),
    ).toBe('erp: Ops Run It, overridden, foundational system, 99.9% availability, Low feature demand (deploys monthly)');
  });
});
