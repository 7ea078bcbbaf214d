// Tones (what a line means) → blessed tags. With NO_COLOR only bold/underline/inverse are used.
import blessed from 'blessed';
import { terminalSafe } from '../text/terminalSafe.js';
import type { Tone } from '../view/tableVm.js';

export interface Theme {
  readonly color: boolean;
  /** Wraps already-escaped text in the tone's tags. */
  tone(tone: Tone, text: string): string;
  /** Wraps already-escaped text as a match of the filter. */
  mark(text: string): string;
  /** Border colour of a pane; undefined: the terminal's default. */
  border(focused: boolean): string | undefined;
}

const COLOURS: Readonly<Record<Tone, string>> = {
  normal: '', local: '{cyan-fg}', migrated: '{yellow-fg}', render: '{green-fg}{bold}', down: '{red-fg}',
  stale: '{magenta-fg}', dim: '{gray-fg}', ok: '{green-fg}', error: '{red-fg}{bold}', group: '{bold}',
};

const PLAIN: Readonly<Record<Tone, string>> = {
  normal: '', local: '', migrated: '{bold}', render: '{bold}{underline}', down: '', stale: '', dim: '', ok: '', error: '{bold}', group: '{bold}',
};

/** NO_COLOR (https://no-color.org): set and non-empty means no colour. */
export function wantsColor(env: NodeJS.ProcessEnv): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}

export function createTheme(color: boolean): Theme {
  const tags = color ? COLOURS : PLAIN;
  return {
    color,
    tone: (tone, text) => {
      const open = tags[tone];
      return open === '' ? text : `${open}${text}{/}`;
    },
    mark: (text) => (color ? `{black-fg}{yellow-bg}${text}{/}` : `{bold}{underline}${text}{/}`),
    border: (focused) => (color ? (focused ? 'cyan' : 'gray') : undefined),
  };
}

/**
 * Makes tool output safe inside tagged content: `{` would start a tag, and control characters,
 * escape sequences and bidi overrides must not reach the terminal (see text/terminalSafe).
 */
export function escapeTags(text: string): string {
  return blessed.escape(terminalSafe(text));
}
