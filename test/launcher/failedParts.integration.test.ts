// A render that fails on every part (Debian's blender without OpenImageDenoise): each part is
// "failed" with blender's whole error lines, not "cancelled", and the job names the fix.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startRenderJob } from '../../src/launcher/startRender.js';
import { blenderRequirementTest, makeScene, SKIP_REASON, SKIP_WITHOUT_BLENDER } from './support/blender.js';
import { writeFakeBlender } from './support/fakeBlender.js';

blenderRequirementTest();

describe.skipIf(SKIP_WITHOUT_BLENDER)(`a part that fails${SKIP_WITHOUT_BLENDER ? ` (skipped: ${SKIP_REASON})` : ''}`, () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'omtop-failed-'));
    makeScene(join(dir, 'scene.blend'), 8);
  }, 60_000);

  it('is failed with its error lines when blender fails on every part, and the message names the switch', async () => {
    // Blender 3.4.1's own lines for a denoised Cycles render without OIDN (fixtures/blender/3.4-no-denoiser.log).
    const fake = writeFakeBlender(dir, 'no-oidn', [
      'echo "Blender 3.4.1"', 'echo "Build without OpenImageDenoiser"', 'echo "Error: Build without OpenImageDenoiser"', 'echo "Blender quit"', 'exit 1',
    ].join('\n'));
    const { handle } = await startRenderJob({
      blendFile: 'scene.blend', start: 1, end: 8, parts: 2, cwd: dir, env: process.env, blender: fake,
      outDir: join(dir, 'out'), split: 'even', retries: 2,
    });
    const view = await handle.done;
    expect(view.state).toBe('failed');
    expect(view.parts.map((p) => p.state)).toEqual(['failed', 'failed']);
    expect(view.parts[0]?.errors).toEqual(['Build without OpenImageDenoiser', 'Error: Build without OpenImageDenoiser']);
    expect(view.message).toMatch(/^blender failed on every part: Build without OpenImageDenoiser \(this blender has no OpenImageDenoise: pass --no-denoising, or turn on "No denoising" in the form\)/);
    expect(view.framesMissing).toBe('1-8');
    expect(view.logDir).toMatch(/\/out\/\.omtop-logs\//);
    expect(view.framePattern).toBe(join(dir, 'out', 'frame_####.jpg'));
  }, 60_000);

  it('waits for every part to fail before calling it fatal: a part that retries fast does not count twice', async () => {
    // Part 1 (frames 1-4) fails at once, again and again; part 2 (5-8) takes a while to fail.
    const fake = writeFakeBlender(dir, 'no-oidn-slow', [
      'case "$*" in *"-s 5 "*) sleep 3;; esac',
      'echo "Blender 3.4.1"', 'echo "Error: Build without OpenImageDenoiser"', 'echo "Blender quit"', 'exit 1',
    ].join('\n'));
    const { handle } = await startRenderJob({
      blendFile: 'scene.blend', start: 1, end: 8, parts: 2, cwd: dir, env: process.env, blender: fake,
      outDir: join(dir, 'out-slow'), split: 'even', retries: 3,
    });
    const view = await handle.done;
    expect(view.parts.map((p) => [p.state, p.errors])).toEqual([
      ['failed', ['Error: Build without OpenImageDenoiser']], ['failed', ['Error: Build without OpenImageDenoiser']],
    ]);
    expect(view.message).toMatch(/^blender failed on every part: /);
  }, 60_000);
});
