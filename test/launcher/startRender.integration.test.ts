// The dashboard's entry on real Blender: StartRender with hooks (demo mode shows the parts in the
// emulated cluster). Bad requests, refused before forking, are in startRender.test.ts.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStartRender } from '../../src/launcher/startRender.js';
import type { RenderJobView } from '../../src/launcher/types.js';
import { blenderRequirementTest, makeScene, requireBlender, SKIP_REASON, SKIP_WITHOUT_BLENDER } from './support/blender.js';

blenderRequirementTest();

describe.skipIf(SKIP_WITHOUT_BLENDER)(`StartRender on real blender${SKIP_WITHOUT_BLENDER ? ` (skipped: ${SKIP_REASON})` : ''}`, () => {
  let dir = '';
  beforeAll(() => {
    requireBlender();
    dir = mkdtempSync(join(tmpdir(), 'omtop-start-'));
    makeScene(join(dir, 'scene.blend'), 4);
  }, 180_000);
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('runs a job, calls the spawn/exit hooks per part and publishes views', async () => {
    const spawned: number[] = [];
    const exited: number[] = [];
    const start = createStartRender({ cwd: dir, hooks: { onPartSpawn: (pid) => spawned.push(pid), onPartExit: (pid) => exited.push(pid) } });
    const handle = await start({ blendFile: 'scene.blend', start: 1, end: 4, parts: 2, outDir: 'out' });
    const views: RenderJobView[] = [];
    const unsubscribe = handle.subscribe((view) => views.push(view));
    const final = await handle.done;
    unsubscribe();
    expect(final).toMatchObject({ state: 'finished', framesDone: 4, framesTotal: 4, id: handle.id });
    expect(final.parts.map((p) => p.state)).toEqual(['done', 'done']);
    expect(final.lastSaved).toMatch(/frame_000\d\.jpg$/);
    expect(spawned.length).toBeGreaterThanOrEqual(2);
    expect([...exited].sort()).toEqual([...spawned].sort());
    expect(views.some((v) => v.parts.some((p) => p.pid !== null && spawned.includes(p.pid)))).toBe(true);
    expect(views.map((v) => v.framesDone)).toContain(2);
    expect(readdirSync(join(dir, 'out')).filter((n) => n.endsWith('.jpg'))).toHaveLength(4);
    // The dashboard restarts jobs: by default it resumes, so nothing is left to render the second time.
    const again = await (await start({ blendFile: 'scene.blend', start: 1, end: 4, parts: 2, outDir: 'out' })).done;
    expect(again).toMatchObject({ state: 'finished', framesTotal: 0 });
  }, 240_000); // two renders on real Blender: ~15 s on a quiet machine, over 60 s when it is busy
});
