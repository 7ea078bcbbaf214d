// What the render form shows before starting, from blender itself: where the .blend writes its
// frames and its frame range (so End need not be typed); a file that is no .blend says why.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInspectBlend } from '../../src/launcher/startRender.js';
import { blenderRequirementTest, makeScene, SKIP_REASON, SKIP_WITHOUT_BLENDER } from './support/blender.js';

blenderRequirementTest();

describe.skipIf(SKIP_WITHOUT_BLENDER)(`asking blender about a .blend for the form${SKIP_WITHOUT_BLENDER ? ` (skipped: ${SKIP_REASON})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'omtop-inspect-'));
  beforeAll(() => {
    makeScene(join(dir, 'scene.blend'), 12);
    writeFileSync(join(dir, 'notes.blend'), 'not a scene');
  }, 60_000);

  it('gives the .blend\'s own output pattern with its extension, and the scene\'s range', async () => {
    const inspect = createInspectBlend({ cwd: dir, env: process.env });
    expect(await inspect('scene.blend')).toEqual({ ok: true, pattern: join(dir, 'rendered', 'frame_####.jpg'), frameStart: 1, frameEnd: 12 });
  }, 60_000);

  it('says in one line why it cannot tell', async () => {
    const inspect = createInspectBlend({ cwd: dir, env: process.env });
    expect(await inspect('notes.blend')).toEqual({ ok: false, error: 'notes.blend is not a .blend file' });
    expect(await inspect('gone.blend')).toEqual({ ok: false, error: 'cannot read gone.blend: no such file' });
    expect(await createInspectBlend({ cwd: dir, env: { PATH: '/nonexistent' } })('scene.blend')).toMatchObject({ ok: false, error: expect.stringMatching(/^blender not found/) });
  }, 60_000);
});
