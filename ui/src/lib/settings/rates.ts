// On-call pay: an amount per hour, day or week ("500/week"); callout pay is always per hour.

import { amountText, amountWords, readAmount } from './numbers';
import type { DraftOf, Field, Per, Problem } from './types';

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
