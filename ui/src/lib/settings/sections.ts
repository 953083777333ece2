// Each setting's title and help in plain words, and the sections of the page they are grouped in.

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
