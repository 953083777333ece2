import { describe, expect, it } from 'vitest';
import {
  bounds,
  compact,
  elkPacker,
  fillSpot,
  layoutMap,
  overlaps,
  settle,
  type Box,
  type LayoutInput,
  type LayoutResult,
  type Metrics,
  type Packer,
  type Point,
  type RegionInput,
} from './domainMapLayout';

const metrics: Metrics = { pad: 12, gap: 16, minWidth: 320, minBody: 80, regionAspect: 1.4 };

/** Packs each group in one row, left to right: predictable for the rules around the packer. */
const rowPacker: Packer = async (groups) =>
  new Map(
    groups.map((g) => {
      let x = 0;
      return [
        g.id,
        new Map(
          g.boxes.map((b) => {
            const p = { x, y: 0 };
            x += b.width + g.gap;
            return [b.id, p] as const;
          }),
        ),
      ];
    }),
  );

const card = (id: string, height = 100): Box => ({ id, width: 300, height });

function input(regions: RegionInput[], saved: [string, Point][] = [], current: [string, Point][] = []): LayoutInput {
  return { regions, saved: new Map(saved), current: new Map(current), aspect: 2, metrics };
}

/** Every region's cards inside it and below its heading, nothing overlapping at either level. */
function expectTidy(layout: LayoutResult, regions: RegionInput[], gap: number) {
  const regionRects = regions.map((r) => ({ ...layout.positions.get(r.id)!, ...layout.sizes.get(r.id)! }));
  for (let i = 0; i < regionRects.length; i++) {
    for (let j = i + 1; j < regionRects.length; j++) {
      expect(overlaps(regionRects[i], regionRects[j], 0), `${regions[i].id} overlaps ${regions[j].id}`).toBe(false);
    }
  }
  for (const [k, r] of regions.entries()) {
    const size = layout.sizes.get(r.id)!;
    const cards = r.cards.map((c) => ({ ...layout.positions.get(c.id)!, width: c.width, height: c.height }));
    for (const c of cards) {
      expect(c.x).toBeGreaterThanOrEqual(metrics.pad);
      expect(c.y).toBeGreaterThanOrEqual(r.head + metrics.pad);
      expect(c.x + c.width).toBeLessThanOrEqual(size.width);
      expect(c.y + c.height).toBeLessThanOrEqual(size.height);
    }
    for (let i = 0; i < cards.length; i++) {
      for (let j = i + 1; j < cards.length; j++) {
        expect(overlaps(cards[i], cards[j], gap - 1), `cards ${i} and ${j} of region ${k} overlap`).toBe(false);
      }
    }
  }
}

describe('settle', () => {
  it('leaves boxes that do not overlap alone', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    const b = { x: 30, y: 0, width: 10, height: 10 };
    expect(settle([a], [b], 5)).toEqual([b]);
  });

  it('pushes a box the shorter way off a fixed one, keeping the order given', () => {
    const fixed = { x: 0, y: 0, width: 100, height: 20 };
    const below = { x: 10, y: 10, width: 50, height: 50 }; // 15 down vs 95 right
    const beside = { x: 90, y: 0, width: 50, height: 200 }; // 15 right vs 25 down
    const [b1, b2] = settle([fixed], [below, beside], 5);
    expect(b1).toEqual({ ...below, y: 25 });
    expect(b2).toEqual({ ...beside, x: 105 });
  });

  it('cascades until nothing overlaps', () => {
    const fixed = { x: 0, y: 0, width: 100, height: 100 };
    const movable = [0, 1, 2, 3].map(() => ({ x: 10, y: 10, width: 100, height: 100 }));
    const out = settle([fixed], movable, 10);
    const all = [fixed, ...out];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i], all[j], 9)).toBe(false);
  });

  it('slides boxes up into gaps, never past a box above them or the top', () => {
    const fixed = { x: 0, y: 0, width: 100, height: 50 };
    const under = { x: 50, y: 300, width: 100, height: 50 }; // under the fixed box: stops below it
    const free = { x: 300, y: 200, width: 100, height: 50 }; // nothing above: to the top
    const stacked = { x: 300, y: 400, width: 100, height: 50 }; // stops below `free`, wherever that went
    expect(compact([fixed], [under, free, stacked], 10, 5)).toEqual([
      { ...under, y: 55 },
      { ...free, y: 10 },
      { ...stacked, y: 65 },
    ]);
  });

  it('fits a box where the whole stays closest to the shape wanted', () => {
    const placed = [
      { x: 0, y: 0, width: 100, height: 100 },
      { x: 110, y: 0, width: 100, height: 40 },
    ];
    // Under the short box: the whole stays 210 × 100.
    expect(fillSpot(placed, { width: 100, height: 30 }, { x: 0, y: 0 }, 2, 10)).toEqual({ x: 110, y: 50 });
    // Wide shape wanted: beside both; tall shape wanted: below.
    expect(fillSpot(placed, { width: 100, height: 100 }, { x: 0, y: 0 }, 4, 10)).toEqual({ x: 220, y: 0 });
    expect(fillSpot(placed, { width: 210, height: 100 }, { x: 0, y: 0 }, 0.5, 10)).toEqual({ x: 0, y: 110 });
    expect(fillSpot([], { width: 150, height: 30 }, { x: 5, y: 7 }, 1, 10)).toEqual({ x: 5, y: 7 });
  });

  it('finds bounds', () => {
    expect(bounds([])).toBeNull();
    expect(
      bounds([
        { x: 5, y: 10, width: 10, height: 10 },
        { x: -5, y: 30, width: 10, height: 5 },
      ]),
    ).toEqual({ x: -5, y: 10, width: 20, height: 25 });
  });
});

describe('layoutMap rules', () => {
  const regions: RegionInput[] = [
    { id: 'domain:', head: 50, cards: [card('team:/a')] },
    { id: 'domain:x', head: 60, cards: [card('team:x/b', 120), card('team:x/c')] },
    { id: 'domain:y', head: 60, cards: [] },
  ];

  it('packs a fresh map from the origin, cards below each heading, regions sized to their cards', async () => {
    const layout = await layoutMap(input(regions), rowPacker);
    expect(layout.positions.get('team:x/b')).toEqual({ x: 12, y: 72 });
    expect(layout.positions.get('team:x/c')).toEqual({ x: 12 + 300 + 16, y: 72 });
    expect(layout.sizes.get('domain:x')).toEqual({ width: 12 + 300 + 16 + 300 + 12, height: 72 + 120 + 12 });
    // An empty domain keeps room to drop into.
    expect(layout.sizes.get('domain:y')).toEqual({ width: 320, height: 60 + 12 + 80 });
    expect(layout.positions.get('domain:')).toEqual({ x: 0, y: 0 });
    expectTidy(layout, regions, metrics.gap);
  });

  it('keeps saved and current positions, whole pixels, and never above the heading', async () => {
    const layout = await layoutMap(
      input(regions, [['domain:x', { x: 900.6, y: 400.2 }], ['team:x/c', { x: 500, y: 0 }]], [['domain:y', { x: -400, y: 10 }]]),
      rowPacker,
    );
    expect(layout.positions.get('domain:x')).toEqual({ x: 901, y: 400 });
    // Kept where it was across, slid up to the top: nothing is above it.
    expect(layout.positions.get('domain:y')).toEqual({ x: -400, y: 0 });
    expect(layout.positions.get('team:x/c')).toEqual({ x: 500, y: 72 });
    expectTidy(layout, regions, metrics.gap);
  });

  it('fits a new card into the room beside the ones that stay, and grows the region', async () => {
    const moved: RegionInput[] = [
      { id: 'domain:', head: 50, cards: [] },
      { id: 'domain:x', head: 60, cards: [card('team:x/b', 120), card('team:x/c'), card('team:x/a')] },
      { id: 'domain:y', head: 60, cards: [] },
    ];
    const before = await layoutMap(input(regions), rowPacker);
    const layout = await layoutMap(input(moved, [], [...before.positions]), rowPacker);
    expect(layout.positions.get('team:x/b')).toEqual(before.positions.get('team:x/b'));
    expect(layout.positions.get('team:x/c')).toEqual(before.positions.get('team:x/c'));
    // Under c (the shorter column), not below everything, and not wider than the region was.
    expect(layout.positions.get('team:x/a')).toEqual({ x: 328, y: 72 + 100 + 16 });
    expect(layout.sizes.get('domain:x')).toEqual({ width: 640, height: 72 + 100 + 16 + 100 + 12 });
    expectTidy(layout, moved, metrics.gap);
  });

  it('closes the gap a card leaves', async () => {
    const before = await layoutMap(input([{ id: 'domain:x', head: 60, cards: [card('team:x/b', 120), card('team:x/c')] }]), async (groups) =>
      // stacked: c under b
      new Map(groups.map((g) => [g.id, new Map([['team:x/b', { x: 0, y: 0 }], ['team:x/c', { x: 0, y: 136 }]])])),
    );
    expect(before.positions.get('team:x/c')).toEqual({ x: 12, y: 72 + 136 });
    const after = await layoutMap(input([{ id: 'domain:x', head: 60, cards: [card('team:x/c')] }], [], [...before.positions]), rowPacker);
    expect(after.positions.get('team:x/c')).toEqual({ x: 12, y: 72 });
    expect(after.sizes.get('domain:x')!.height).toBe(72 + 100 + 12);
  });

  it('packs regions around one the user placed, instead of stacking them under it', async () => {
    const placedByHand: [string, Point][] = [['domain:x', { x: 500, y: 200 }]];
    const layout = await layoutMap(input(regions, placedByHand), rowPacker);
    expect(layout.positions.get('domain:x')).toEqual({ x: 500, y: 200 });
    expect(layout.positions.get('domain:')).toEqual({ x: 0, y: 0 });
    expectTidy(layout, regions, metrics.gap);
    const all = bounds(regions.map((r) => ({ ...layout.positions.get(r.id)!, ...layout.sizes.get(r.id)! })))!;
    expect(all.height).toBeLessThan(200 + layout.sizes.get('domain:x')!.height + 200);
  });

  it('pushes regions that stay out of the way of a region that grew', async () => {
    const before = await layoutMap(input(regions), rowPacker);
    const grown: RegionInput[] = regions.map((r) =>
      r.id === 'domain:' ? { ...r, cards: [card('team:/a', 600), card('team:/d', 600), card('team:/e')] } : r,
    );
    const layout = await layoutMap(input(grown, [], [...before.positions]), rowPacker);
    expect(layout.positions.get('domain:')).toEqual({ x: 0, y: 0 });
    expectTidy(layout, grown, metrics.gap);
  });
});

/** A workshop at full size: 15 domains, 40 teams, 150 services, and the tray. */
function workshop(): RegionInput[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const regions: RegionInput[] = [{ id: 'domain:', head: 90, cards: [] }];
  for (let d = 0; d < 15; d++) regions.push({ id: `domain:d${d}`, head: 110 + Math.floor(random() * 3) * 24, cards: [] });
  let services = 150;
  for (let t = 0; t < 40; t++) {
    const n = t === 39 ? services : Math.max(1, Math.min(services - (39 - t), 1 + Math.floor(random() * 6)));
    services -= n;
    const region = regions[t % regions.length];
    region.cards.push({ id: `team:${region.id.slice(7)}/t${t}`, width: 300, height: 80 + 62 * n });
  }
  return regions;
}

describe('layoutMap with ELK at workshop scale', () => {
  it('lays out 150 services, 40 teams and 15 domains without overlaps, close to the canvas shape', async () => {
    const regions = workshop();
    const start = performance.now();
    const layout = await layoutMap({ ...input(regions), aspect: 1280 / 620 }, elkPacker);
    const took = performance.now() - start;
    expectTidy(layout, regions, metrics.gap);
    const all = bounds(regions.map((r) => ({ ...layout.positions.get(r.id)!, ...layout.sizes.get(r.id)! })))!;
    const aspect = all.width / all.height;
    expect(aspect).toBeGreaterThan(1.2);
    expect(aspect).toBeLessThan(3.5);
    expect(took).toBeLessThan(5000);
  });

  it('is stable: laying out again from where everything is changes nothing', async () => {
    const regions = workshop();
    const first = await layoutMap(input(regions), elkPacker);
    const again = await layoutMap(input(regions, [], [...first.positions]), elkPacker);
    expect([...again.positions]).toEqual([...first.positions]);
    expect([...again.sizes]).toEqual([...first.sizes]);
  });
});
