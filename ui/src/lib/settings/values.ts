// Settings with one value typed in: numbers with a unit, amounts, the currency, and any other setting as plain text.

import { amountWords, readAmount, readQuantity, type QuantitySpec } from './numbers';
import type { DraftOf, Field } from './types';

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
