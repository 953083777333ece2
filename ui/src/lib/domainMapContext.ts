// What the domain map's nodes share with the canvas that draws them (Svelte context, not node data,
// so a toggle such as presenter mode does not rebuild every node).
import { getContext, setContext } from 'svelte';
import type { Node } from '@xyflow/svelte';
import type { DomainCard, DomainInput, DomainMap, Position, TeamCard } from './bindings';

/** A region of the map: a domain, or the tray (`key` ''). */
export type RegionData = {
  key: string;
  /** null for the tray. */
  domain: DomainCard | null;
  teams: TeamCard[];
};

/** A team's card in one region: it lists the team's services in that region only. */
export type TeamData = {
  key: string;
  team: TeamCard;
};

export type RegionNode = Node<RegionData, 'region'>;
export type TeamNode = Node<TeamData, 'team'>;
export type MapNode = RegionNode | TeamNode;

/** Where to put focus back after a move made from the keyboard. */
export type Refocus = { service: number } | { team: string };

/** The domain form's subject: `original` null for a new domain. */
export type DomainEdit = { original: string | null; input: DomainInput };

/** What a drag or a "Move to…" choice moves. */
export type Moving = { ids: number[]; label: string; from: string; refocus?: Refocus };

export interface MapContext {
  readonly presenter: boolean;
  /** Every domain by name, then "No domain" (value ''). */
  readonly choices: { value: string; label: string }[];
  readonly currency: string;
  /** The region a drag is over (its key), while something is dragged. */
  readonly hover: string | undefined;
  /** The region a drag started from. */
  readonly dragFrom: string | undefined;
  /** A move or an edit is being saved: moves wait for it. */
  readonly busy: boolean;
  move(what: Moving, to: string): void;
  /** pointerdown on a service row: starts a drag once the pointer has moved a little. */
  dragService(event: PointerEvent, what: Moving): void;
  editDomain(name: string): void;
  releaseDomain(name: string): void;
}

const KEY = Symbol('domain-map');

export const setMapContext = (ctx: MapContext) => setContext(KEY, ctx);
export const getMapContext = () => getContext<MapContext>(KEY);

/** The Domain map view's props (see DomainMap.svelte). */
export interface DomainMapProps {
  /** Shown right now: the map is (re)loaded whenever this turns true. */
  active: boolean;
  /** Bumped after every change to the plan; a change while shown reloads the map. */
  version: number;
  load: () => Promise<DomainMap>;
  /** Moves services into a domain, or out of every domain (null): one edit. Resolves to the new map, or null if it failed. */
  onmove: (ids: number[], domain: string | null) => Promise<DomainMap | null>;
  /** Creates (original null) or changes a domain; resolves to why it could not, or null once saved. */
  onsavedomain: (original: string | null, input: DomainInput) => Promise<string | null>;
  /** Deletes a domain (its services move to no domain); resolves to the new map, or null if it failed. */
  onreleasedomain: (name: string) => Promise<DomainMap | null>;
  /** Keeps where the user left boxes: `domain:NAME`, `team:DOMAIN/TEAM`, whole canvas pixels. */
  onsavepositions: (positions: Position[]) => Promise<void>;
  /** The app's confirmation dialog; resolves true only when the user confirms. */
  onconfirm: (request: { title: string; message: string; confirm: string }) => Promise<boolean>;
  /** Projector mode: larger type, no editing controls. */
  presenter: boolean;
}
