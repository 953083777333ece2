// What the domain map draws, as plain data: node ids, labels and the choices a move offers.
import type { BudgetHolder, DomainKind, DomainMap, OperatingModel, TeamCard } from './bindings';

/** The tray ("No domain") is the region of the empty domain name, as its saved position `domain:` says. */
export const TRAY = '';

/** `domain:NAME`; the tray is `domain:`. */
export const domainNodeId = (domain: string | null) => `domain:${domain ?? TRAY}`;

/** `team:DOMAIN/TEAM`; a team card in the tray is `team:/TEAM`. */
export const teamNodeId = (domain: string | null, team: string) => `team:${domain ?? TRAY}/${team}`;

/** The tray's key ('') -> what a move sends (null); a domain stays itself. */
export const moveTarget = (key: string): string | null => (key === TRAY ? null : key);

export const holderLabels: Record<BudgetHolder, string> = {
  head_of_product: 'Head of Product',
  head_of_delivery: 'Head of Delivery',
  head_of_operations: 'Head of Operations',
};

export const domainKindLabels: Record<DomainKind, string> = {
  product: 'Product',
  architecture: 'Architecture',
  geography: 'Geography',
  technology: 'Technology',
};

/** What a kind groups by, for the form that creates or edits a domain. */
export const domainKindChoices: { value: DomainKind; label: string }[] = [
  { value: 'product', label: 'Product: a customer journey' },
  { value: 'architecture', label: 'Architecture: a technology capability' },
  { value: 'geography', label: 'Geography (not recommended)' },
  { value: 'technology', label: 'Technology: a tool (not recommended)' },
];

/** A domain's on-call is paid from a product or an IT budget. */
export const holderChoices: { value: BudgetHolder; label: string }[] = [
  { value: 'head_of_product', label: holderLabels.head_of_product },
  { value: 'head_of_delivery', label: holderLabels.head_of_delivery },
];

export const modelShort: Record<OperatingModel, string> = {
  you_build_it_you_run_it: 'YBIYRI',
  ops_run_it: 'Ops Run It',
};

/** The "Move to…" choices: every domain by name, then no domain (value ''). */
export function moveChoices(map: DomainMap): { value: string; label: string }[] {
  return [...map.domains.map((d) => ({ value: d.name, label: d.name })), { value: TRAY, label: 'No domain' }];
}

/** Services that need a domain schedule for their out-of-hours cover: in the tray, nobody covers them. */
export function needingDomainCover(teams: TeamCard[]): number {
  return teams
    .flatMap((t) => t.services)
    .filter((s) => s.operating_model === 'you_build_it_you_run_it' && s.on_call_out_of_hours === 'domain').length;
}

export const serviceCount = (teams: TeamCard[]) => teams.reduce((n, t) => n + t.services.length, 0);

export const plural = (n: number, noun: string, many = `${noun}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? noun : many}`;

/** Where a service or team card is now, as its region's key ('' for the tray). */
export type Region = { key: string; teams: TeamCard[] };

/** The tray first, then the domains in the plan's order: the order regions are packed in. */
export function regions(map: DomainMap): Region[] {
  return [{ key: TRAY, teams: map.tray }, ...map.domains.map((d) => ({ key: d.name, teams: d.teams }))];
}

/** Finds a service's region and team after a move, to put focus back on it. */
export function locateService(map: DomainMap, id: number): { key: string; team: string } | null {
  for (const r of regions(map)) {
    for (const t of r.teams) if (t.services.some((s) => s.id === id)) return { key: r.key, team: t.name };
  }
  return null;
}

/** A domain warning in a few words, for the zoomed-out summary: the full text is on the domain itself. */
export function shortWarning(warning: string): string {
  const w = warning.toLowerCase();
  if (w.startsWith('fewer than 3 people')) return 'Fewer than 3 people on call';
  if (w.startsWith('team schedules already cover')) return 'Domain schedule not needed';
  if (w.startsWith('grouped by geography or tool')) return 'Grouping not recommended';
  const first = warning.split(':')[0].trim();
  const short = first.length > 40 ? `${first.slice(0, 39).trimEnd()}…` : first;
  return short.charAt(0).toUpperCase() + short.slice(1);
}
