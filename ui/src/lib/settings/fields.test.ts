import { describe, expect, it } from 'vitest';
import { checkSetting, composeSetting, describeSetting, isKnown, parseSetting } from './fields';
import { DEFAULTS, messages } from './testing';

describe('every default', () => {
  it.each(DEFAULTS)('%s round-trips exactly: %s', (key, value) => {
    const draft = parseSetting(key, value);
    expect(draft.kind).not.toBe('text');
    expect(checkSetting(key, draft)).toEqual([]);
    expect(composeSetting(key, draft)).toBe(value);
  });

  it('has an editor of its own', () => {
    for (const [key] of DEFAULTS) expect(isKnown(key)).toBe(true);
  });

  it('is described in words', () => {
    const words = Object.fromEntries(DEFAULTS.map(([k, v]) => [k, describeSetting(k, v)]));
    expect(words).toEqual({
      currency: 'GBP',
      exposure_bands: 'up to 7,000 an hour: 95.0%; up to 250,000 an hour: 99.0%; up to 800,000 an hour: 99.9%',
      demand_bands: 'Low: monthly; Medium: fortnightly; High: weekly; Very High: daily',
      out_of_hours_levels: '95.0%: nobody; 99.0%: domain schedule; 99.9%: team schedule; 99.99%: team schedule',
      remuneration_model: 'Standby only',
      developer_standby_rate: '500 a week',
      developer_callout_rate: '0 an hour',
      app_support_standby_rate: '500 a week',
      app_support_callout_rate: '0 an hour',
      callout_hours: '2 hours',
      working_hours: 'Monday to Friday, 09:00 to 17:30',
      planning_year_start: '1 April 2026',
      schedule_cost_split: 'In proportion to exposure',
      callout_people: '1 person',
      ops_run_it_time_to_acknowledge_minutes: '20 minutes',
      ops_run_it_time_to_restore_minutes: '120 minutes',
      ops_run_it_setup_cost: '0',
      you_build_it_you_run_it_time_to_acknowledge_minutes: '5 minutes',
      you_build_it_you_run_it_time_to_restore_minutes: '30 minutes',
      you_build_it_you_run_it_setup_cost: '0',
      setup_amortisation_years: '3 years',
    });
  });
});

describe('unknown settings and refusals', () => {
  it('falls back to plain text for a key it does not know', () => {
    expect(isKnown('loss_threshold_high')).toBe(false);
    const d = parseSetting('loss_threshold_high', '100000');
    expect(d).toEqual({ kind: 'text', text: '100000' });
    expect(composeSetting('loss_threshold_high', { kind: 'text', text: ' 250000 ' })).toBe('250000');
    expect(messages('loss_threshold_high', { kind: 'text', text: '  ' })).toEqual(['Type a value']);
    expect(describeSetting('loss_threshold_high', '100000')).toBe('100000');
  });

  it('falls back to plain text for a value it cannot read', () => {
    expect(parseSetting('exposure_bands', '7000=95.0;250000=99.0')).toEqual({ kind: 'text', text: '7000=95.0;250000=99.0' });
    expect(composeSetting('exposure_bands', { kind: 'text', text: '7000=95.0' })).toBe('7000=95.0');
  });
});
