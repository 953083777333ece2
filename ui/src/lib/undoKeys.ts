// Which of Undo and Redo a key press asks for. Inside a text field the field's own undo (of the typing) wins,
// as in a spreadsheet; elsewhere Ctrl+Z takes back the last saved edit.

export type UndoAction = 'undo' | 'redo';

type Keys = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

export function undoAction(e: Keys, typing: boolean): UndoAction | null {
  if (typing || e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** "Undo edit bedroom": the menu item for a step, or the plain verb when there is none. */
export function undoLabel(action: UndoAction, step: string | null): string {
  const verb = action === 'undo' ? 'Undo' : 'Redo';
  return step ? `${verb} ${step}` : `Nothing to ${action}`;
}
