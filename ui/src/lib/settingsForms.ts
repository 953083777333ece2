// The workspace settings in words people use. The Rust core stores each setting as one canonical string
// ("7000=95.0,250000=99.0,800000=99.9", "500/week", "mon-fri 09:00-17:30"); here each one is parsed into something
// a form can edit, checked in plain words, and composed back into exactly the string the core accepts.
// Pure TypeScript: no Svelte, no DOM, no floating-point arithmetic on amounts.

/** Something wrong with what was typed, in plain words; `row` (from 0) and `field` say which input it is about. */
export type Problem = { message: string; row?: number; field?: string };

export type Per = 'hour' | 'day' | 'week';
export type Cover = 'none' | 'domain' | 'team';
export type FrequencyChoice = 'daily' | 'weekly' | 'fortnightly' | 'monthly' | 'quarterly' | 'every';

export type ExposureRow = { bound: string; level: string };
export type DemandRow = { label: string; frequency: FrequencyChoice; days: string };
export type LevelRow = { level: string; cover: Cover };

/** One setting as a form edits it: what people typed, kept as typed until it is composed. */
export type Draft =
  | { kind: 'exposure_bands'; rows: ExposureRow[] }
  | { kind: 'demand_bands'; rows: DemandRow[] }
  | { kind: 'out_of_hours_levels'; rows: LevelRow[] }
  | { kind: 'working_hours'; days: boolean[]; start: string; end: string }
  | { kind: 'rate'; amount: string; per: Per }
  | { kind: 'choice'; value: string }
  | { kind: 'quantity'; text: string }
  | { kind: 'amount'; text: string }
  | { kind: 'date'; text: string }
  | { kind: 'currency'; text: string }
  | { kind: 'text'; text: string };

export type Kind = Draft['kind'];
export type DraftOf<K extends Kind> = Extract<Draft, { kind: K }>;

/** parse: canonical text to a form (null when the text is not in the form's canonical shape);
 *  compose: the form back to canonical text (meaningful once check finds nothing);
 *  check: what is wrong, in plain words; describe: a canonical value in words ("500 a week"). */
export interface Field<D extends Draft> {
  parse(value: string): D | null;
  compose(draft: D): string;
  check(draft: D): Problem[];
  describe(value: string): string;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers as people type them

type Read = { ok: true; value: string } | { ok: false; message: string };

/** "0070.50" -> "70.5", "7000." -> "7000", ".5" -> "0.5": a plain decimal without padding zeros. */
function normalise(plain: string): string {
  const [whole = '', fraction = ''] = plain.split('.');
  const w = whole.replace(/^0+(?=\d)/, '') || '0';
  const f = fraction.replace(/0+$/, '');
  return f ? `${w}.${f}` : w;
}

const places = (normalised: string) => (normalised.split('.')[1] ?? '').length;
const wholeDigits = (normalised: string) => normalised.split('.')[0].length;

/**
 * A plain decimal from what someone typed: spaces and thousands commas dropped ("250,000" or "250 000"),
 * and with `money` the symbols £ $ € too. Commas must group thousands, so "1,5" is refused rather than read as 15.
 */
function readDecimal(text: string, money: boolean): { ok: true; value: string } | { ok: false; why: 'empty' | 'negative' | 'commas' | 'nan' } {
  let t = text.replace(/\s+/g, '');
  if (money) t = t.replace(/[£$€]/g, '');
  if (t === '') return { ok: false, why: 'empty' };
  if (/^[-−–]/.test(t)) return { ok: false, why: 'negative' };
  if (t.startsWith('+')) t = t.slice(1);
  if (t.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) return { ok: false, why: 'commas' };
    t = t.replace(/,/g, '');
  }
  if (!/^(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false, why: 'nan' };
  return { ok: true, value: normalise(t) };
}

const COMMAS = 'Use commas only to group thousands, as in 250,000';

/** An amount of money as the core accepts it: zero or more, at most 2 decimal places, below a million million. */
export function readAmount(text: string, example = '7000 or 250000.50'): Read {
  const d = readDecimal(text, true);
  if (!d.ok) {
    if (d.why === 'negative') return { ok: false, message: 'Type an amount of zero or more' };
    if (d.why === 'commas') return { ok: false, message: COMMAS };
    return { ok: false, message: `Type an amount such as ${example}` };
  }
  if (places(d.value) > 2) return { ok: false, message: 'Use at most two decimal places, as in 250000.50' };
  if (wholeDigits(d.value) > 12) return { ok: false, message: 'Keep the amount below 1,000,000,000,000 (a million million)' };
  return { ok: true, value: d.value };
}

/** An availability target in per cent, above 0 and below 100 with at most 4 decimal places; written "95.0", "99.99". */
export function readLevel(text: string): Read {
  const d = readDecimal(text.replace(/%\s*$/, ''), false);
  if (!d.ok) {
    if (d.why === 'negative') return { ok: false, message: 'An availability target must be above 0% and below 100%' };
    return { ok: false, message: 'Type an availability target such as 99.9 (per cent)' };
  }
  const v = d.value;
  if (wholeDigits(v) > 2 || !/[1-9]/.test(v)) {
    return { ok: false, message: 'An availability target must be above 0% and below 100%' };
  }
  if (places(v) > 4) return { ok: false, message: 'Use at most four decimal places in a target, as in 99.9995' };
  return { ok: true, value: v.includes('.') ? v : `${v}.0` };
}

export type QuantitySpec = { unit: string; one: string; min: number; max: number; example: string };

/** A number of minutes, hours, people or years from `min` to `max`, at most 4 decimal places. */
export function readQuantity(text: string, spec: QuantitySpec): Read {
  const d = readDecimal(text, false);
  const range = `Choose a number of ${spec.unit} from ${spec.min} to ${spec.max.toLocaleString('en-GB')}`;
  if (!d.ok) {
    if (d.why === 'negative') return { ok: false, message: range };
    if (d.why === 'commas') return { ok: false, message: COMMAS };
    return { ok: false, message: `Type a number of ${spec.unit} such as ${spec.example}` };
  }
  if (places(d.value) > 4) return { ok: false, message: 'Use at most four decimal places' };
  // At most 4 places and 6 whole digits here: exact as a double.
  const n = Number(d.value);
  if (wholeDigits(d.value) > 9 || n < spec.min || n > spec.max) return { ok: false, message: range };
  return { ok: true, value: d.value };
}

/** Orders plain decimals ("7000" < "250000.5") without rounding: by whole digits, then digit by digit. */
export function compareDecimals(a: string, b: string): number {
  const [aw, af = ''] = a.split('.');
  const [bw, bf = ''] = b.split('.');
  if (aw.length !== bw.length) return aw.length - bw.length;
  const width = Math.max(af.length, bf.length);
  const x = aw + af.padEnd(width, '0');
  const y = bw + bf.padEnd(width, '0');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** "7000" -> "7,000", "250000.5" -> "250,000.50": a plain decimal amount for reading. */
function amountWords(value: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return value;
  const whole = m[1].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return m[2] ? `${whole}.${m[2].padEnd(2, '0')}` : whole;
}

/** A valid amount as the core writes it, or the text as it is. */
function amountText(text: string): string {
  const a = readAmount(text);
  return a.ok ? a.value : text.trim();
}

/** "99.90" -> "99.9%", "95" -> "95.0%": as the services table shows targets. */
function levelWords(value: string): string {
  const r = readLevel(value);
  return `${r.ok ? r.value : value}%`;
}

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

function listWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

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

// ---------------------------------------------------------------------------------------------------------------
// On-call pay

export type Choice = { value: string; label: string };

export const REMUNERATION_CHOICES: Choice[] = [
  { value: 'standby_only', label: 'Standby only' },
  { value: 'standby_and_callout', label: 'Standby and callout' },
  { value: 'callout_only', label: 'Callout only (not recommended)' },
];

export const SPLIT_CHOICES: Choice[] = [
  { value: 'exposure', label: 'In proportion to exposure' },
  { value: 'equal', label: 'Equally' },
];

/** One of a few words, shown as a select. */
export function choiceField(choices: Choice[]): Field<DraftOf<'choice'>> {
  const find = (v: string) => choices.find((c) => c.value === v.trim().toLowerCase());
  return {
    parse: (value) => {
      const c = find(value);
      return c ? { kind: 'choice', value: c.value } : null;
    },
    compose: (draft) => find(draft.value)?.value ?? draft.value.trim(),
    check: (draft) => (find(draft.value) ? [] : [{ message: 'Choose one of the options' }]),
    describe: (value) => find(value)?.label ?? value,
  };
}

export const remuneration = choiceField(REMUNERATION_CHOICES);
export const costSplit = choiceField(SPLIT_CHOICES);

export const PER_CHOICES: { value: Per; label: string }[] = [
  { value: 'hour', label: 'per hour' },
  { value: 'day', label: 'per day' },
  { value: 'week', label: 'per week' },
];

const perWords: Record<Per, string> = { hour: 'an hour', day: 'a day', week: 'a week' };

/** "600/week", "600 a week", "£600 per week" typed into the amount: the amount and the unit it names, if any. */
function splitRate(text: string): { amount: string; per: Per | null } {
  const m = /^(.*?)\s*(?:\/|\bper\b|\ban?\b)\s*(hour|day|week)s?\s*$/i.exec(text.trim());
  return m ? { amount: m[1], per: m[2].toLowerCase() as Per } : { amount: text, per: null };
}

/** An amount per hour, day or week; `hourOnly` for callout pay, which is always per hour. */
export function rateField(hourOnly: boolean): Field<DraftOf<'rate'>> {
  const field: Field<DraftOf<'rate'>> = {
    parse(value) {
      const at = value.indexOf('/');
      if (at < 0) return null;
      const per = value.slice(at + 1).trim().toLowerCase();
      const amount = value.slice(0, at).trim();
      if (!PER_CHOICES.some((p) => p.value === per) || (hourOnly && per !== 'hour') || !readAmount(amount).ok) return null;
      return { kind: 'rate', amount, per: per as Per };
    },
    compose(draft) {
      const typed = splitRate(draft.amount);
      const a = readAmount(typed.amount);
      const per = hourOnly ? 'hour' : (typed.per ?? draft.per);
      return `${a.ok ? a.value : typed.amount.trim()}/${per}`;
    },
    check(draft) {
      const typed = splitRate(draft.amount);
      const problems: Problem[] = [];
      const a = readAmount(typed.amount, hourOnly ? '75 or 62.50' : '500 or 62.50');
      if (!a.ok) problems.push({ message: a.message, field: 'amount' });
      if (hourOnly && typed.per && typed.per !== 'hour') {
        problems.push({ message: 'Callout is paid by the hour: type the amount for one hour', field: 'amount' });
      }
      if (!hourOnly && !typed.per && !PER_CHOICES.some((p) => p.value === draft.per)) {
        problems.push({ message: 'Choose per hour, per day or per week', field: 'per' });
      }
      return problems;
    },
    describe(value) {
      const d = field.parse(value);
      return d ? `${amountWords(amountText(d.amount))} ${perWords[d.per]}` : value;
    },
  };
  return field;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers with a unit, amounts, dates, currency

export function quantityField(spec: QuantitySpec): Field<DraftOf<'quantity'>> {
  return {
    parse: (value) => (readQuantity(value, spec).ok ? { kind: 'quantity', text: value.trim() } : null),
    compose(draft) {
      const q = readQuantity(draft.text, spec);
      return q.ok ? q.value : draft.text.trim();
    },
    check(draft) {
      const q = readQuantity(draft.text, spec);
      return q.ok ? [] : [{ message: q.message }];
    },
    describe(value) {
      const q = readQuantity(value, spec);
      if (!q.ok) return value;
      return `${Number(q.value).toLocaleString('en-GB', { maximumFractionDigits: 4 })} ${q.value === '1' ? spec.one : spec.unit}`;
    },
  };
}

export function amountField(example: string): Field<DraftOf<'amount'>> {
  return {
    parse: (value) => (readAmount(value).ok ? { kind: 'amount', text: value.trim() } : null),
    compose(draft) {
      const a = readAmount(draft.text);
      return a.ok ? a.value : draft.text.trim();
    },
    check(draft) {
      const a = readAmount(draft.text, example);
      return a.ok ? [] : [{ message: a.message }];
    },
    describe(value) {
      const a = readAmount(value);
      return a.ok ? amountWords(a.value) : value;
    },
  };
}

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

const CURRENCY_SYMBOLS: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR' };

/** Common codes offered as suggestions; any three capital letters are accepted. */
export const COMMON_CURRENCIES = ['GBP', 'EUR', 'USD', 'AUD', 'CAD', 'CHF', 'DKK', 'INR', 'JPY', 'NOK', 'NZD', 'SEK', 'SGD', 'ZAR'];

const currencyCode = (text: string) => CURRENCY_SYMBOLS[text.trim()] ?? text.trim().toUpperCase();

export const currencyField: Field<DraftOf<'currency'>> = {
  parse: (value) => (/^[A-Z]{3}$/.test(value.trim()) ? { kind: 'currency', text: value.trim() } : null),
  compose: (draft) => currencyCode(draft.text),
  check: (draft) =>
    /^[A-Z]{3}$/.test(currencyCode(draft.text))
      ? []
      : [{ message: 'Type a three-letter currency code such as GBP, USD or EUR' }],
  describe: (value) => value,
};

/** Any other setting, as the plain text the core reads. */
export const textField: Field<DraftOf<'text'>> = {
  parse: (value) => ({ kind: 'text', text: value }),
  compose: (draft) => draft.text.trim(),
  check: (draft) => (draft.text.trim() ? [] : [{ message: 'Type a value' }]),
  describe: (value) => value,
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

// ---------------------------------------------------------------------------------------------------------------
// Every setting: its editor, its title and help in plain words, and the sections of the page

const minutes = (example: string): QuantitySpec => ({ unit: 'minutes', one: 'minute', min: 0, max: 100000, example });

const FIELDS: Record<string, Field<Draft>> = {
  currency: currencyField,
  exposure_bands: exposureBands,
  demand_bands: demandBands,
  out_of_hours_levels: outOfHoursLevels,
  remuneration_model: remuneration,
  developer_standby_rate: rateField(false),
  developer_callout_rate: rateField(true),
  app_support_standby_rate: rateField(false),
  app_support_callout_rate: rateField(true),
  callout_hours: quantityField({ unit: 'hours', one: 'hour', min: 0, max: 24, example: '2 or 1.5' }),
  working_hours: workingHours,
  planning_year_start: dateField,
  schedule_cost_split: costSplit,
  callout_people: quantityField({ unit: 'people', one: 'person', min: 0, max: 1000, example: '1 or 2' }),
  ops_run_it_time_to_acknowledge_minutes: quantityField(minutes('20')),
  ops_run_it_time_to_restore_minutes: quantityField(minutes('120')),
  ops_run_it_setup_cost: amountField('2000'),
  you_build_it_you_run_it_time_to_acknowledge_minutes: quantityField(minutes('5')),
  you_build_it_you_run_it_time_to_restore_minutes: quantityField(minutes('30')),
  you_build_it_you_run_it_setup_cost: amountField('10000'),
  setup_amortisation_years: quantityField({ unit: 'years', one: 'year', min: 1, max: 100, example: '3' }),
} as unknown as Record<string, Field<Draft>>;

/** The unit shown after a number's input. */
export const UNITS: Record<string, string> = {
  callout_hours: 'hours per callout',
  callout_people: 'people per incident',
  ops_run_it_time_to_acknowledge_minutes: 'minutes',
  ops_run_it_time_to_restore_minutes: 'minutes',
  you_build_it_you_run_it_time_to_acknowledge_minutes: 'minutes',
  you_build_it_you_run_it_time_to_restore_minutes: 'minutes',
  setup_amortisation_years: 'years',
  ops_run_it_setup_cost: 'per service, once',
  you_build_it_you_run_it_setup_cost: 'per service, once',
};

/** Callout pay is always per hour. */
export const isHourOnly = (key: string) => key === 'developer_callout_rate' || key === 'app_support_callout_rate';

export const choicesFor = (key: string): Choice[] =>
  key === 'remuneration_model' ? REMUNERATION_CHOICES : key === 'schedule_cost_split' ? SPLIT_CHOICES : [];

function fieldFor(key: string, draft?: Draft): Field<Draft> {
  if (draft?.kind === 'text') return textField as unknown as Field<Draft>;
  return FIELDS[key] ?? (textField as unknown as Field<Draft>);
}

/** Whether the setting has an editor of its own (unknown keys get a plain text field). */
export const isKnown = (key: string) => key in FIELDS;

/** The stored value as a form; a value the form cannot read falls back to plain text, so nothing breaks. */
export function parseSetting(key: string, value: string): Draft {
  return fieldFor(key).parse(value) ?? { kind: 'text', text: value };
}

export const composeSetting = (key: string, draft: Draft): string => fieldFor(key, draft).compose(draft);
export const checkSetting = (key: string, draft: Draft): Problem[] => fieldFor(key, draft).check(draft);
export const describeSetting = (key: string, value: string): string => fieldFor(key).describe(value);

type Words = { title: string; help: string };

const WORDS: Record<string, Words> = {
  exposure_bands: {
    title: 'Availability target by exposure',
    help: 'A service takes the target of the first band whose upper bound is at or above its exposure per hour. Above the highest band it takes the highest band’s target, and is flagged.',
  },
  out_of_hours_levels: {
    title: 'Who is on call out of hours',
    help: 'For You Build It You Run It services. A service takes the row with the highest availability target at or below its own; below every row, nobody is on call.',
  },
  demand_bands: {
    title: 'Deployment target by feature demand',
    help: 'Each level of feature demand, from least to most, and how often a service with that demand should deploy. Services choose one of these labels.',
  },
  remuneration_model: {
    title: 'How people on call are paid',
    help: 'Standby pay is for being available out of hours; callout pay is for the hours worked when called out.',
  },
  developer_standby_rate: { title: 'Developer standby pay', help: 'Paid to a developer for being on call.' },
  developer_callout_rate: { title: 'Developer callout pay', help: 'Paid to a developer for each hour worked on a callout.' },
  app_support_standby_rate: { title: 'Application support standby pay', help: 'Paid to someone on the application support rota for being on call.' },
  app_support_callout_rate: { title: 'Application support callout pay', help: 'Paid for each hour worked on a callout.' },
  callout_hours: { title: 'Hours paid per callout', help: 'From 0 to 24.' },
  callout_people: { title: 'People called out per incident', help: 'From 0 to 1,000.' },
  working_hours: { title: 'Working hours', help: 'Any time outside these hours is out of hours.' },
  planning_year_start: { title: 'Planning year starts on', help: 'Budgets cover the twelve months from this date.' },
  schedule_cost_split: {
    title: 'How a shared schedule’s cost is split',
    help: 'When one on-call schedule covers several services, its cost is split between them.',
  },
  ops_run_it_time_to_acknowledge_minutes: { title: 'Ops Run It: time to acknowledge an incident', help: '' },
  ops_run_it_time_to_restore_minutes: { title: 'Ops Run It: time to restore service', help: '' },
  ops_run_it_setup_cost: { title: 'Ops Run It: setup cost', help: 'A one-off cost for each service.' },
  you_build_it_you_run_it_time_to_acknowledge_minutes: { title: 'You Build It You Run It: time to acknowledge an incident', help: '' },
  you_build_it_you_run_it_time_to_restore_minutes: { title: 'You Build It You Run It: time to restore service', help: '' },
  you_build_it_you_run_it_setup_cost: { title: 'You Build It You Run It: setup cost', help: 'A one-off cost for each service.' },
  setup_amortisation_years: { title: 'Spread setup costs over', help: 'From 1 to 100 years.' },
  currency: { title: 'Currency', help: 'Every amount in this workspace is in this currency: changing it converts nothing.' },
};

/** A setting's title and help; an unknown one keeps the label the core gives it. */
export function wordsFor(key: string, label: string): Words {
  return WORDS[key] ?? { title: label, help: '' };
}

export type Section = { id: string; title: string; intro: string; keys: string[] };

export const SECTIONS: Section[] = [
  {
    id: 'availability',
    title: 'Availability targets',
    intro: 'How much availability a service needs, from how much money it makes or saves an hour, and who is on call out of hours to keep it.',
    keys: ['exposure_bands', 'out_of_hours_levels'],
  },
  {
    id: 'deployment',
    title: 'Deployment targets',
    intro: 'How often a service should deploy, from how much demand there is for new features.',
    keys: ['demand_bands'],
  },
  {
    id: 'pay',
    title: 'On-call pay',
    intro: 'What people on call out of hours are paid.',
    keys: [
      'remuneration_model',
      'developer_standby_rate',
      'developer_callout_rate',
      'app_support_standby_rate',
      'app_support_callout_rate',
      'callout_hours',
      'callout_people',
    ],
  },
  {
    id: 'calendar',
    title: 'Working week and planning year',
    intro: 'When people are at work, and when the year you plan for begins.',
    keys: ['working_hours', 'planning_year_start'],
  },
  {
    id: 'split',
    title: 'Cost split',
    intro: 'How on-call costs are shared between services.',
    keys: ['schedule_cost_split'],
  },
  {
    id: 'premiums',
    title: 'Premium assumptions',
    intro: 'What each operating model is assumed to achieve and cost, used in every premium comparison.',
    keys: [
      'ops_run_it_time_to_acknowledge_minutes',
      'ops_run_it_time_to_restore_minutes',
      'ops_run_it_setup_cost',
      'you_build_it_you_run_it_time_to_acknowledge_minutes',
      'you_build_it_you_run_it_time_to_restore_minutes',
      'you_build_it_you_run_it_setup_cost',
      'setup_amortisation_years',
    ],
  },
  {
    id: 'currency',
    title: 'Currency',
    intro: 'The currency every amount is in.',
    keys: ['currency'],
  },
];

/** The settings in their sections, in the sections' order; any the sections do not name go under "Other settings". */
export function groupSettings<S extends { key: string }>(settings: S[]): (Section & { settings: S[] })[] {
  const byKey = new Map(settings.map((s) => [s.key, s]));
  const named = new Set(SECTIONS.flatMap((s) => s.keys));
  const groups = SECTIONS.map((section) => ({
    ...section,
    settings: section.keys.flatMap((k) => {
      const s = byKey.get(k);
      return s ? [s] : [];
    }),
  }));
  const others = settings.filter((s) => !named.has(s.key));
  if (others.length) groups.push({ id: 'other', title: 'Other settings', intro: '', keys: others.map((s) => s.key), settings: others });
  return groups.filter((g) => g.settings.length > 0);
}

// ---------------------------------------------------------------------------------------------------------------
// The core's refusals, in plain words

const EXPECTED: Record<string, string> = {
  currency: 'Use a three-letter currency code such as GBP, USD or EUR.',
  exposure_bands:
    'Each band needs an upper bound of exposure per hour and an availability target above 0% and below 100%, and no two bands can share an upper bound.',
  demand_bands: 'Each band needs its own label and how often to deploy.',
  out_of_hours_levels: 'Each row needs its own availability target, above 0% and below 100%, and who is on call.',
  remuneration_model: 'Choose one of the options.',
  schedule_cost_split: 'Choose one of the options.',
  developer_standby_rate: 'Type an amount and choose per hour, per day or per week.',
  app_support_standby_rate: 'Type an amount and choose per hour, per day or per week.',
  developer_callout_rate: 'Type an amount for one hour.',
  app_support_callout_rate: 'Type an amount for one hour.',
  callout_hours: 'Use a number of hours from 0 to 24, with at most four decimal places.',
  callout_people: 'Use a number of people from 0 to 1,000.',
  working_hours: 'Choose at least one working day, and a start time before the end time.',
  planning_year_start: 'Choose a date from the year 1900 onwards.',
  setup_amortisation_years: 'Use a number of years from 1 to 100.',
  ops_run_it_time_to_acknowledge_minutes: 'Use a number of minutes from 0 to 100,000.',
  ops_run_it_time_to_restore_minutes: 'Use a number of minutes from 0 to 100,000.',
  you_build_it_you_run_it_time_to_acknowledge_minutes: 'Use a number of minutes from 0 to 100,000.',
  you_build_it_you_run_it_time_to_restore_minutes: 'Use a number of minutes from 0 to 100,000.',
  ops_run_it_setup_cost: 'Use an amount of zero or more, with at most two decimal places.',
  you_build_it_you_run_it_setup_cost: 'Use an amount of zero or more, with at most two decimal places.',
};

/**
 * The core's message ("setting exposure_bands: '7000=95,7000=99' is not valid; expected …") for people: without
 * internal keys, and saying what the value must be in the words of the form where the setting is known.
 */
export function plainServerProblem(key: string, label: string, message: string): string {
  const invalid = /^setting \S+: '[\s\S]*' is not valid; expected ([\s\S]*)$/.exec(message.trim());
  if (invalid) {
    const expected = EXPECTED[key] ?? `It should be ${invalid[1].trim().replace(/\.$/, '')}.`;
    return `That was not saved. ${expected}`;
  }
  if (/^unknown setting/.test(message.trim())) return 'This version of the planner does not know this setting, so it was not saved.';
  const plain = message.replace(new RegExp(`\\bsetting ${escapeRegExp(key)}\\b:?\\s*`, 'g'), '').split(key).join(label);
  return `That was not saved: ${plain}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
