// Settings that are one of a few words, shown as a select: how people on call are paid, how a shared schedule's
// cost is split.

import type { DraftOf, Field } from './types';

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
