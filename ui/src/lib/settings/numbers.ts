// Numbers as people type them: amounts of money, availability targets and quantities read into the plain decimals
// the core accepts, and written back in words. No floating-point arithmetic on amounts.

export type Read = { ok: true; value: string } | { ok: false; message: string };

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
export function amountWords(value: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return value;
  const whole = m[1].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return m[2] ? `${whole}.${m[2].padEnd(2, '0')}` : whole;
}

/** A valid amount as the core writes it, or the text as it is. */
export function amountText(text: string): string {
  const a = readAmount(text);
  return a.ok ? a.value : text.trim();
}

/** "99.90" -> "99.9%", "95" -> "95.0%": as the services table shows targets. */
export function levelWords(value: string): string {
  const r = readLevel(value);
  return `${r.ok ? r.value : value}%`;
}
