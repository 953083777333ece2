// The three tables of bands: exposure bands and out-of-hours levels (availability), and demand bands (deployment
// targets). Each is canonical "A=B,C=D" text, edited one row at a time.

import { amountText, amountWords, compareDecimals, levelWords, readAmount, readLevel, type Read } from './numbers';
import type { Cover, DemandRow, DraftOf, Field, FrequencyChoice, LevelRow, Problem } from './types';

/** Splits canonical "A=B,C=D" into trimmed pairs, or null. */
function pairs(value: string): [string, string][] | null {
  const out: [string, string][] = [];
  for (const part of value.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) return null;
    out.push([part.slice(0, at).trim(), part.slice(at + 1).trim()]);
  }
  return out;
}

/** "Band 2: " before a message about one row. */
const rowProblem = (noun: string, row: number, field: string, message: string): Problem => ({
  message: `${noun} ${row + 1}: ${message}`,
  row,
  field,
});

// ---------------------------------------------------------------------------------------------------------------
// Availability: exposure bands and out-of-hours levels

/** Upper bound of exposure per hour and the availability target for services up to it. */
export const exposureBands: Field<DraftOf<'exposure_bands'>> = {
  parse(value) {
    const p = pairs(value.trim());
    if (!p || p.length === 0) return null;
    const rows = p.map(([bound, level]) => ({ bound, level }));
    const ok = rows.every((r) => readAmount(r.bound).ok && readLevel(r.level).ok);
    return ok ? { kind: 'exposure_bands', rows } : null;
  },
  compose(draft) {
    const rows = draft.rows.map((r) => {
      const b = readAmount(r.bound);
      const l = readLevel(r.level);
      return { bound: b.ok ? b.value : r.bound.trim(), level: l.ok ? l.value : r.level.trim() };
    });
    rows.sort((a, b) => compareDecimals(a.bound, b.bound));
    return rows.map((r) => `${r.bound}=${r.level}`).join(',');
  },
  check(draft) {
    const problems: Problem[] = [];
    if (draft.rows.length === 0) problems.push({ message: 'Keep at least one band' });
    const seen = new Map<string, number>();
    draft.rows.forEach((r, i) => {
      const b = readAmount(r.bound);
      if (!b.ok) problems.push(rowProblem('Band', i, 'bound', b.message));
      else {
        const first = seen.get(b.value);
        if (first === undefined) seen.set(b.value, i);
        else
          problems.push({
            message: `Each band needs a different upper bound (bands ${first + 1} and ${i + 1} are both ${amountWords(b.value)})`,
            row: i,
            field: 'bound',
          });
      }
      const l = readLevel(r.level);
      if (!l.ok) problems.push(rowProblem('Band', i, 'level', l.message));
    });
    return problems;
  },
  describe(value) {
    const d = exposureBands.parse(value);
    if (!d) return value;
    return d.rows.map((r) => `up to ${amountWords(amountText(r.bound))} an hour: ${levelWords(r.level)}`).join('; ');
  },
};

export const COVER_CHOICES: { value: Cover; label: string }[] = [
  { value: 'none', label: 'Nobody (no out-of-hours cover)' },
  { value: 'domain', label: 'Domain schedule (shared by sibling teams)' },
  { value: 'team', label: 'Team schedule' },
];

const coverWords = (c: Cover) => COVER_CHOICES.find((x) => x.value === c)?.label ?? c;

/** For You Build It You Run It services: who is on call out of hours at each availability target. */
export const outOfHoursLevels: Field<DraftOf<'out_of_hours_levels'>> = {
  parse(value) {
    const p = pairs(value.trim());
    if (!p || p.length === 0) return null;
    const rows: LevelRow[] = [];
    for (const [level, cover] of p) {
      const c = cover.toLowerCase();
      if (!readLevel(level).ok || !COVER_CHOICES.some((x) => x.value === c)) return null;
      rows.push({ level, cover: c as Cover });
    }
    return { kind: 'out_of_hours_levels', rows };
  },
  compose(draft) {
    const rows = draft.rows.map((r) => {
      const l = readLevel(r.level);
      return { level: l.ok ? l.value : r.level.trim(), cover: r.cover };
    });
    rows.sort((a, b) => compareDecimals(a.level, b.level));
    return rows.map((r) => `${r.level}=${r.cover}`).join(',');
  },
  check(draft) {
    const problems: Problem[] = [];
    if (draft.rows.length === 0) problems.push({ message: 'Keep at least one row' });
    const seen = new Map<string, number>();
    draft.rows.forEach((r, i) => {
      const l = readLevel(r.level);
      if (!l.ok) problems.push(rowProblem('Row', i, 'level', l.message));
      else {
        const first = seen.get(l.value);
        if (first === undefined) seen.set(l.value, i);
        else
          problems.push({
            message: `Each row needs a different availability target (rows ${first + 1} and ${i + 1} are both ${l.value}%)`,
            row: i,
            field: 'level',
          });
      }
      if (!COVER_CHOICES.some((x) => x.value === r.cover)) {
        problems.push(rowProblem('Row', i, 'cover', 'Choose who is on call'));
      }
    });
    return problems;
  },
  describe(value) {
    const d = outOfHoursLevels.parse(value);
    if (!d) return value;
    return d.rows.map((r) => `${levelWords(r.level)}: ${coverWords(r.cover).replace(/ \(.*\)$/, '').toLowerCase()}`).join('; ');
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Deployment targets: demand bands

export const FREQUENCY_CHOICES: { value: FrequencyChoice; label: string; days: number }[] = [
  { value: 'daily', label: 'Daily', days: 1 },
  { value: 'weekly', label: 'Weekly', days: 7 },
  { value: 'fortnightly', label: 'Fortnightly', days: 14 },
  { value: 'monthly', label: 'Monthly', days: 30 },
  { value: 'quarterly', label: 'Quarterly', days: 91 },
  { value: 'every', label: 'Every N days', days: 0 },
];

function parseFrequency(text: string): { frequency: FrequencyChoice; days: string } | null {
  const t = text.trim().toLowerCase();
  const named = FREQUENCY_CHOICES.find((c) => c.value !== 'every' && c.value === t);
  if (named) return { frequency: named.value, days: '' };
  const m = /^every\s+(\d+)\s*(?:days?)?$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 366 ? { frequency: 'every', days: String(n) } : null;
}

function readDays(text: string): Read {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 366) {
    return { ok: false, message: 'Type a whole number of days from 1 to 366' };
  }
  return { ok: true, value: String(Number(t)) };
}

/** "every 7 days" is written "weekly", as the core writes it. */
function frequencyText(row: DemandRow): string {
  if (row.frequency !== 'every') return row.frequency;
  const d = readDays(row.days);
  if (!d.ok) return `every ${row.days.trim()} days`;
  const named = FREQUENCY_CHOICES.find((c) => c.value !== 'every' && String(c.days) === d.value);
  return named ? named.value : `every ${d.value} days`;
}

const titleCase = (s: string) => s.replace(/(^|\s)(\S)/g, (_, space: string, c: string) => space + c.toUpperCase());

/** Levels of feature demand, least first, each with how often a service at that level should deploy. */
export const demandBands: Field<DraftOf<'demand_bands'>> = {
  parse(value) {
    const p = pairs(value.trim());
    if (!p || p.length === 0) return null;
    const rows: DemandRow[] = [];
    for (const [label, frequency] of p) {
      const f = parseFrequency(frequency);
      if (!label || !f) return null;
      rows.push({ label, ...f });
    }
    return { kind: 'demand_bands', rows };
  },
  compose(draft) {
    return draft.rows.map((r) => `${r.label.trim().toLowerCase()}=${frequencyText(r)}`).join(',');
  },
  check(draft) {
    const problems: Problem[] = [];
    if (draft.rows.length === 0) problems.push({ message: 'Keep at least one band' });
    const seen = new Map<string, number>();
    draft.rows.forEach((r, i) => {
      const label = r.label.trim().toLowerCase();
      if (!label) problems.push(rowProblem('Band', i, 'label', 'Give the band a label, such as high'));
      else if (/[,=]/.test(label)) {
        problems.push(rowProblem('Band', i, 'label', 'A label cannot contain a comma or an equals sign'));
      } else {
        const first = seen.get(label);
        if (first === undefined) seen.set(label, i);
        else
          problems.push({
            message: `Each band needs a different label (bands ${first + 1} and ${i + 1} are both “${label}”)`,
            row: i,
            field: 'label',
          });
      }
      if (!FREQUENCY_CHOICES.some((c) => c.value === r.frequency)) {
        problems.push(rowProblem('Band', i, 'frequency', 'Choose how often to deploy'));
      } else if (r.frequency === 'every') {
        const d = readDays(r.days);
        if (!d.ok) problems.push(rowProblem('Band', i, 'days', d.message));
      }
    });
    return problems;
  },
  describe(value) {
    const d = demandBands.parse(value);
    if (!d) return value;
    return d.rows.map((r) => `${titleCase(r.label)}: ${frequencyText(r)}`).join('; ');
  },
};
