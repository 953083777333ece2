import { describe, expect, it } from 'vitest';
import type { DomainMap, ServiceCard } from './bindings';
import {
  domainNodeId,
  locateService,
  moveChoices,
  moveTarget,
  regions,
  shortWarning,
  teamNodeId,
  needingDomainCover,
} from './domainMapNodes';

const service = (id: number, name: string, patch: Partial<ServiceCard> = {}): ServiceCard => ({
  id,
  name,
  kind: 'digital',
  availability_target: '99.0',
  operating_model: 'you_build_it_you_run_it',
  overridden: false,
  traffic_light: 'green',
  on_call_out_of_hours: 'domain',
  ...patch,
});

const map: DomainMap = {
  currency: 'GBP',
  domains: [
    {
      name: 'home',
      kind: 'product',
      not_recommended: false,
      holder: 'head_of_product',
      schedule: { participants: 5, days: 364, standby: '26000.00', holder: 'head_of_product' },
      warnings: [],
      teams: [{ name: 'bedroom-team', team_schedule: false, services: [service(1, 'bedroom')] }],
    },
  ],
  tray: [
    {
      name: 'stores-team',
      team_schedule: false,
      services: [service(2, 'appointments'), service(3, 'stock', { operating_model: 'ops_run_it', on_call_out_of_hours: 'app_support' })],
    },
  ],
  schedules: 2,
  standby: '52000.00',
  positions: [],
};

describe('domain map nodes', () => {
  it('names nodes as the saved positions do', () => {
    expect(domainNodeId('home')).toBe('domain:home');
    expect(domainNodeId(null)).toBe('domain:');
    expect(domainNodeId('')).toBe('domain:');
    expect(teamNodeId('home', 'bedroom-team')).toBe('team:home/bedroom-team');
    expect(teamNodeId(null, 'stores-team')).toBe('team:/stores-team');
  });

  it('offers every domain and no domain, and sends null for no domain', () => {
    expect(moveChoices(map)).toEqual([
      { value: 'home', label: 'home' },
      { value: '', label: 'No domain' },
    ]);
    expect(moveTarget('')).toBeNull();
    expect(moveTarget('home')).toBe('home');
  });

  it('puts the tray first and finds services', () => {
    expect(regions(map).map((r) => r.key)).toEqual(['', 'home']);
    expect(locateService(map, 1)).toEqual({ key: 'home', team: 'bedroom-team' });
    expect(locateService(map, 3)).toEqual({ key: '', team: 'stores-team' });
    expect(locateService(map, 99)).toBeNull();
  });

  it('counts tray services that need a domain schedule', () => {
    expect(needingDomainCover(map.tray)).toBe(1);
  });

  it('shortens warnings for the zoomed-out summary', () => {
    expect(shortWarning('fewer than 3 people on call: each is on call one week in 2')).toBe('Fewer than 3 people on call');
    expect(shortWarning("team schedules already cover its services out of hours: this domain's schedule is not needed")).toBe(
      'Domain schedule not needed',
    );
    expect(shortWarning('something new: details')).toBe('Something new');
  });
});
