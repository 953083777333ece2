import { describe, expect, it } from 'vitest';
import {
  aggregateName,
  classTones,
  contrastRatio,
  datetimeLocalOf,
  fieldProblems,
  formatDuration,
  formatStarted,
  fromDatetimeLocal,
  modelName,
  plainProblem,
  sortedNames,
  refusalMessage,
  startedMinutesAgo,
  toDatetimeLocal,
} from './incidentFormat';

describe('datetime-local and what is sent', () => {
  it('shows a stored start to the minute, keeping seconds only when they are not zero', () => {
    expect(toDatetimeLocal('2026-11-24T21:15:00')).toBe('2026-11-24T21:15');
    expect(toDatetimeLocal('2026-11-24T21:15')).toBe('2026-11-24T21:15');
    expect(toDatetimeLocal('2026-11-24T21:15:30')).toBe('2026-11-24T21:15:30');
    expect(toDatetimeLocal('2026-11-24 08:05:00.000')).toBe('2026-11-24T08:05');
    expect(toDatetimeLocal('yesterday')).toBe('');
  });

  it('sends "YYYY-MM-DDTHH:MM"', () => {
    expect(fromDatetimeLocal('2026-11-24T21:15')).toBe('2026-11-24T21:15');
    expect(fromDatetimeLocal('2026-11-24T21:15:00')).toBe('2026-11-24T21:15');
    expect(fromDatetimeLocal('2026-11-24T21:15:00.000')).toBe('2026-11-24T21:15');
    expect(fromDatetimeLocal('2026-11-24T21:15:42')).toBe('2026-11-24T21:15:42');
  });

  it('sends anything else as typed, for the core to refuse in words', () => {
    expect(fromDatetimeLocal('')).toBe('');
    expect(fromDatetimeLocal(' 24/11/2026 ')).toBe('24/11/2026');
  });

  it('round-trips a field value', () => {
    for (const v of ['2026-01-01T00:00', '2027-12-31T23:59', '2026-03-29T01:30']) {
      expect(toDatetimeLocal(fromDatetimeLocal(v))).toBe(v);
    }
  });

  it('gives the local time now, and an incident started minutes ago', () => {
    const now = new Date(2026, 10, 24, 21, 45, 20);
    expect(datetimeLocalOf(now)).toBe('2026-11-24T21:45');
    expect(startedMinutesAgo(now, '30')).toBe('2026-11-24T21:15');
    expect(startedMinutesAgo(now, '90')).toBe('2026-11-24T20:15');
    expect(startedMinutesAgo(new Date(2026, 0, 1, 0, 10), '20')).toBe('2025-12-31T23:50');
    expect(startedMinutesAgo(now, 'abc')).toBe('2026-11-24T21:45');
    expect(startedMinutesAgo(now, '')).toBe('2026-11-24T21:45');
  });
});

describe('dates and durations for people', () => {
  it('names the weekday, from the digits alone', () => {
    expect(formatStarted('2026-11-24T21:15:00')).toEqual({ date: 'Tue 24 Nov 2026', time: '21:15' });
    expect(formatStarted('2027-01-02T09:05:30')).toEqual({ date: 'Sat 2 Jan 2027', time: '09:05:30' });
    expect(formatStarted('not a date')).toEqual({ date: 'not a date', time: '' });
  });

  it('splits minutes into hours exactly', () => {
    expect(formatDuration('30')).toBe('30 min');
    expect(formatDuration('0.3333')).toBe('0.3333 min');
    expect(formatDuration('60')).toBe('1 h');
    expect(formatDuration('90')).toBe('1 h 30 min');
    expect(formatDuration('100.8')).toBe('1 h 40.8 min');
    expect(formatDuration('120.50')).toBe('2 h 0.5 min');
    expect(formatDuration('525600')).toBe('8,760 h');
    expect(formatDuration('x')).toBe('x');
  });
});

describe('classes', () => {
  it('reads at a glance: at least 7:1 (AAA) between text and fill, High red, Medium amber, Low neutral', () => {
    for (const tone of Object.values(classTones)) {
      expect(contrastRatio(tone.text, tone.background)).toBeGreaterThanOrEqual(7);
    }
    expect(classTones.high.background).toBe('#a51d14');
  });

  it('computes contrast like WCAG', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });
});

describe('names', () => {
  it('writes model codes as words', () => {
    expect(modelName('ops_run_it')).toBe('Ops Run It');
    expect(modelName('you_build_it_you_run_it')).toBe('You Build It You Run It');
    expect(modelName('bedroom')).toBe('bedroom');
    expect(aggregateName('operating_model', 'you_build_it_you_run_it')).toBe('You Build It You Run It');
    expect(aggregateName('domain', '(no domain)')).toBe('No domain');
    expect(aggregateName('team', 'ops_run_it')).toBe('ops_run_it');
  });
});

describe('refusals beside their field', () => {
  const form = { service: ['service'], started: ['started_at'], duration: ['duration_minutes', 'resolved_at'], loss: ['loss'] };

  it('puts each line by the column it names', () => {
    const message = [
      "incident of 'bedroom', column started_at: empty; expected a date and time such as 2026-11-24T21:15",
      "incident of 'bedroom', column duration_minutes: 'abc' is not valid; expected minutes above 0, such as 30 or 12.5",
    ].join('\n');
    const p = fieldProblems(message, form);
    expect(p.fields.started).toBe('Needed: a date and time such as 2026-11-24T21:15.');
    expect(p.fields.duration).toBe('“abc” is not valid: expected minutes above 0, such as 30 or 12.5.');
    expect(p.fields.service).toBeUndefined();
    expect(p.other).toEqual([]);
  });

  it('reads the live calculation’s refusals', () => {
    const p = fieldProblems("column minutes: 'abc' is not valid; expected minutes so far, 0 or more, such as 30 or 12.5", {
      minutes: ['minutes'],
    });
    expect(p.fields.minutes).toBe('“abc” is not valid: expected minutes so far, 0 or more, such as 30 or 12.5.');
  });

  it('keeps lines about no field of the form', () => {
    const p = fieldProblems('workspace database: locked\ncolumn colour: \'x\' is not valid; expected red', form);
    expect(p.fields).toEqual({});
    expect(p.other).toEqual(['workspace database: locked', "column colour: 'x' is not valid; expected red"]);
  });

  it('words other text as a sentence', () => {
    expect(plainProblem('no incident 7')).toBe('No incident 7.');
    expect(plainProblem("'-5' is not valid; expected an amount that is not negative")).toBe(
      '“-5” is not valid: expected an amount that is not negative.',
    );
  });

  it('takes the message from whatever was thrown', () => {
    expect(refusalMessage({ code: 'invalid_input', message: 'column loss: bad' })).toBe('column loss: bad');
    expect(refusalMessage('plain')).toBe('plain');
    expect(refusalMessage(42)).toBe('42');
  });
});

describe('sortedNames', () => {
  it('sorts once, digits as numbers, and gives the same array back until a name changes', () => {
    const names = sortedNames();
    const a = names([{ name: 'svc-10' }, { name: 'svc-2' }, { name: 'Bedroom' }]);
    expect(a).toEqual(['Bedroom', 'svc-2', 'svc-10']);
    expect(names([{ name: 'svc-10' }, { name: 'svc-2' }, { name: 'Bedroom' }])).toBe(a);
    const renamed = names([{ name: 'svc-10' }, { name: 'svc-3' }, { name: 'Bedroom' }]);
    expect(renamed).not.toBe(a);
    expect(renamed).toEqual(['Bedroom', 'svc-3', 'svc-10']);
    expect(names([{ name: 'svc-10' }, { name: 'svc-3' }])).toEqual(['svc-3', 'svc-10']);
  });
});
