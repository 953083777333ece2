import type { OperatingModel, OutOfHours, ServiceKind, ServiceView } from './bindings';

// Money stays a decimal string end to end: formatting is pure string work, never float arithmetic.

/**
 * "810000.00" -> "810,000"; "1234.5" -> "1,234.50". Anything that isn't a plain decimal is shown as is.
 * With `keepPennies` (cost tables, which finance reads) whole amounts keep them: "26000.00" -> "26,000.00".
 */
export function formatMoney(value: string, keepPennies = false): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  const [, sign, whole, fraction = ''] = m;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const pennies = keepPennies || /[1-9]/.test(fraction) ? '.' + fraction.padEnd(2, '0') : '';
  return sign + grouped + pennies;
}

/** Cost tables: grouped, always with pennies. */
export const formatAmount = (value: string) => formatMoney(value, true);

/** For chart geometry only (bar widths, line positions): never for amounts people read. */
export function amountForGeometry(value: string): number {
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : 0;
}

/** Chart axis ticks, which are geometry rather than amounts: 250000 -> "250k", 1500000 -> "1.5M". */
export function formatTick(n: number): string {
  const abs = Math.abs(n);
  const short = (x: number, unit: string) => `${+x.toFixed(2)}${unit}`;
  if (abs >= 1e9) return short(n / 1e9, 'bn');
  if (abs >= 1e6) return short(n / 1e6, 'M');
  if (abs >= 1e3) return short(n / 1e3, 'k');
  return short(n, '');
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "digital services run …" -> "Digital services run ….", for text written as a clause. */
export function sentence(s: string): string {
  const t = capitalise(s.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** What the user typed -> what we send: drop grouping, spaces and currency symbols ("£1,200,000" -> "1200000"). */
export function normaliseAmount(raw: string): string {
  return raw.replace(/[\s,_£$€]/g, '');
}

/** "2026-11-23..2026-11-29;2026-12-14..2026-12-24" -> "2026-11-23 to 2026-11-29, 2026-12-14 to 2026-12-24". */
export function formatPeriods(periods: string): string {
  return periods
    .split(';')
    .filter((p) => p.trim())
    .map((p) => p.trim().replace('..', ' to '))
    .join(', ');
}

/** Same amount written differently? ("1200000" vs "1200000.00") */
export function sameAmount(a: string, b: string): boolean {
  const canon = (v: string) => (v.includes('.') ? v.replace(/\.?0+$/, '') : v);
  return canon(a) === canon(b);
}

export const formatPercent = (value: string) => `${value}%`;

export const kindLabels: Record<ServiceKind, string> = {
  digital: 'Digital',
  foundational: 'Foundational',
};

export const modelLabels: Record<OperatingModel, string> = {
  you_build_it_you_run_it: 'You Build It You Run It',
  ops_run_it: 'Ops Run It',
};

export const outOfHoursLabels: Record<OutOfHours, string> = {
  none: 'None',
  domain: 'Domain',
  team: 'Team',
  app_support: 'App support rota',
};

/** The service's warnings as sentences for the ⚠ marker and the model panel, each once. */
export function issues(s: ServiceView): string[] {
  return [...new Set(s.warnings.map(sentence))];
}

/** A deployment target code for people: "every_10_days" → "Every 10 days", "weekly" → "Weekly". */
export function deploymentLabel(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
