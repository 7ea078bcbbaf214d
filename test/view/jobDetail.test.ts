import { describe, expect, it } from 'vitest';
import { jobDetailLines } from '../../src/view/jobDetail.js';
import { wrap } from '../../src/text/wrap.js';
import { fakeJob, fakePart, fakeSnapshot } from '../helpers/fakeBackend.js';

describe('a job\'s details', () => {
  it('lists the folder, pattern, logs, missing frames, resume command and each part with its log and whole errors', () => {
    const error = 'Error: Cannot read file \'/home/user/scenes/a very long folder name/blacksmith.blend\': No such file or directory';
    const job = fakeJob({
      state: 'failed', message: '24 frame(s) missing: 17-40', framePattern: '/tmp/out/frame_####.jpg', logDir: '/tmp/out/.omtop-logs/r1',
      framesMissing: '17-40', resume: { request: { blendFile: 'b.blend', start: 1, end: 40, parts: 4 }, command: 'omtop render --resume b.blend 1 40 4' },
      parts: [fakePart(1, { state: 'failed', logFile: '/tmp/out/.omtop-logs/r1/part-1.log', errors: [error] }), fakePart(2, { pid: 4104 })],
    });
    const lines = jobDetailLines(job, fakeSnapshot(), 60);
    const text = lines.join('\n');
    expect(lines[0]).toBe('omtop render of /home/user/blacksmith.blend (job r1)');
    expect(text).toContain('Output folder   /tmp/out');
    expect(text).toContain('Frame pattern   /tmp/out/frame_####.jpg');
    expect(text).toContain('Logs            /tmp/out/.omtop-logs/r1');
    expect(text).toContain('Frames missing  17-40');
    expect(text).toContain('Resume          omtop render --resume b.blend 1 40 4');
    expect(text).toContain('    log: /tmp/out/.omtop-logs/r1/part-1.log');
    expect(text.replace(/\n\s+/g, ' ')).toMatch(/pid 4104 on N266/);
    // The error is whole: wrapped over lines, every word of it there.
    expect(lines.every((line) => line.length <= 60)).toBe(true);
    expect(text.replace(/\n\s+/g, ' ')).toContain(error);
  });

  it('says an observed render\'s logs went nowhere and what is still to render while it runs', () => {
    const job = fakeJob({ origin: 'observed', command: '/bin/sh render blacksmith-jpeg.blend 1 235 4', warning: 'the script renders 2–233: frames 1, 234, 235 will be missing', framesMissing: '1,40-235', logDir: null });
    const text = jobDetailLines(job, null, 100).join('\n');
    expect(text).toContain('/bin/sh render blacksmith-jpeg.blend 1 235 4 — found running, not started by omtop');
    expect(text).toContain('⚠ the script renders 2–233: frames 1, 234, 235 will be missing');
    expect(text).toContain('Logs            none: the script sends blender\'s output to /dev/null');
    expect(text).toContain('Still to render 1,40-235');
  });

  it('wraps at spaces where it can, hard where it must', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('abcdefghij', 4, ' ')).toEqual(['abcd', ' efg', ' hij']);
  });
});
