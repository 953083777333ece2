// The working week ("mon-fri 09:00-17:30") and the date the planning year starts.

import type { Read } from './numbers';
import type { DraftOf, Field, Problem } from './types';

// ---------------------------------------------------------------------------------------------------------------
// Planning year start

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function readDate(text: string): Read {
  const t = text.trim();
  if (!t) return { ok: false, message: 'Choose a date' };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return { ok: false, message: 'Type a date such as 2026-04-01 (year, month, day)' };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: 'That date does not exist: check the month and the day' };
  }
  if (y < 1900) return { ok: false, message: 'Choose a year from 1900 to 9999' };
  return { ok: true, value: t };
}

export const dateField: Field<DraftOf<'date'>> = {
  parse: (value) => (readDate(value).ok ? { kind: 'date', text: value.trim() } : null),
  compose: (draft) => draft.text.trim(),
  check(draft) {
    const d = readDate(draft.text);
    return d.ok ? [] : [{ message: d.message }];
  },
  describe(value) {
    if (!readDate(value).ok) return value;
    const [y, m, d] = value.trim().split('-').map(Number);
    return `${d} ${MONTHS[m - 1]} ${y}`;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Working week

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "9:00", "09:00" or "09:00:00" (a time input with seconds) -> "09:00"; null when it is not a time of day. */
function readTime(text: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

/** Runs of working days, Monday first: [[0, 4]] for mon-fri. */
function runs(days: boolean[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < 7; i++) {
    if (!days[i]) continue;
    const start = i;
    while (i + 1 < 7 && days[i + 1]) i++;
    out.push([start, i]);
  }
  return out;
}

function listWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export const workingHours: Field<DraftOf<'working_hours'>> = {
  parse(value) {
    const t = value.trim().toLowerCase();
    const space = t.indexOf(' ');
    if (space < 0) return null;
    const days = [false, false, false, false, false, false, false];
    const index = (name: string) => DAYS.indexOf(name.trim() as (typeof DAYS)[number]);
    for (const part of t.slice(0, space).split(',')) {
      const dash = part.indexOf('-');
      if (dash >= 0) {
        const [a, b] = [index(part.slice(0, dash)), index(part.slice(dash + 1))];
        if (a < 0 || b < 0 || a > b) return null;
        for (let d = a; d <= b; d++) days[d] = true;
      } else {
        const d = index(part);
        if (d < 0) return null;
        days[d] = true;
      }
    }
    const times = t.slice(space + 1).trim();
    const dash = times.indexOf('-');
    if (dash < 0) return null;
    const start = readTime(times.slice(0, dash));
    const end = readTime(times.slice(dash + 1));
    if (!start || !end || start >= end) return null;
    return { kind: 'working_hours', days, start, end };
  },
  compose(draft) {
    const days = runs(draft.days)
      .map(([a, b]) => (a === b ? DAYS[a] : `${DAYS[a]}-${DAYS[b]}`))
      .join(',');
    return `${days} ${readTime(draft.start) ?? draft.start.trim()}-${readTime(draft.end) ?? draft.end.trim()}`;
  },
  check(draft) {
    const problems: Problem[] = [];
    if (!draft.days.some(Boolean)) problems.push({ message: 'Choose at least one working day', field: 'days' });
    const start = readTime(draft.start);
    const end = readTime(draft.end);
    if (!start) problems.push({ message: 'Type the time the working day starts, such as 09:00', field: 'start' });
    if (!end) problems.push({ message: 'Type the time the working day ends, such as 17:30', field: 'end' });
    if (start && end && start >= end) problems.push({ message: 'The day must start before it ends', field: 'end' });
    return problems;
  },
  describe(value) {
    const d = workingHours.parse(value);
    if (!d) return value;
    const parts = runs(d.days).map(([a, b]) => (a === b ? DAY_NAMES[a] : `${DAY_NAMES[a]} to ${DAY_NAMES[b]}`));
    return `${listWords(parts)}, ${d.start} to ${d.end}`;
  },
};
