// Exact arithmetic on the map's decimal strings: money never passes through a float here.
import { formatAmount } from './format';

/** "−": the typographic minus, so a change reads as a change and lines up with "+". */
export const MINUS = '\u2212';

type Scaled = { units: bigint; scale: number };

/** "26000.00" -> 2600000n at scale 2; "-1.5" -> -15n at scale 1. Throws on anything that is not a plain decimal. */
export function parseDecimal(value: string): Scaled {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, whole, fraction = ''] = m;
  const units = BigInt(whole + fraction);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

function rescale(x: Scaled, scale: number): bigint {
  return x.units * 10n ** BigInt(scale - x.scale);
}

/** The plain decimal string of units ÷ 10^scale: no grouping, "-" for negatives, always `scale` places. */
function toDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return (negative ? '-' : '') + whole + (scale > 0 ? '.' + fraction : '');
}

/**
 * after − before, exactly, as a plain decimal with as many places as the more precise of the two
 * (at least two, as money is shown): "182000.00" − "208000.00" = "-26000.00".
 */
export function subtractDecimal(after: string, before: string): string {
  const a = parseDecimal(after);
  const b = parseDecimal(before);
  const scale = Math.max(a.scale, b.scale, 2);
  return toDecimal(rescale(a, scale) - rescale(b, scale), scale);
}

/** The sign of a plain decimal: -1, 0 or 1. */
export function signOf(value: string): -1 | 0 | 1 {
  const { units } = parseDecimal(value);
  return units < 0n ? -1 : units > 0n ? 1 : 0;
}

/** A change in money for people: "-26000.00" -> "−26,000.00", "1200" -> "+1,200.00", zero -> "0.00". */
export function formatSignedAmount(change: string): string {
  const sign = signOf(change);
  const magnitude = formatAmount(change.trim().replace(/^[+-]/, ''));
  return sign < 0 ? MINUS + magnitude : sign > 0 ? '+' + magnitude : magnitude;
}

/** A change in a count for people: (-1, "schedule") -> "−1 schedule", (2, …) -> "+2 schedules", 0 -> "0 schedules". */
export function formatSignedCount(change: number, noun: string, plural = `${noun}s`): string {
  const word = Math.abs(change) === 1 ? noun : plural;
  const sign = change < 0 ? MINUS : change > 0 ? '+' : '';
  return `${sign}${Math.abs(change)} ${word}`;
}

/** What a move changed in the plan's out-of-hours cost. */
export type MapChange = {
  /** Schedules after − before. */
  schedules: number;
  /** Standby a year after − before, a plain decimal. */
  standby: string;
};

export function mapChange(
  before: { schedules: number; standby: string },
  after: { schedules: number; standby: string },
): MapChange {
  return { schedules: after.schedules - before.schedules, standby: subtractDecimal(after.standby, before.standby) };
}

/** "−1 schedule, −26,000.00 a year"; "no change to schedules or standby" when nothing moved. */
export function describeChange(change: MapChange): string {
  if (change.schedules === 0 && signOf(change.standby) === 0) return 'no change to schedules or standby';
  return `${formatSignedCount(change.schedules, 'schedule')}, ${formatSignedAmount(change.standby)} a year`;
}
