// The core's refusals, in plain words.

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
