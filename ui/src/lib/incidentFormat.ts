// Pure helpers for the Incidents view: dates and durations as people read them, the datetime-local
// field and what is sent, the loss classes' words and colours, and the core's refusals beside the
// field they are about. No float touches an amount here.

import type { IncidentType, LossClass } from './bindings';
import { compareText } from './costsChanges';
import { modelLabels } from './format';

// ---------------------------------------------------------------------------------------------
// Dates and times

/** "2026-11-24T21:15", with optional seconds (and a fraction of one): as the core writes it and as a datetime-local field gives it. */
const LOCAL = /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A stored start ("2026-11-24T21:15:00") as a datetime-local value: "2026-11-24T21:15". Seconds are
 * kept only when they are not zero, so editing an imported incident never moves its start. Anything
 * else gives "" (the field is then empty and the person picks a time).
 */
export function toDatetimeLocal(startedAt: string): string {
  const m = LOCAL.exec(startedAt);
  if (!m) return '';
  const [, y, mo, d, h, mi, s] = m;
  return `${y}-${mo}-${d}T${h}:${mi}${s && s !== '00' ? `:${s}` : ''}`;
}

/**
 * What the field holds, as sent: "YYYY-MM-DDTHH:MM" (with ":SS" only for seconds other than zero).
 * Anything else is sent as typed, so the core refuses it in words beside the field.
 */
export function fromDatetimeLocal(value: string): string {
  return LOCAL.test(value) ? toDatetimeLocal(value) : value.trim();
}

/** A local time as a datetime-local value, to the minute: the default start of a new incident. */
export function datetimeLocalOf(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * When an incident that has lasted `minutes` so far started: now less the minutes, to the minute.
 * Minutes that are not a plain number give now.
 */
export function startedMinutesAgo(now: Date, minutes: string): string {
  const t = minutes.trim();
  const m = /^\d+(\.\d+)?$/.test(t) ? Number(t) : 0;
  return datetimeLocalOf(new Date(now.getTime() - Math.round(m * 60) * 1000));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * "2026-11-24T21:15:00" -> { date: "Tue 24 Nov 2026", time: "21:15" }: the weekday matters (in or out
 * of hours). Computed from the digits, never through the machine's time zone.
 */
export function formatStarted(startedAt: string): { date: string; time: string } {
  const m = LOCAL.exec(startedAt);
  if (!m) return { date: startedAt, time: '' };
  const [, y, mo, d, h, mi, s] = m;
  const month = Number(mo);
  const weekday = new Date(Date.UTC(Number(y), month - 1, Number(d))).getUTCDay();
  return {
    date: `${DAYS[weekday]} ${Number(d)} ${MONTHS[month - 1] ?? mo} ${y}`,
    time: `${h}:${mi}${s && s !== '00' ? `:${s}` : ''}`,
  };
}

/**
 * Minutes as the core gives them ("30", "100.8", "0.3333") for people: "30 min", "1 h 40.8 min",
 * "2 h". Exact: the whole minutes are split into hours, the fraction stays as written.
 */
export function formatDuration(minutes: string): string {
  const m = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(minutes);
  if (!m) return minutes;
  const whole = Number(m[1]);
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  const hours = Math.floor(whole / 60);
  const rest = `${whole % 60}${fraction ? `.${fraction}` : ''}`;
  if (hours === 0) return `${rest} min`;
  return rest === '0' ? `${hours.toLocaleString('en-GB')} h` : `${hours.toLocaleString('en-GB')} h ${rest} min`;
}

// ---------------------------------------------------------------------------------------------
// Classes

export const classLabels: Record<LossClass, string> = { high: 'High', medium: 'Medium', low: 'Low' };
export const typeLabels: Record<IncidentType, string> = { major: 'Major incident', minor: 'Minor incident' };

export interface ClassTone {
  background: string;
  text: string;
  border: string;
}

/** High red, Medium amber, Low neutral: each with text that reads at a glance on a projector. */
export const classTones: Record<LossClass, ClassTone> = {
  high: { background: '#a51d14', text: '#ffffff', border: '#6e120c' },
  medium: { background: '#f5b01a', text: '#1f1300', border: '#9a6400' },
  low: { background: '#e1e6ee', text: '#111c2b', border: '#64748b' },
};

/** WCAG contrast ratio of two "#rrggbb" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r, g, bl] = v.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// ---------------------------------------------------------------------------------------------
// Names

/** An operating model code in words: "ops_run_it" -> "Ops Run It"; any other name as it is. */
export function modelName(code: string): string {
  return code in modelLabels ? modelLabels[code as keyof typeof modelLabels] : code;
}

/** A group's row name for people: model codes in words, the core's "(no domain)" as "No domain". */
export function aggregateName(group: string, name: string): string {
  if (group === 'operating_model') return modelName(name);
  if (group === 'domain' && name === '(no domain)') return 'No domain';
  return name;
}

// ---------------------------------------------------------------------------------------------
// Refusals

/** Why a call was refused, whatever was thrown: `{code, message}` from the core, or text. */
export function refusalMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') return e.message;
  return typeof e === 'string' ? e : String(e);
}

export interface FieldProblems {
  /** Per field (the core's column name), in plain words. */
  fields: Record<string, string>;
  /** Lines about no field this form has. */
  other: string[];
}

/**
 * The core's refusal, one problem a line ("incident of 'bedroom', column duration_minutes: 'abc' is
 * not valid; expected minutes above 0 …"), split by the column it names, for the fields in `fields`
 * (a field may answer to several columns: `{ duration_minutes: ['duration_minutes', 'resolved_at'] }`).
 */
export function fieldProblems(message: string, fields: Record<string, readonly string[]>): FieldProblems {
  const out: FieldProblems = { fields: {}, other: [] };
  for (const line of message.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /(?:^|,\s*)column (\w+):\s*([\s\S]*)$/.exec(line);
    const field = m ? Object.keys(fields).find((f) => fields[f].includes(m[1])) : undefined;
    if (m && field) {
      const words = plainProblem(m[2]);
      out.fields[field] = out.fields[field] ? `${out.fields[field]} ${words}` : words;
    } else {
      out.other.push(line);
    }
  }
  return out;
}

/** "'abc' is not valid; expected X" -> "“abc” is not valid: expected X."; "empty; expected X" -> "Needed: X." */
export function plainProblem(text: string): string {
  const t = text.trim();
  const invalid = /^'([\s\S]*)' is not valid; expected ([\s\S]*)$/.exec(t);
  if (invalid) return `“${invalid[1]}” is not valid: expected ${stop(invalid[2])}`;
  const empty = /^empty; expected ([\s\S]*)$/.exec(t);
  if (empty) return `Needed: ${stop(empty[1])}`;
  return stop(t.charAt(0).toUpperCase() + t.slice(1));
}

const stop = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

// ---------------------------------------------------------------------------------------------
// The services to choose from

/**
 * The services' names in the reader's order, for the incident pickers. Returns a function that gives back the very
 * same array while no name is added, removed or changed: an edit to an exposure then costs one pass over the names,
 * not a sort of them all and a redrawn list of every option.
 */
export function sortedNames(): (services: readonly { name: string }[]) => string[] {
  let seen: string[] = [];
  let sorted: string[] = [];
  return (services) => {
    const names = services.map((s) => s.name);
    if (names.length === seen.length && names.every((n, i) => n === seen[i])) return sorted;
    seen = names;
    sorted = [...new Set(names)].sort(compareText);
    return sorted;
  };
}
