import { describe, expect, it } from 'vitest';
import {
  applyTheme,
  createThemeController,
  DARK_QUERY,
  parseSetting,
  readSetting,
  resolveTheme,
  THEME_KEY,
  writeSetting,
  type DarkQuery,
  type SettingStore,
  type Theme,
  type ThemeRoot,
} from './theme';

/** localStorage as a map; `broken` throws like a storage the webview refuses. */
function memoryStorage(initial: Record<string, string> = {}, broken = false): SettingStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem(key) {
      if (broken) throw new Error('denied');
      return data.get(key) ?? null;
    },
    setItem(key, value) {
      if (broken) throw new Error('denied');
      data.set(key, value);
    },
  };
}

/** A prefers-color-scheme query the test can flip, as the desktop would. */
function systemScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const queries: string[] = [];
  const query: DarkQuery = {
    get matches() {
      return dark;
    },
    addEventListener: (_type, l) => void listeners.add(l),
    removeEventListener: (_type, l) => void listeners.delete(l),
  };
  return {
    matchMedia: (q: string) => {
      queries.push(q);
      return query;
    },
    queries,
    listeners,
    flip(next: boolean) {
      dark = next;
      for (const l of [...listeners]) l();
    },
  };
}

function fakeRoot(): ThemeRoot {
  return { dataset: {}, style: { colorScheme: '' } };
}

describe('the setting', () => {
  it('is System unless light or dark was chosen', () => {
    expect(parseSetting('light')).toBe('light');
    expect(parseSetting('dark')).toBe('dark');
    expect(parseSetting('system')).toBe('system');
    expect(parseSetting(null)).toBe('system');
    expect(parseSetting(undefined)).toBe('system');
    expect(parseSetting('Dark')).toBe('system');
    expect(parseSetting('')).toBe('system');
  });

  it('is read from and written to opmodel.theme', () => {
    const storage = memoryStorage();
    expect(readSetting(storage)).toBe('system');
    writeSetting(storage, 'dark');
    expect(storage.data.get(THEME_KEY)).toBe('dark');
    expect(THEME_KEY).toBe('opmodel.theme');
    expect(readSetting(storage)).toBe('dark');
  });

  it('is System, and not remembered, when storage is missing or refuses', () => {
    expect(readSetting(null)).toBe('system');
    const broken = memoryStorage({ [THEME_KEY]: 'dark' }, true);
    expect(readSetting(broken)).toBe('system');
    expect(() => writeSetting(broken, 'light')).not.toThrow();
    expect(() => writeSetting(null, 'light')).not.toThrow();
  });
});

describe('the theme in force', () => {
  it('is the choice, or the system preference on System', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });

  it('is shown as data-theme and color-scheme on the root', () => {
    const root = fakeRoot();
    applyTheme(root, 'dark');
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
    applyTheme(root, 'light');
    expect(root.dataset.theme).toBe('light');
    expect(root.style.colorScheme).toBe('light');
  });
});

describe('the controller', () => {
  it('applies the stored choice as soon as it is made', () => {
    const root = fakeRoot();
    const system = systemScheme(false);
    const t = createThemeController({ storage: memoryStorage({ [THEME_KEY]: 'dark' }), matchMedia: system.matchMedia, root });
    expect(t.setting).toBe('dark');
    expect(t.theme).toBe('dark');
    expect(root.dataset.theme).toBe('dark');
    expect(system.queries).toEqual([DARK_QUERY]);
  });

  it('follows the system on System, live, and tells subscribers', () => {
    const root = fakeRoot();
    const system = systemScheme(false);
    const t = createThemeController({ storage: memoryStorage(), matchMedia: system.matchMedia, root });
    const seen: Theme[] = [];
    t.subscribe((th) => seen.push(th));
    expect(t.setting).toBe('system');
    expect(root.dataset.theme).toBe('light');

    system.flip(true);
    expect(t.theme).toBe('dark');
    expect(root.dataset.theme).toBe('dark');
    system.flip(false);
    expect(root.dataset.theme).toBe('light');
    expect(seen).toEqual(['dark', 'light']);
  });

  it('ignores the system while Light or Dark is chosen, and remembers the choice', () => {
    const root = fakeRoot();
    const storage = memoryStorage();
    const system = systemScheme(true);
    const t = createThemeController({ storage, matchMedia: system.matchMedia, root });
    expect(root.dataset.theme).toBe('dark');

    t.set('light');
    expect(storage.data.get(THEME_KEY)).toBe('light');
    expect(root.dataset.theme).toBe('light');
    system.flip(false);
    system.flip(true);
    expect(root.dataset.theme).toBe('light');

    t.set('system');
    expect(storage.data.get(THEME_KEY)).toBe('system');
    expect(root.dataset.theme).toBe('dark');
  });

  it('tells subscribers only of a change, until they unsubscribe', () => {
    const system = systemScheme(false);
    const t = createThemeController({ storage: memoryStorage(), matchMedia: system.matchMedia, root: fakeRoot() });
    const seen: Theme[] = [];
    const stop = t.subscribe((th) => seen.push(th));
    t.set('light'); // already light: nothing to say
    t.set('dark');
    stop();
    t.set('light');
    expect(seen).toEqual(['dark']);
  });

  it('works without matchMedia or storage: System is light', () => {
    const root = fakeRoot();
    const t = createThemeController({ storage: null, matchMedia: null, root });
    expect(t.theme).toBe('light');
    t.set('dark');
    expect(root.dataset.theme).toBe('dark');
  });

  it('stops following the system when disposed', () => {
    const system = systemScheme(false);
    const t = createThemeController({ storage: memoryStorage(), matchMedia: system.matchMedia, root: fakeRoot() });
    expect(system.listeners.size).toBe(1);
    t.dispose();
    expect(system.listeners.size).toBe(0);
  });
});
