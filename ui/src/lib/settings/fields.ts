// Every setting: its editor (the field that parses, composes, checks and describes it), the unit after its input,
// and the choices of its select.

import { demandBands, exposureBands, outOfHoursLevels } from './bands';
import { dateField, workingHours } from './calendar';
import { costSplit, remuneration, REMUNERATION_CHOICES, SPLIT_CHOICES, type Choice } from './choices';
import type { QuantitySpec } from './numbers';
import { rateField } from './rates';
import type { Draft, Field, Problem } from './types';
import { amountField, currencyField, quantityField, textField } from './values';

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
