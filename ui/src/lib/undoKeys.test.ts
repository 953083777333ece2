import { describe, expect, it } from 'vitest';
import { undoAction, undoLabel } from './undoKeys';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('undoAction', () => {
  it('takes Ctrl+Z as undo and Ctrl+Shift+Z or Ctrl+Y as redo', () => {
    expect(undoAction(press('z', { ctrlKey: true }), false)).toBe('undo');
    expect(undoAction(press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(undoAction(press('y', { ctrlKey: true }), false)).toBe('redo');
  });

  it('takes Cmd on a Mac as Ctrl', () => {
    expect(undoAction(press('z', { metaKey: true }), false)).toBe('undo');
  });

  it('leaves the keys to a text field being typed in, and ignores other keys', () => {
    expect(undoAction(press('z', { ctrlKey: true }), true)).toBeNull();
    expect(undoAction(press('z'), false)).toBeNull();
    expect(undoAction(press('z', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(undoAction(press('x', { ctrlKey: true }), false)).toBeNull();
    expect(undoAction(press('y', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });
});

describe('undoLabel', () => {
  it('names the step, or says there is none', () => {
    expect(undoLabel('undo', 'edit bedroom')).toBe('Undo edit bedroom');
    expect(undoLabel('redo', null)).toBe('Nothing to redo');
  });
});
