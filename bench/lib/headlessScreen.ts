// A blessed screen of a fixed size whose output goes nowhere: what a frame costs to compute and
// encode, without a terminal emulator's parsing in the measurement.
import { PassThrough, Writable } from 'node:stream';
import type blessed from 'blessed';
import { createScreen } from '../../src/ui/screen.js';

export interface HeadlessScreen {
  readonly screen: blessed.Widgets.Screen;
  /** Bytes blessed has written so far (a frame that writes nothing drew nothing). */
  bytesWritten(): number;
  destroy(): void;
}

export function createHeadlessScreen(cols: number, rows: number): HeadlessScreen {
  let bytes = 0;
  const output = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback();
      },
    }),
    { columns: cols, rows, isTTY: true },
  );
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const screen = createScreen({ input, output });
  return { screen, bytesWritten: () => bytes, destroy: () => screen.destroy() };
}
