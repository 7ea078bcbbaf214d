// blessed writing into @xterm/headless, as the toolchain notes advise: what a user would see, without a terminal.
import { PassThrough, Writable } from 'node:stream';
import type blessed from 'blessed';
import xtermHeadless from '@xterm/headless';
import { createScreen } from '../../src/ui/screen.js';

const { Terminal } = xtermHeadless;

export interface ScreenHarness {
  readonly screen: blessed.Widgets.Screen;
  readonly input: PassThrough;
  /** The terminal's visible lines after every pending write is parsed. */
  lines(): Promise<string[]>;
  /** The characters of visible line `y` drawn on a yellow background (the filter's matches), runs joined by '|'. */
  onYellow(y: number): Promise<string>;
  /** The mouse reporting the program asked the terminal for ('none' when it did not). */
  mouseMode(): Promise<string>;
  /** Every byte blessed has sent to the terminal so far, as text. */
  written(): string;
  /** Every window title the terminal was asked to show (OSC 0/2). */
  readonly titles: readonly string[];
  /** The colours of the cells x0..x1-1 of row y as lines() last saw them (null: the terminal's default). */
  cells(y: number, x0: number, x1: number): Array<{ readonly ch: string; readonly fg: number | null; readonly bg: number | null }>;
  /** How many times the terminal's bell (BEL) has rung. */
  bells(): number;
  /** Types raw bytes ('e', '\x1b[B' for ↓) and lets blessed handle them. */
  press(...keys: string[]): Promise<void>;
  resize(cols: number, rows: number): Promise<void>;
  destroy(): void;
}

export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createScreenHarness(cols = 120, rows = 40): ScreenHarness {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  const pending: Promise<void>[] = [];
  const sent: Buffer[] = [];
  const titles: string[] = [];
  term.onTitleChange((title) => titles.push(title));
  const output = Object.assign(new Writable({
    write(chunk: Buffer, _encoding, callback) {
      sent.push(Buffer.from(chunk));
      pending.push(new Promise<void>((resolve) => term.write(chunk, resolve)));
      callback();
    },
  }), { columns: cols, rows, isTTY: true });
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const screen = createScreen({ input, output });
  let bells = 0;
  term.onBell(() => {
    bells += 1;
  });
  return {
    bells: () => bells,
    screen,
    input,
    titles,
    written: () => Buffer.concat(sent).toString('utf8'),
    async lines() {
      await tick();
      await tick();
      await Promise.all(pending.splice(0));
      const buffer = term.buffer.active;
      return Array.from({ length: term.rows }, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    },
    async onYellow(y) {
      await this.lines();
      const line = term.buffer.active.getLine(term.buffer.active.viewportY + y);
      let text = '';
      let inRun = false;
      for (let x = 0; x < term.cols; x++) {
        const cell = line?.getCell(x);
        const yellow = cell !== undefined && cell.isBgPalette() && cell.getBgColor() === 3;
        if (yellow) text += cell.getChars() || ' ';
        else if (inRun) text += '|';
        inRun = yellow;
      }
      return text.replace(/\|+$/, '');
    },
    async mouseMode() {
      await this.lines();
      return term.modes.mouseTrackingMode;
    },
    cells(y, x0, x1) {
      const buffer = term.buffer.active;
      const line = buffer.getLine(buffer.viewportY + y);
      const cells = [];
      for (let x = x0; x < x1; x += 1) {
        const cell = line?.getCell(x);
        if (cell === undefined) continue;
        cells.push({ ch: cell.getChars(), fg: cell.isFgDefault() ? null : cell.getFgColor(), bg: cell.isBgDefault() ? null : cell.getBgColor() });
      }
      return cells;
    },
    async press(...keys) {
      for (const key of keys) {
        input.write(key);
        await tick();
      }
      await tick();
    },
    async resize(newCols, newRows) {
      term.resize(newCols, newRows);
      Object.assign(output, { columns: newCols, rows: newRows });
      // blessed debounces the output's resize and then emits its own: wait for that one.
      const resized = new Promise<void>((resolve) => screen.once('resize', () => resolve()));
      output.emit('resize');
      await resized;
      await tick();
    },
    destroy() {
      screen.destroy();
      term.dispose();
    },
  };
}

/** The screen line that starts with `label` (the footer's "? Help", a status line's first words): found by what it says, not by its row. */
export function lineStarting(lines: readonly string[], label: string): string {
  const found = lines.find((line) => line.startsWith(label));
  if (found === undefined) throw new Error(`no line starts with ${JSON.stringify(label)}; screen:\n${lines.join('\n')}`);
  return found;
}
