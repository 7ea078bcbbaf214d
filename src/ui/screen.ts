// The blessed screen, created on demand (never at import time).
import blessed from 'blessed';
import type { Readable, Writable } from 'node:stream';

export interface ScreenOptions {
  readonly input?: Readable;
  readonly output?: Writable;
}

export function createScreen(options: ScreenOptions = {}): blessed.Widgets.Screen {
  // blessed cannot parse Debian 12's terminfo (extended number format) and falls back to an
  // 8-colour xterm or prints a compile dump over the UI; its bundled xterm-256color works everywhere.
  const settings = {
    terminal: 'xterm-256color',
    fullUnicode: true,
    smartCSR: true,
    warnings: false,
    autoPadding: false,
    title: 'omtop',
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.output === undefined ? {} : { output: options.output }),
  };
  // @types/blessed types `output` as Readable; it is a Writable.
  return blessed.screen(settings as unknown as blessed.Widgets.IScreenOptions);
}
