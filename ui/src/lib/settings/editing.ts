// What SettingsView lends each setting's editor: the edit in progress and its problems, and how to save or drop it.
// The state itself (edits, problems, values being sent) lives in SettingsView; the editors only call these.

import { tick } from 'svelte';
import type { SettingView } from '../bindings';
import type { DraftOf, Kind, Problem } from './types';

export interface Editing {
  /** The form to change, made an edit in progress on the first change. */
  edit<K extends Kind>(s: SettingView, kind: K): DraftOf<K>;
  /** Once a problem is showing, it is checked again as the user fixes it. */
  recheck(s: SettingView): void;
  /** Checks the edit and sends it once the check finds nothing. */
  commit(s: SettingView): Promise<void>;
  /** Drops the edit and its problems, putting back the saved value. */
  forget(key: string): void;
  /** Esc puts back the saved value, Enter commits (a single value). */
  onkey(e: KeyboardEvent, s: SettingView): void;
  /** A table or the working week sent with Save changes or Enter. */
  submit(e: SubmitEvent, s: SettingView): void;
  /** The problems showing for a setting, if any. */
  problems(key: string): Problem[] | undefined;
  /** aria-invalid for the input of one row (or none) and field. */
  invalid(key: string, row: number | undefined, field: string): 'true' | undefined;
  /** aria-invalid for a single value's input. */
  anyProblem(key: string): 'true' | undefined;
  /** The ids an input is described by: its help, its problem when there is one, and its default. */
  described(key: string, help: boolean): string;
  /** Whether a value of the setting is being sent. */
  isSending(key: string): boolean;
}

/** Moves focus to the element with this id once the DOM has caught up (a row just added, moved or removed). */
export async function focus(id: string) {
  await tick();
  document.getElementById(id)?.focus();
}

/** Removes row `i` of a table and moves focus to the row now in its place (or the new last one). */
export function removeRow(
  editing: Editing,
  s: SettingView,
  kind: 'exposure_bands' | 'demand_bands' | 'out_of_hours_levels',
  i: number,
) {
  const rows = editing.edit(s, kind).rows;
  rows.splice(i, 1);
  editing.recheck(s);
  void focus(`${s.key}-${Math.min(i, rows.length - 1)}-first`);
}
