import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressPrinter } from '../../src/launcher/progressPrinter.js';
import type { RenderJobView } from '../../src/launcher/types.js';

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

const view = (framesDone: number): RenderJobView => ({
  id: 'j', blendFile: 'a.blend', outDir: '/o', framesDone, framesTotal: 4, etaSeconds: null, lastSaved: null, state: 'running',
  startedAt: 0, endedAt: null, message: null, parts: [],
});

const frameDone = { type: 'frame-done', part: 1, frame: 3, file: '/o/f_0003.png', seconds: 1.25, framesDone: 1, framesTotal: 4 } as const;

describe('ProgressPrinter', () => {
  it('on a terminal redraws one bar line in place and ends it with a newline', () => {
    const out = sink();
    const printer = new ProgressPrinter(out.stream, 'tty', () => 80);
    printer.onView(view(1));
    printer.onEvent(frameDone); // the bar already shows frames; no extra line
    printer.stop();
    expect(out.text()).toMatch(/^\r\x1b\[K\[#####\.+\] 1\/4 25%/);
    expect(out.text().endsWith('\n')).toBe(true);
    expect(out.text()).not.toContain('Frame 3');
  });

  it('without a terminal prints one line per finished frame and no escape codes', () => {
    const out = sink();
    const printer = new ProgressPrinter(out.stream, 'lines', () => 80);
    printer.onView(view(1));
    printer.onEvent(frameDone);
    printer.stop();
    expect(out.text()).toBe('Frame 3 done [1/4] by part 1 in 1.3 s: /o/f_0003.png\n');
  });

  it('--json prints every event as one JSON object per line', () => {
    const out = sink();
    const printer = new ProgressPrinter(out.stream, 'json', () => 80);
    printer.onEvent(frameDone);
    printer.onEvent({ type: 'part-spawn', part: 1, pid: 9, frames: '1-4', attempt: 1, logFile: '/o/l' });
    printer.stop();
    const lines = out.text().trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([frameDone, { type: 'part-spawn', part: 1, pid: 9, frames: '1-4', attempt: 1, logFile: '/o/l' }]);
  });
});
