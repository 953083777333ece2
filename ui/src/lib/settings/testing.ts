// For the tests only: the core's defaults, and a change made to one of them, shared by the *.test.ts files here.

import { expect } from 'vitest';
import { checkSetting, composeSetting, parseSetting } from './fields';
import type { Draft, DraftOf } from './types';

/** The core's keys and defaults (src-tauri/core/src/settings.rs, KEYS). */
export const DEFAULTS: [string, string][] = [
  ['currency', 'GBP'],
  ['exposure_bands', '7000=95.0,250000=99.0,800000=99.9'],
  ['demand_bands', 'low=monthly,medium=fortnightly,high=weekly,very high=daily'],
  ['out_of_hours_levels', '95.0=none,99.0=domain,99.9=team,99.99=team'],
  ['remuneration_model', 'standby_only'],
  ['developer_standby_rate', '500/week'],
  ['developer_callout_rate', '0/hour'],
  ['app_support_standby_rate', '500/week'],
  ['app_support_callout_rate', '0/hour'],
  ['callout_hours', '2'],
  ['working_hours', 'mon-fri 09:00-17:30'],
  ['planning_year_start', '2026-04-01'],
  ['schedule_cost_split', 'exposure'],
  ['callout_people', '1'],
  ['ops_run_it_time_to_acknowledge_minutes', '20'],
  ['ops_run_it_time_to_restore_minutes', '120'],
  ['ops_run_it_setup_cost', '0'],
  ['you_build_it_you_run_it_time_to_acknowledge_minutes', '5'],
  ['you_build_it_you_run_it_time_to_restore_minutes', '30'],
  ['you_build_it_you_run_it_setup_cost', '0'],
  ['setup_amortisation_years', '3'],
];

export const messages = (key: string, draft: Draft) => checkSetting(key, draft).map((p) => p.message);

/** The setting's form with a change made to it, composed and checked. */
export function change<K extends Draft['kind']>(key: string, kind: K, f: (d: DraftOf<K>) => void) {
  const d = parseSetting(key, DEFAULTS.find(([k]) => k === key)![1]);
  expect(d.kind).toBe(kind);
  f(d as DraftOf<K>);
  return { value: composeSetting(key, d), problems: messages(key, d) };
}
