import { describe, expect, it } from 'vitest';
import { dateField, workingHours } from './calendar';
import { change } from './testing';

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
});
