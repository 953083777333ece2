// The shapes every setting's form shares: what a form holds (Draft), what is wrong with it (Problem), and the four
// things each setting's field does (Field). Pure TypeScript: no Svelte, no DOM.

/** Something wrong with what was typed, in plain words; `row` (from 0) and `field` say which input it is about. */
export type Problem = { message: string; row?: number; field?: string };

export type Per = 'hour' | 'day' | 'week';
export type Cover = 'none' | 'domain' | 'team';
export type FrequencyChoice = 'daily' | 'weekly' | 'fortnightly' | 'monthly' | 'quarterly' | 'every';

export type ExposureRow = { bound: string; level: string };
export type DemandRow = { label: string; frequency: FrequencyChoice; days: string };
export type LevelRow = { level: string; cover: Cover };

/** One setting as a form edits it: what people typed, kept as typed until it is composed. */
export type Draft =
  | { kind: 'exposure_bands'; rows: ExposureRow[] }
  | { kind: 'demand_bands'; rows: DemandRow[] }
  | { kind: 'out_of_hours_levels'; rows: LevelRow[] }
  | { kind: 'working_hours'; days: boolean[]; start: string; end: string }
  | { kind: 'rate'; amount: string; per: Per }
  | { kind: 'choice'; value: string }
  | { kind: 'quantity'; text: string }
  | { kind: 'amount'; text: string }
  | { kind: 'date'; text: string }
  | { kind: 'currency'; text: string }
  | { kind: 'text'; text: string };

export type Kind = Draft['kind'];
export type DraftOf<K extends Kind> = Extract<Draft, { kind: K }>;

/** parse: canonical text to a form (null when the text is not in the form's canonical shape);
 *  compose: the form back to canonical text (meaningful once check finds nothing);
 *  check: what is wrong, in plain words; describe: a canonical value in words ("500 a week"). */
export interface Field<D extends Draft> {
  parse(value: string): D | null;
  compose(draft: D): string;
  check(draft: D): Problem[];
  describe(value: string): string;
}
