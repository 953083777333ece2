import { describe, expect, it } from 'vitest';
import { demandBands, exposureBands, outOfHoursLevels } from './bands';
import { change } from './testing';
import type { DraftOf } from './types';

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
