// The workspace settings in words people use. The Rust core stores each setting as one canonical string
// ("7000=95.0,250000=99.0,800000=99.9", "500/week", "mon-fri 09:00-17:30"); here each one is parsed into something
// a form can edit, checked in plain words, and composed back into exactly the string the core accepts.
// Pure TypeScript: no Svelte, no DOM, no floating-point arithmetic on amounts.
//
// By purpose: types.ts (the shapes every form shares), numbers.ts (amounts, targets and quantities as typed),
// bands.ts (the three tables), rates.ts (on-call pay), choices.ts (one of a few words), values.ts (numbers with a
// unit, amounts, currency, plain text), calendar.ts (working week and planning year), fields.ts (which field edits
// which setting), sections.ts (titles, help and sections), serverProblems.ts (the core's refusals in plain words).

export type {
  Cover,
  DemandRow,
  Draft,
  DraftOf,
  ExposureRow,
  Field,
  FrequencyChoice,
  Kind,
  LevelRow,
  Per,
  Problem,
} from './types';
export { compareDecimals, readAmount, readLevel, readQuantity, type QuantitySpec } from './numbers';
export { COVER_CHOICES, FREQUENCY_CHOICES, demandBands, exposureBands, outOfHoursLevels } from './bands';
export { REMUNERATION_CHOICES, SPLIT_CHOICES, choiceField, costSplit, remuneration, type Choice } from './choices';
export { PER_CHOICES, rateField } from './rates';
export { COMMON_CURRENCIES, amountField, currencyField, quantityField, textField } from './values';
export { DAYS, DAY_NAMES, dateField, workingHours } from './calendar';
export {
  UNITS,
  checkSetting,
  choicesFor,
  composeSetting,
  describeSetting,
  isHourOnly,
  isKnown,
  parseSetting,
} from './fields';
export { SECTIONS, groupSettings, wordsFor, type Section } from './sections';
export { plainServerProblem } from './serverProblems';
