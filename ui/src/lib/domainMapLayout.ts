// Where every box of the domain map goes. Geometry only (canvas pixels), never money.
//
// Two levels: team cards inside their region (a domain or the tray), then the regions on the canvas.
// At each level a box is placed, in order of preference:
//   1. where the user left it (a saved position: fixed, other boxes make way for it);
//   2. where it already is in this session (so a move never reshuffles the map under people's eyes);
//   3. new: packed by ELK (rectpacking, in the plan's order) when everything on that level is new (a
//      fresh map); otherwise fitted into the free space around the boxes that stay, where the whole
//      keeps closest to its shape (the screen's, or a region's), so a new domain or a card fills a gap.
// Then overlaps are settled: boxes that are not fixed are pushed right or down, whichever is the
// shorter way, until nothing overlaps; then they slide up into any gap above them (a card that moved
// away leaves none). A region is as large as its cards need, and never smaller than its minimum
// (room to drop into).
import type { ELK, ElkNode } from 'elkjs/lib/elk-api';

export type Point = { x: number; y: number };
export type Size = { width: number; height: number };
export type Box = Size & { id: string };
export type Rect = Point & Size;

export type Metrics = {
  /** Inside a region, between its edge and its cards. */
  pad: number;
  /** Between cards, and between regions. */
  gap: number;
  /** A region is at least this wide. */
  minWidth: number;
  /** An empty region keeps this much room below its heading to drop into. */
  minBody: number;
  /** The shape ELK aims for inside a region (width ÷ height). */
  regionAspect: number;
};

export type RegionInput = {
  id: string;
  /** The height of the region's heading: cards start below it. */
  head: number;
  cards: Box[];
};

export type LayoutInput = {
  /** In the order to pack them: the tray first, then the domains. */
  regions: RegionInput[];
  /** Positions the user left: regions absolute, cards relative to their region. */
  saved: ReadonlyMap<string, Point>;
  /** Where boxes are in this session, in the same terms. */
  current: ReadonlyMap<string, Point>;
  /** The canvas's width ÷ height: the shape the regions are packed into. */
  aspect: number;
  metrics: Metrics;
};

export type LayoutResult = {
  /** Every box: regions absolute, cards relative to their region. Whole pixels. */
  positions: Map<string, Point>;
  /** Every region's size. */
  sizes: Map<string, Size>;
};

export type PackGroup = { id: string; boxes: Box[]; aspect: number; gap: number };
/** Packs each group's boxes from (0, 0), with no overlaps; returns group id -> box id -> position. */
export type Packer = (groups: PackGroup[]) => Promise<Map<string, Map<string, Point>>>;

export const overlaps = (a: Rect, b: Rect, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * Pushes the movable boxes off the fixed ones and off each other, top to bottom, each the shorter way
 * (right or down). Fixed boxes never move; they may overlap each other (the user put them there).
 * Returns the movable boxes' new places, in the order given.
 */
export function settle(fixed: Rect[], movable: Rect[], gap: number): Rect[] {
  const placed = [...fixed];
  const out: Rect[] = movable.map((b) => ({ ...b }));
  const order = [...out.keys()].sort((a, b) => out[a].y - out[b].y || out[a].x - out[b].x);
  for (const i of order) {
    const m = out[i];
    for (let guard = 0; guard < 10_000; guard++) {
      const hit = placed.find((r) => overlaps(m, r, gap));
      if (!hit) break;
      const dx = hit.x + hit.width + gap - m.x;
      const dy = hit.y + hit.height + gap - m.y;
      if (dx < dy) m.x += dx;
      else m.y += dy;
    }
    placed.push(m);
  }
  return out;
}

/**
 * Slides the movable boxes up as far as they go (not above `top`) without touching a box above them:
 * gaps left by a card or region that went away close. Keeps the order given; x never changes.
 */
export function compact(fixed: Rect[], movable: Rect[], top: number, gap: number): Rect[] {
  const placed = [...fixed];
  const out: Rect[] = movable.map((b) => ({ ...b }));
  const order = [...out.keys()].sort((a, b) => out[a].y - out[b].y || out[a].x - out[b].x);
  for (const i of order) {
    const m = out[i];
    let y = top;
    for (const r of placed) {
      const side = m.x < r.x + r.width + gap && r.x < m.x + m.width + gap;
      if (side && r.y <= m.y) y = Math.max(y, r.y + r.height + gap);
    }
    m.y = Math.min(m.y, y);
    placed.push(m);
  }
  return out;
}

/** The smallest rectangle around the boxes, or null when there are none. */
export function bounds(boxes: Rect[]): Rect | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Where a box fits among others without touching them (not above or left of `origin`): of the free
 * places beside or below a box, the one that keeps the whole closest to the shape wanted (width ÷
 * height = `aspect`, so that it fits the screen at the largest zoom); the highest, then leftmost, on a tie.
 */
export function fillSpot(placed: Rect[], box: Size, origin: Point, aspect: number, gap: number): Point {
  const xs = [origin.x, ...placed.map((r) => r.x + r.width + gap).filter((x) => x > origin.x)];
  const ys = [origin.y, ...placed.map((r) => r.y + r.height + gap).filter((y) => y > origin.y)];
  const all = bounds(placed) ?? { ...origin, width: 0, height: 0 };
  const left = Math.min(all.x, origin.x);
  const top = Math.min(all.y, origin.y);
  const right = all.x + all.width;
  const bottom = all.y + all.height;
  let best: { x: number; y: number; score: number } | null = null;
  for (const y of ys) {
    for (const x of xs) {
      const width = Math.max(right, x + box.width) - left;
      const height = Math.max(bottom, y + box.height) - top;
      const score = Math.max(width / aspect, height);
      if (best && (score > best.score || (score === best.score && (y > best.y || (y === best.y && x >= best.x))))) continue;
      if (placed.some((p) => overlaps({ x, y, ...box }, p, gap))) continue;
      best = { x, y, score };
    }
  }
  // Below everything is always free, so there is always a best.
  return best ? { x: best.x, y: best.y } : { x: origin.x, y: bottom + gap };
}

type Level = {
  boxes: Box[];
  saved: ReadonlyMap<string, Point>;
  current: ReadonlyMap<string, Point>;
  /** The top-left corner boxes may not go above or left of. */
  origin: Point;
  /** ELK's packing of the new boxes, when nothing else is on this level. */
  packed: Map<string, Point>;
  /** The shape new boxes are fitted into around the others (width ÷ height). */
  aspect: number;
  gap: number;
};

/** Which boxes of a level are fixed, kept and new. */
function split(boxes: Box[], saved: ReadonlyMap<string, Point>, current: ReadonlyMap<string, Point>) {
  return {
    fixed: boxes.filter((b) => saved.has(b.id)),
    kept: boxes.filter((b) => !saved.has(b.id) && current.has(b.id)),
    fresh: boxes.filter((b) => !saved.has(b.id) && !current.has(b.id)),
  };
}

/** A level is packed by ELK when everything on it is new; otherwise new boxes are fitted around the rest. */
function packable(boxes: Box[], saved: ReadonlyMap<string, Point>, current: ReadonlyMap<string, Point>): Box[] {
  const { fixed, kept, fresh } = split(boxes, saved, current);
  return fixed.length + kept.length === 0 ? fresh : [];
}

function placeLevel({ boxes, saved, current, origin, packed, aspect, gap }: Level): Map<string, Rect> {
  const { fixed, kept, fresh } = split(boxes, saved, current);
  const at = (b: Box, p: Point): Rect => ({
    x: Math.max(origin.x, Math.round(p.x)),
    y: Math.max(origin.y, Math.round(p.y)),
    width: b.width,
    height: b.height,
  });
  const fixedRects = fixed.map((b) => at(b, saved.get(b.id)!));
  const keptRects = settle(
    fixedRects,
    kept.map((b) => at(b, current.get(b.id)!)),
    gap,
  );
  let freshRects: Rect[];
  if (fixed.length + kept.length === 0) {
    freshRects = fresh.map((b) => at(b, { x: origin.x + (packed.get(b.id)?.x ?? 0), y: origin.y + (packed.get(b.id)?.y ?? 0) }));
  } else {
    // Fitted into the gaps around the boxes that stay, keeping the level's shape.
    const placed = [...fixedRects, ...keptRects];
    freshRects = fresh.map((b) => {
      const rect = { ...fillSpot(placed, b, origin, aspect, gap), width: b.width, height: b.height };
      placed.push(rect);
      return rect;
    });
  }
  const moved = compact(fixedRects, [...keptRects, ...freshRects], origin.y, gap);
  const out = new Map<string, Rect>();
  fixed.forEach((b, i) => out.set(b.id, fixedRects[i]));
  [...kept, ...fresh].forEach((b, i) => out.set(b.id, moved[i]));
  return out;
}

/** Lays the map out: see the top of this file. */
export async function layoutMap(input: LayoutInput, packer: Packer = elkPacker): Promise<LayoutResult> {
  const { regions, saved, current, metrics: m } = input;
  const positions = new Map<string, Point>();
  const sizes = new Map<string, Size>();

  // 1. Cards inside each region.
  const cardGroups: PackGroup[] = regions.map((r) => ({
    id: r.id,
    boxes: packable(r.cards, saved, current),
    aspect: m.regionAspect,
    gap: m.gap,
  }));
  const packedCards = await packer(cardGroups.filter((g) => g.boxes.length > 0));
  const regionBoxes: Box[] = regions.map((r) => {
    const origin = { x: m.pad, y: r.head + m.pad };
    const placed = placeLevel({
      boxes: r.cards,
      saved,
      current,
      origin,
      packed: packedCards.get(r.id) ?? new Map(),
      aspect: m.regionAspect,
      gap: m.gap,
    });
    for (const [id, rect] of placed) positions.set(id, { x: rect.x, y: rect.y });
    const all = bounds([...placed.values()]);
    const size = {
      width: Math.max(m.minWidth, all ? all.x + all.width + m.pad : 0),
      height: Math.max(r.head + m.pad + m.minBody, all ? all.y + all.height + m.pad : 0),
    };
    sizes.set(r.id, size);
    return { id: r.id, ...size };
  });

  // 2. The regions on the canvas.
  const freshRegions = packable(regionBoxes, saved, current);
  const packedRegions = await packer(
    freshRegions.length > 0 ? [{ id: '', boxes: freshRegions, aspect: input.aspect, gap: m.gap * 2 }] : [],
  );
  const staying = regionBoxes.filter((b) => saved.has(b.id) || current.has(b.id));
  const corner = bounds(staying.map((b) => ({ ...b, ...(saved.get(b.id) ?? current.get(b.id)!) })));
  const placed = placeLevel({
    boxes: regionBoxes,
    saved,
    current,
    origin: corner ? { x: Math.min(0, corner.x), y: Math.min(0, corner.y) } : { x: 0, y: 0 },
    packed: packedRegions.get('') ?? new Map(),
    aspect: input.aspect,
    gap: m.gap * 2,
  });
  for (const [id, rect] of placed) positions.set(id, { x: rect.x, y: rect.y });
  return { positions, sizes };
}

let engine: Promise<ELK> | null = null;

/** ELK is large: it is loaded the first time the map is laid out, not with the app. */
function elk(): Promise<ELK> {
  engine ??= import('elkjs/lib/elk.bundled.js').then((mod) => new mod.default());
  return engine;
}

/** ELK's rectpacking, in the given order, one compound node per group (one layout run for all). */
export const elkPacker: Packer = async (groups) => {
  const out = new Map<string, Map<string, Point>>();
  if (groups.length === 0) return out;
  const e = await elk();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'org.eclipse.elk.fixed' },
    children: groups.map((g, gi) => ({
      id: `g${gi}`,
      layoutOptions: {
        'elk.algorithm': 'org.eclipse.elk.rectpacking',
        'elk.aspectRatio': String(g.aspect),
        'elk.spacing.nodeNode': String(g.gap),
        'elk.padding': '[top=0,left=0,bottom=0,right=0]',
      },
      children: g.boxes.map((b, bi) => ({ id: `g${gi}n${bi}`, width: b.width, height: b.height })),
    })),
  };
  const result = await e.layout(graph);
  result.children?.forEach((group, gi) => {
    const g = groups[gi];
    const boxes = new Map<string, Point>();
    group.children?.forEach((node, bi) => boxes.set(g.boxes[bi].id, { x: node.x ?? 0, y: node.y ?? 0 }));
    out.set(g.id, boxes);
  });
  return out;
};
