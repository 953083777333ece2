/**
 * Light and dark themes. The setting is System, Light or Dark, kept in localStorage; System follows the
 * desktop's prefers-color-scheme, live. The theme in force is `data-theme` on the root element, which
 * app.css turns into the palette.
 *
 * Everything the browser provides (storage, matchMedia, the root element) is passed in, so the logic is
 * tested without a DOM; `theme()` is the app's one controller, made from the real ones.
 */

export type ThemeSetting = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'opmodel.theme';
export const DARK_QUERY = '(prefers-color-scheme: dark)';
export const themeSettings: readonly ThemeSetting[] = ['system', 'light', 'dark'];

/** What localStorage offers that the setting needs. */
export type SettingStore = Pick<Storage, 'getItem' | 'setItem'>;

/** What a MediaQueryList offers that System needs. */
export interface DarkQuery {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

/** Where the theme is shown: the root element's dataset and style. */
export interface ThemeRoot {
  dataset: Record<string, string | undefined>;
  style: { colorScheme: string };
}

export interface ThemeEnv {
  storage: SettingStore | null;
  matchMedia: ((query: string) => DarkQuery) | null;
  root: ThemeRoot;
}

/** A stored value as a setting: anything unknown (or nothing) is System. */
export function parseSetting(value: string | null | undefined): ThemeSetting {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The stored setting; System when there is none or storage cannot be read. */
export function readSetting(storage: SettingStore | null): ThemeSetting {
  try {
    return parseSetting(storage?.getItem(THEME_KEY));
  } catch {
    return 'system';
  }
}

/** Keeps the setting; a storage that refuses (private mode, full) only means it is not remembered. */
export function writeSetting(storage: SettingStore | null, setting: ThemeSetting): void {
  try {
    storage?.setItem(THEME_KEY, setting);
  } catch {
    // Not remembered across restarts, but still applied now.
  }
}

/** The theme a setting means, given whether the system prefers dark. */
export function resolveTheme(setting: ThemeSetting, systemDark: boolean): Theme {
  return setting === 'system' ? (systemDark ? 'dark' : 'light') : setting;
}

/** Shows a theme: `data-theme` for the palette, color-scheme so native controls and scrollbars follow. */
export function applyTheme(root: ThemeRoot, theme: Theme): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

export interface ThemeController {
  /** The user's choice. */
  readonly setting: ThemeSetting;
  /** The theme in force: the choice, with System resolved. */
  readonly theme: Theme;
  /** Applies and remembers a choice. */
  set(setting: ThemeSetting): void;
  /** Calls `listener` with the theme whenever it changes (a new choice, or the system's while on System). */
  subscribe(listener: (theme: Theme) => void): () => void;
  /** Stops following the system. */
  dispose(): void;
}

/** Reads the stored choice, applies it at once, and follows the system while the choice is System. */
export function createThemeController(env: ThemeEnv): ThemeController {
  let setting = readSetting(env.storage);
  let query: DarkQuery | null = null;
  try {
    query = env.matchMedia?.(DARK_QUERY) ?? null;
  } catch {
    query = null;
  }
  const listeners = new Set<(theme: Theme) => void>();
  let current = resolveTheme(setting, query?.matches ?? false);
  applyTheme(env.root, current);

  function update() {
    const next = resolveTheme(setting, query?.matches ?? false);
    applyTheme(env.root, next);
    if (next === current) return;
    current = next;
    for (const l of [...listeners]) l(next);
  }
  query?.addEventListener('change', update);

  return {
    get setting() {
      return setting;
    },
    get theme() {
      return current;
    },
    set(next: ThemeSetting) {
      setting = parseSetting(next);
      writeSetting(env.storage, setting);
      update();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      query?.removeEventListener('change', update);
      listeners.clear();
    },
  };
}

let app: ThemeController | null = null;

/** The app's controller, made on first use from the window's storage, matchMedia and root element. */
export function theme(): ThemeController {
  if (!app) {
    let storage: SettingStore | null = null;
    try {
      storage = window.localStorage;
    } catch {
      storage = null;
    }
    app = createThemeController({
      storage,
      matchMedia: typeof window.matchMedia === 'function' ? (q) => window.matchMedia(q) : null,
      root: document.documentElement,
    });
  }
  return app;
}
