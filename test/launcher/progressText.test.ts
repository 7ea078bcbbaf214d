import { describe, expect, it } from 'vitest';
import { bannerLines, eventLine, progressLine, resumeCommand, shellWord, tutorialDate } from '../../src/launcher/progressText.js';
import type { RenderJobView } from '../../src/launcher/types.js';

describe('progress text', () => {
  it('prints the tutorial banner with the true numbers', () => {
    const at = new Date(2004, 3, 10, 22, 35, 46).getTime();
    expect(bannerLines(235, 'blacksmith-jpeg.blend', 4, at)).toEqual([
      'Rendering 235 images from blacksmith-jpeg.blend on 4 nodes.',
      'Tasks forked, network rendering in progress.',
      'Job started at: 10-04-04 22:35:46',
      'Please wait while rendering...',
    ]);
    expect(tutorialDate(at)).toBe('10-04-04 22:35:46');
  });

  it('draws one line no wider than the terminal', () => {
    const view: RenderJobView = {
      id: 'j', blendFile: 'a.blend', outDir: '/o', framesDone: 50, framesTotal: 200, etaSeconds: 95, lastSaved: null,
      state: 'running', startedAt: 0, endedAt: null, message: null,
      parts: [1, 2].map((index) => ({
        index, pid: 100 + index, frames: '1-100', currentFrame: index === 1 ? 42 : null, framesDone: 25, framesTotal: 100,
        secondsPerFrame: 1, state: index === 1 ? 'rendering' : 'retrying', logFile: null,
      })),
    };
    const line = progressLine(view, 200);
    expect(line).toContain('50/200 25%');
    expect(line).toContain('1:f42');
    expect(line).toContain('2:retry');
    expect(line).toContain('ETA 1m35s');
    expect(progressLine(view, 30).length).toBeLessThanOrEqual(30);
  });

  it('explains a part that lost frames', () => {
    expect(eventLine({ type: 'part-exit', part: 2, pid: 77, exitCode: null, signal: 'SIGKILL', stalled: false, missing: '5-9', error: null }))
      .toBe('Part 2 (pid 77) was killed by SIGKILL; frames 5-9 not rendered');
    expect(eventLine({ type: 'part-exit', part: 2, pid: 77, exitCode: 0, signal: null, stalled: false, missing: '', error: null })).toBeNull();
  });

  it('quotes words so the resume command can be pasted into a shell', () => {
    expect(shellWord('scene.blend')).toBe('scene.blend');
    expect(shellWord(`it's $(x); y`)).toBe(`'it'\\''s $(x); y'`);
    expect(shellWord('-x.blend')).toBe(`'-x.blend'`);
    expect(resumeCommand(['my scene.blend', '1', '235', '4', '--overwrite'])).toBe(`omtop render --resume 'my scene.blend' 1 235 4`);
    expect(resumeCommand(['a.blend', '1', '2', '1', '--resume'])).toBe('omtop render a.blend 1 2 1 --resume');
  });
});
