import { describe, expect, it } from 'vitest';
import {
  checkSetting,
  compareDecimals,
  composeSetting,
  costSplit,
  currencyField,
  dateField,
  demandBands,
  describeSetting,
  exposureBands,
  groupSettings,
  isKnown,
  outOfHoursLevels,
  parseSetting,
  plainServerProblem,
  rateField,
  readAmount,
  readLevel,
  remuneration,
  workingHours,
  type Draft,
  type DraftOf,
} from './settingsForms';

/** The core's keys and defaults (src-tauri/core/src/settings.rs, KEYS). */
const DEFAULTS: [string, string][] = [
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

const messages = (key: string, draft: Draft) => checkSetting(key, draft).map((p) => p.message);

/** The setting's form with a change made to it, composed and checked. */
function change<K extends Draft['kind']>(key: string, kind: K, f: (d: DraftOf<K>) => void) {
  const d = parseSetting(key, DEFAULTS.find(([k]) => k === key)![1]);
  expect(d.kind).toBe(kind);
  f(d as DraftOf<K>);
  return { value: composeSetting(key, d), problems: messages(key, d) };
}

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

describe('amounts as people type them', () => {
  it.each([
    ['7000', '7000'],
    [' 7 000 ', '7000'],
    ['250,000', '250000'],
    ['£250,000.50', '250000.5'],
    ['$1,250,000', '1250000'],
    ['€ 99.90', '99.9'],
    ['0070', '70'],
    ['7000.', '7000'],
    ['.5', '0.5'],
    ['0', '0'],
    ['999999999999.99', '999999999999.99'],
  ])('reads %j as %s', (typed, value) => {
    expect(readAmount(typed)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Type an amount such as 7000 or 250000.50'],
    ['seven thousand', 'Type an amount such as 7000 or 250000.50'],
    ['7000 GBP', 'Type an amount such as 7000 or 250000.50'],
    ['1.2.3', 'Type an amount such as 7000 or 250000.50'],
    ['-5', 'Type an amount of zero or more'],
    ['1,5', 'Use commas only to group thousands, as in 250,000'],
    ['25,00,000', 'Use commas only to group thousands, as in 250,000'],
    ['1.234', 'Use at most two decimal places, as in 250000.50'],
    ['1000000000000', 'Keep the amount below 1,000,000,000,000 (a million million)'],
  ])('refuses %j: %s', (typed, message) => {
    expect(readAmount(typed)).toEqual({ ok: false, message });
  });

  it('keeps pennies the core would refuse as written but accepts once normalised', () => {
    expect(readAmount('1.230')).toEqual({ ok: true, value: '1.23' });
  });
});

describe('availability targets', () => {
  it.each([
    ['95', '95.0'],
    ['99.90', '99.9'],
    ['99.99 %', '99.99'],
    ['99.9995', '99.9995'],
    ['0.5', '0.5'],
  ])('reads %j as %s', (typed, value) => {
    expect(readLevel(typed)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Type an availability target such as 99.9 (per cent)'],
    ['high', 'Type an availability target such as 99.9 (per cent)'],
    ['0', 'An availability target must be above 0% and below 100%'],
    ['100', 'An availability target must be above 0% and below 100%'],
    ['-1', 'An availability target must be above 0% and below 100%'],
    ['99.99999', 'Use at most four decimal places in a target, as in 99.9995'],
  ])('refuses %j: %s', (typed, message) => {
    expect(readLevel(typed)).toEqual({ ok: false, message });
  });

  it('orders decimals without rounding', () => {
    expect(compareDecimals('7000', '250000.5')).toBeLessThan(0);
    expect(compareDecimals('99.99', '99.9')).toBeGreaterThan(0);
    expect(compareDecimals('99.90', '99.9')).toBe(0);
  });
});

describe('exposure bands', () => {
  it('composes typed amounts and targets, sorted by bound', () => {
    const value = exposureBands.compose({
      kind: 'exposure_bands',
      rows: [
        { bound: '£1,000,000', level: '99.99%' },
        { bound: '7,000', level: '95' },
        { bound: '250000.50', level: '99' },
      ],
    });
    expect(value).toBe('7000=95.0,250000.5=99.0,1000000=99.99');
  });

  it('needs a different upper bound for each band', () => {
    const draft = exposureBands.parse('7000=95,7000=99')!;
    expect(exposureBands.check(draft)).toEqual([
      { message: 'Each band needs a different upper bound (bands 1 and 2 are both 7,000)', row: 1, field: 'bound' },
    ]);
    // Written differently, still the same bound.
    const { problems } = change('exposure_bands', 'exposure_bands', (d) => {
      d.rows[2].bound = '£7,000.00';
    });
    expect(problems).toEqual(['Each band needs a different upper bound (bands 1 and 3 are both 7,000)']);
  });

  it('says which band and which field is wrong', () => {
    const draft: DraftOf<'exposure_bands'> = {
      kind: 'exposure_bands',
      rows: [
        { bound: '7000', level: '95' },
        { bound: '', level: '100' },
      ],
    };
    expect(exposureBands.check(draft)).toEqual([
      { message: 'Band 2: Type an amount such as 7000 or 250000.50', row: 1, field: 'bound' },
      { message: 'Band 2: An availability target must be above 0% and below 100%', row: 1, field: 'level' },
    ]);
  });

  it('keeps at least one band', () => {
    expect(exposureBands.check({ kind: 'exposure_bands', rows: [] }).map((p) => p.message)).toEqual(['Keep at least one band']);
  });

  it('adds a band', () => {
    const { value, problems } = change('exposure_bands', 'exposure_bands', (d) => {
      d.rows.push({ bound: '5,000,000', level: '99.99' });
    });
    expect(problems).toEqual([]);
    expect(value).toBe('7000=95.0,250000=99.0,800000=99.9,5000000=99.99');
  });

  it('does not read text that is not bands', () => {
    expect(exposureBands.parse('')).toBeNull();
    expect(exposureBands.parse('7000')).toBeNull();
    expect(exposureBands.parse('7000=high')).toBeNull();
  });
});

describe('demand bands', () => {
  it('reads and writes every 10 days', () => {
    const d = demandBands.parse('low=every 10 days,high=daily')!;
    expect(d.rows).toEqual([
      { label: 'low', frequency: 'every', days: '10' },
      { label: 'high', frequency: 'daily', days: '' },
    ]);
    expect(demandBands.compose(d)).toBe('low=every 10 days,high=daily');
  });

  it('chooses every N days with N typed', () => {
    const { value, problems } = change('demand_bands', 'demand_bands', (d) => {
      d.rows[0] = { label: 'Low', frequency: 'every', days: ' 10 ' };
    });
    expect(problems).toEqual([]);
    expect(value).toBe('low=every 10 days,medium=fortnightly,high=weekly,very high=daily');
  });

  it('writes every 7 days as weekly, as the core does', () => {
    expect(demandBands.compose({ kind: 'demand_bands', rows: [{ label: 'x', frequency: 'every', days: '7' }] })).toBe('x=weekly');
    expect(demandBands.parse('x=Every 1 day')!.rows[0]).toEqual({ label: 'x', frequency: 'every', days: '1' });
  });

  it('keeps the order the bands are in, labels in lower case', () => {
    const { value } = change('demand_bands', 'demand_bands', (d) => {
      const [first] = d.rows.splice(0, 1);
      d.rows.push({ ...first, label: '  Very Low ' });
    });
    expect(value).toBe('medium=fortnightly,high=weekly,very high=daily,very low=monthly');
  });

  it('refuses repeated, empty and unusable labels and bad day counts', () => {
    const draft: DraftOf<'demand_bands'> = {
      kind: 'demand_bands',
      rows: [
        { label: 'High', frequency: 'weekly', days: '' },
        { label: 'high ', frequency: 'daily', days: '' },
        { label: '', frequency: 'monthly', days: '' },
        { label: 'a=b', frequency: 'every', days: '0' },
        { label: 'rare', frequency: 'every', days: '1.5' },
        { label: 'never', frequency: 'every', days: '367' },
      ],
    };
    expect(demandBands.check(draft).map((p) => p.message)).toEqual([
      'Each band needs a different label (bands 1 and 2 are both “high”)',
      'Band 3: Give the band a label, such as high',
      'Band 4: A label cannot contain a comma or an equals sign',
      'Band 4: Type a whole number of days from 1 to 366',
      'Band 5: Type a whole number of days from 1 to 366',
      'Band 6: Type a whole number of days from 1 to 366',
    ]);
  });

  it('does not read frequencies the core does not know', () => {
    expect(demandBands.parse('low=sometimes')).toBeNull();
    expect(demandBands.parse('low=every 0 days')).toBeNull();
    expect(demandBands.parse('=weekly')).toBeNull();
  });
});

describe('out-of-hours levels', () => {
  it('reads who is on call and writes the levels in order', () => {
    const d = outOfHoursLevels.parse('95.0=none,99.0=domain,99.9=team,99.99=team')!;
    expect(d.rows[1]).toEqual({ level: '99.0', cover: 'domain' });
    d.rows.push({ level: '97.5', cover: 'domain' });
    d.rows[0].level = '95';
    expect(outOfHoursLevels.check(d)).toEqual([]);
    expect(outOfHoursLevels.compose(d)).toBe('95.0=none,97.5=domain,99.0=domain,99.9=team,99.99=team');
  });

  it('refuses a repeated or impossible target', () => {
    const { problems } = change('out_of_hours_levels', 'out_of_hours_levels', (d) => {
      d.rows[1].level = '95';
      d.rows[2].level = '100';
    });
    expect(problems).toEqual([
      'Each row needs a different availability target (rows 1 and 2 are both 95.0%)',
      'Row 3: An availability target must be above 0% and below 100%',
    ]);
  });

  it('does not read the app support rota as a level', () => {
    expect(outOfHoursLevels.parse('99.0=app_support')).toBeNull();
  });
});

describe('choices', () => {
  it('reads the words', () => {
    expect(remuneration.describe('standby_and_callout')).toBe('Standby and callout');
    expect(remuneration.describe('callout_only')).toBe('Callout only (not recommended)');
    expect(costSplit.describe('equal')).toBe('Equally');
    expect(remuneration.compose({ kind: 'choice', value: 'Callout_Only' })).toBe('callout_only');
  });

  it('refuses anything else', () => {
    expect(remuneration.check({ kind: 'choice', value: 'volunteer' })).toEqual([{ message: 'Choose one of the options' }]);
    expect(costSplit.parse('by headcount')).toBeNull();
  });
});

describe('rates', () => {
  const standby = rateField(false);
  const callout = rateField(true);

  it('composes an amount and its unit', () => {
    expect(standby.compose({ kind: 'rate', amount: '£1,200.50', per: 'week' })).toBe('1200.5/week');
    expect(standby.compose({ kind: 'rate', amount: '60', per: 'day' })).toBe('60/day');
    expect(standby.describe('62.5/hour')).toBe('62.50 an hour');
  });

  it('takes the unit typed with the amount', () => {
    for (const typed of ['600/week', '600 a week', '£600 per week', '600 / Week']) {
      const d: DraftOf<'rate'> = { kind: 'rate', amount: typed, per: 'hour' };
      expect(standby.check(d)).toEqual([]);
      expect(standby.compose(d)).toBe('600/week');
    }
    expect(callout.compose({ kind: 'rate', amount: '75 an hour', per: 'hour' })).toBe('75/hour');
  });

  it('pays callouts by the hour only', () => {
    expect(callout.parse('75/week')).toBeNull();
    expect(callout.compose({ kind: 'rate', amount: '75', per: 'week' })).toBe('75/hour');
    expect(callout.check({ kind: 'rate', amount: '75 a week', per: 'hour' }).map((p) => p.message)).toEqual([
      'Callout is paid by the hour: type the amount for one hour',
    ]);
  });

  it('refuses an amount it cannot read', () => {
    expect(standby.check({ kind: 'rate', amount: 'lots', per: 'week' })).toEqual([
      { message: 'Type an amount such as 500 or 62.50', field: 'amount' },
    ]);
    expect(standby.check({ kind: 'rate', amount: '-5', per: 'week' }).map((p) => p.message)).toEqual(['Type an amount of zero or more']);
  });
});

describe('numbers with a unit', () => {
  it('normalises what is typed', () => {
    const { value } = change('callout_hours', 'quantity', (d) => {
      d.text = ' 1.50 ';
    });
    expect(value).toBe('1.5');
    expect(change('ops_run_it_time_to_restore_minutes', 'quantity', (d) => (d.text = '1,440')).value).toBe('1440');
  });

  it.each([
    ['callout_hours', '25', 'Choose a number of hours from 0 to 24'],
    ['callout_hours', '1.00001', 'Use at most four decimal places'],
    ['callout_hours', 'two', 'Type a number of hours such as 2 or 1.5'],
    ['callout_people', '1001', 'Choose a number of people from 0 to 1,000'],
    ['ops_run_it_time_to_restore_minutes', '-5', 'Choose a number of minutes from 0 to 100,000'],
    ['ops_run_it_time_to_acknowledge_minutes', '', 'Type a number of minutes such as 20'],
    ['setup_amortisation_years', '0', 'Choose a number of years from 1 to 100'],
  ])('%s refuses %j: %s', (key, typed, message) => {
    expect(messages(key, { kind: 'quantity', text: typed })).toEqual([message]);
  });

  it('checks setup costs as amounts', () => {
    expect(messages('you_build_it_you_run_it_setup_cost', { kind: 'amount', text: '1.234' })).toEqual([
      'Use at most two decimal places, as in 250000.50',
    ]);
    expect(messages('you_build_it_you_run_it_setup_cost', { kind: 'amount', text: 'lots' })).toEqual([
      'Type an amount such as 10000',
    ]);
    expect(composeSetting('ops_run_it_setup_cost', { kind: 'amount', text: '£2,000.00' })).toBe('2000');
    expect(describeSetting('ops_run_it_setup_cost', '12500.5')).toBe('12,500.50');
  });
});

describe('working hours', () => {
  it('composes runs of days', () => {
    const week = (days: string, start = '08:00', end = '16:00') => ({
      kind: 'working_hours' as const,
      days: [...days].map((c) => c === 'x'),
      start,
      end,
    });
    expect(workingHours.compose(week('x.xxx..'))).toBe('mon,wed-fri 08:00-16:00');
    expect(workingHours.compose(week('xxxxxxx'))).toBe('mon-sun 08:00-16:00');
    expect(workingHours.compose(week('......x', '9:05', '23:59'))).toBe('sun 09:05-23:59');
    expect(workingHours.compose(week('x.x.x.x'))).toBe('mon,wed,fri,sun 08:00-16:00');
    expect(workingHours.compose(week('xxxxx..', '09:00:00', '17:30:00'))).toBe('mon-fri 09:00-17:30');
  });

  it('reads days and ranges, and describes them', () => {
    const d = workingHours.parse('mon,wed-fri 08:00-16:00')!;
    expect(d.days).toEqual([true, false, true, true, true, false, false]);
    expect(workingHours.compose(d)).toBe('mon,wed-fri 08:00-16:00');
    expect(workingHours.describe('mon,wed-fri 08:00-16:00')).toBe('Monday and Wednesday to Friday, 08:00 to 16:00');
    expect(workingHours.parse('Mon-Wed,Sat 9:00-17:00')!.days).toEqual([true, true, true, false, false, true, false]);
  });

  it('refuses a day that ends before it starts, no days, and times it cannot read', () => {
    const { problems } = change('working_hours', 'working_hours', (d) => {
      d.start = '17:30';
      d.end = '09:00';
    });
    expect(problems).toEqual(['The day must start before it ends']);
    expect(
      workingHours.check({ kind: 'working_hours', days: [false, false, false, false, false, false, false], start: '', end: '25:00' }),
    ).toEqual([
      { message: 'Choose at least one working day', field: 'days' },
      { message: 'Type the time the working day starts, such as 09:00', field: 'start' },
      { message: 'Type the time the working day ends, such as 17:30', field: 'end' },
    ]);
    expect(workingHours.parse('mon-fri 17:30-09:00')).toBeNull();
    expect(workingHours.parse('fri-mon 09:00-17:00')).toBeNull();
    expect(workingHours.parse('weekdays 09:00-17:00')).toBeNull();
  });
});

describe('date and currency', () => {
  it.each([
    ['', 'Choose a date'],
    ['26-04-01', 'Type a date such as 2026-04-01 (year, month, day)'],
    ['2026-13-01', 'That date does not exist: check the month and the day'],
    ['2027-02-29', 'That date does not exist: check the month and the day'],
    ['1899-12-31', 'Choose a year from 1900 to 9999'],
  ])('refuses the date %j: %s', (typed, message) => {
    expect(dateField.check({ kind: 'date', text: typed })).toEqual([{ message }]);
  });

  it('accepts a leap day', () => {
    expect(dateField.check({ kind: 'date', text: '2028-02-29' })).toEqual([]);
    expect(dateField.describe('2028-02-29')).toBe('29 February 2028');
  });

  it('reads a currency code in any case, or its symbol', () => {
    expect(currencyField.compose({ kind: 'currency', text: ' usd ' })).toBe('USD');
    expect(currencyField.compose({ kind: 'currency', text: '€' })).toBe('EUR');
    expect(currencyField.check({ kind: 'currency', text: 'pounds' })).toEqual([
      { message: 'Type a three-letter currency code such as GBP, USD or EUR' },
    ]);
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

  it('puts the settings in sections, unknown ones last', () => {
    const settings = [...DEFAULTS.map(([key]) => ({ key })), { key: 'loss_threshold_high' }];
    const groups = groupSettings(settings);
    expect(groups.map((g) => g.title)).toEqual([
      'Availability targets',
      'Deployment targets',
      'On-call pay',
      'Working week and planning year',
      'Cost split',
      'Premium assumptions',
      'Currency',
      'Other settings',
    ]);
    expect(groups.flatMap((g) => g.settings).length).toBe(settings.length);
    expect(groups[0].settings.map((s) => s.key)).toEqual(['exposure_bands', 'out_of_hours_levels']);
    expect(groupSettings([{ key: 'currency' }]).map((g) => g.id)).toEqual(['currency']);
  });

  it('puts the core’s refusal in plain words, without its key', () => {
    const plain = plainServerProblem(
      'exposure_bands',
      'Availability target by exposure',
      "setting exposure_bands: '7000=95,7000=99' is not valid; expected comma-separated BOUND=LEVEL pairs with distinct bounds, e.g. 7000=95.0,250000=99.0",
    );
    expect(plain).toBe(
      'That was not saved. Each band needs an upper bound of exposure per hour and an availability target above 0% and below 100%, and no two bands can share an upper bound.',
    );
    expect(plain).not.toContain('exposure_bands');
    const other = plainServerProblem('loss_threshold_high', 'High loss threshold', "setting loss_threshold_high: 'x' is not valid; expected an amount, e.g. 100000");
    expect(other).toBe('That was not saved. It should be an amount, e.g. 100000.');
    expect(plainServerProblem('callout_hours', 'Hours paid per callout', 'the workspace file is read-only')).toBe(
      'That was not saved: the workspace file is read-only',
    );
    expect(plainServerProblem('colour', 'Colour', "unknown setting 'colour'; the settings are: currency")).toBe(
      'This version of the planner does not know this setting, so it was not saved.',
    );
  });
});
