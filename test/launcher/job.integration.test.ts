// The render engine on real Blender: a generated 32x24 scene, a few frames per test, run one by one.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRenderJob } from '../../src/launcher/startRender.js';
import type { RenderOptions } from '../../src/launcher/renderOptions.js';
import type { RenderEvent } from '../../src/launcher/jobConfig.js';
import { frameRange, parseFrameList } from '../../src/launcher/frameList.js';
import { READ_RENDER_ARGS, writeFakeBlender } from './support/fakeBlender.js';
import { blenderRequirementTest, groupGone, makeScene, processesMentioning, requireBlender, savedCounts, SKIP_REASON, SKIP_WITHOUT_BLENDER } from './support/blender.js';

let dir = '';
let scene = '';

function options(extra: Partial<RenderOptions> & Pick<RenderOptions, 'start' | 'end' | 'parts'>): RenderOptions {
  return { blendFile: scene, cwd: dir, env: process.env, ...extra };
}

async function render(extra: Parameters<typeof options>[0], onEvent?: (event: RenderEvent) => void) {
  const events: RenderEvent[] = [];
  const { handle, prepared } = await startRenderJob(options({
    ...extra,
    hooks: { ...extra.hooks, onEvent: (event) => { events.push(event); onEvent?.(event); } },
  }));
  const view = await handle.done;
  return { view, events, prepared, handle };
}

/** The frames handed to blender: with a process's start (one blender per chunk), or one by one to a render worker. */
function spawnedFrames(events: readonly RenderEvent[]): number[] {
  return events.flatMap((e) => {
    if (e.type === 'frame-start') return [e.frame];
    if (e.type !== 'part-spawn' || e.frames === '') return [];
    const list = parseFrameList(e.frames);
    return list.ok ? list.frames : [];
  });
}

function frameFiles(out: string): string[] {
  return readdirSync(out).filter((name) => name.startsWith('frame_')).sort();
}

blenderRequirementTest();

describe.skipIf(SKIP_WITHOUT_BLENDER)(`render engine on real blender${SKIP_WITHOUT_BLENDER ? ` (skipped: ${SKIP_REASON})` : ''}`, () => {
  beforeAll(() => {
    requireBlender();
    dir = mkdtempSync(join(tmpdir(), 'omtop-job-'));
    scene = join(dir, 'scene.blend');
    makeScene(scene, 40);
  }, 180_000);
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('even split: every frame of 1..40 rendered exactly once, over 3 parts', async () => {
    const { view, events } = await render({ start: 1, end: 40, parts: 3, split: 'even', outDir: 'even' });
    expect(view.state).toBe('finished');
    expect(view.framesDone).toBe(40);
    expect(spawnedFrames(events).sort((a, b) => a - b)).toEqual(frameRange(1, 40));
    expect(view.parts.map((p) => p.frames)).toEqual(['1-14', '15-27', '28-40']);
    expect(frameFiles(join(dir, 'even'))).toHaveLength(40);
    const counts = savedCounts(view.parts.flatMap((p) => (p.logFile ? [p.logFile] : [])));
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it('dynamic queue: every frame of 1..24 exactly once, one blender per part taking frames in increasing order', async () => {
    const { view, events } = await render({ start: 1, end: 24, parts: 2, outDir: 'dynamic' });
    expect(view.state).toBe('finished');
    const spawned = spawnedFrames(events);
    expect([...spawned].sort((a, b) => a - b)).toEqual(frameRange(1, 24));
    const spawns = events.filter((e) => e.type === 'part-spawn');
    expect(spawns.map((e) => e.part).sort()).toEqual([1, 2]);
    for (const spawn of spawns) {
      const handed = events.flatMap((e) => (e.type === 'frame-start' && e.pid === spawn.pid ? [e.frame] : []));
      expect(handed.length, `part ${spawn.part}`).toBeGreaterThan(0);
      expect(handed, `part ${spawn.part}`).toEqual([...handed].sort((a, b) => a - b));
    }
    const counts = savedCounts(view.parts.flatMap((p) => (p.logFile ? [p.logFile] : [])));
    expect([...counts.values()]).toEqual(new Array(24).fill(1));
    expect(view.parts.reduce((sum, p) => sum + p.framesDone, 0)).toBe(24);
  }, 90_000);

  it('a blender part killed mid-render: its frames are retried in a new process, nothing lost', async () => {
    let killed = 0;
    const spawns: Array<{ pid: number; argv: readonly string[] }> = [];
    const exits: number[] = [];
    const { view, events } = await render(
      { start: 1, end: 12, parts: 2, split: 'even', outDir: 'killed', size: { width: 96, height: 72 },
        hooks: { onPartSpawn: (pid, argv) => spawns.push({ pid, argv }), onPartExit: (pid) => exits.push(pid) } },
      (event) => {
        if (event.type === 'frame-done' && event.part === 1 && killed === 0) {
          killed = spawns[0]?.pid ?? 0;
          process.kill(killed, 'SIGKILL');
        }
      },
    );
    expect(killed).toBeGreaterThan(0);
    const exit = events.find((e) => e.type === 'part-exit' && e.pid === killed);
    expect(exit).toMatchObject({ signal: 'SIGKILL' });
    const retry = events.find((e) => e.type === 'part-spawn' && e.part === 1 && e.attempt === 2);
    expect(retry).toBeDefined();
    expect(view.state).toBe('finished');
    expect(frameFiles(join(dir, 'killed'))).toHaveLength(12);
    expect(spawns.length).toBe(3);
    expect(exits.sort()).toEqual(spawns.map((s) => s.pid).sort());
    expect(spawns[0]?.argv[0]).toMatch(/blender$/);
  }, 90_000);

  it('--resume renders only the missing frames and leaves the others untouched', async () => {
    const out = join(dir, 'even');
    const before = new Map(frameFiles(out).map((name) => [name, statSync(join(out, name))]));
    for (const frame of [3, 17, 18]) unlinkSync(join(out, `frame_${String(frame).padStart(4, '0')}.jpg`));
    const { view, events, prepared } = await render({ start: 1, end: 40, parts: 3, outDir: 'even', resume: true });
    expect(prepared.skipped).toHaveLength(37);
    expect(spawnedFrames(events).sort((a, b) => a - b)).toEqual([3, 17, 18]);
    expect(view.state).toBe('finished');
    expect(view.framesTotal).toBe(3);
    for (const [name, old] of before) {
      const now = statSync(join(out, name));
      if (['frame_0003.jpg', 'frame_0017.jpg', 'frame_0018.jpg'].includes(name)) continue;
      expect(now.ino, name).toBe(old.ino);
      expect(now.mtimeMs, name).toBe(old.mtimeMs);
    }
  }, 60_000);

  it('refuses to overwrite existing frames without --resume or --overwrite', async () => {
    await expect(startRenderJob(options({ start: 1, end: 40, parts: 2, outDir: 'even' })))
      .rejects.toThrow(/40 of 40 frames already exist .*--resume/);
  }, 30_000);

  it('cancel() stops every blender process group and keeps the finished frames', async () => {
    const pids: number[] = [];
    let cancelled: Promise<void> | undefined;
    const { handle } = await startRenderJob(options({
      start: 1, end: 30, parts: 2, split: 'even', outDir: 'cancel', size: { width: 96, height: 72 },
      hooks: {
        onPartSpawn: (pid) => pids.push(pid),
        onEvent: (event) => {
          if (event.type === 'frame-done') cancelled ??= handle.cancel();
        },
      },
    }));
    const view = await handle.done;
    await cancelled;
    expect(view.state).toBe('cancelled');
    expect(view.framesDone).toBeGreaterThan(0);
    expect(view.framesDone).toBeLessThan(30);
    expect(view.message).toMatch(/^cancelled with \d+ frame\(s\) not rendered/);
    expect(frameFiles(join(dir, 'cancel')).length).toBe(view.framesDone);
    expect(pids.length).toBe(2);
    for (const pid of pids) expect(await groupGone(pid)).toBe(true);
    expect(processesMentioning(join(dir, 'cancel'))).toEqual([]);
  }, 60_000);

  it('works with spaces, quotes, $() and ; in the file and output names, and a leading "-"', async () => {
    const odd = `-it's a "test" $(touch x); y.blend`;
    copyFileSync(scene, join(dir, odd));
    const out = `out $(touch z); 'q' "r"`;
    const { handle } = await startRenderJob({ blendFile: odd, start: 1, end: 3, parts: 2, split: 'even', outDir: out, cwd: dir, env: process.env });
    const view = await handle.done;
    expect(view.state).toBe('finished');
    expect(frameFiles(join(dir, out))).toEqual(['frame_0001.jpg', 'frame_0002.jpg', 'frame_0003.jpg']);
    expect(readdirSync(dir)).not.toContain('x');
    expect(readdirSync(dir)).not.toContain('z');
  }, 60_000);

  it('kills a part that prints nothing past --stall-timeout and retries its frames', async () => {
    const silent = writeFakeBlender(dir, 'silent-blender', 'exec sleep 60');
    const { view, events } = await render({ start: 1, end: 2, parts: 1, outDir: 'stall', split: 'even', blender: silent, stallTimeoutSeconds: 1, retries: 1 });
    const exits = events.filter((e) => e.type === 'part-exit');
    expect(exits).toHaveLength(2);
    expect(exits.every((e) => e.type === 'part-exit' && e.stalled && e.signal === 'SIGKILL')).toBe(true);
    expect(view.state).toBe('failed');
    expect(view.message).toMatch(/^2 frame\(s\) missing: 1-2; logs in /);
    expect(processesMentioning('silent-blender')).toEqual([]);
  }, 30_000);

  it('stops retrying when every part fails with the same blender error before any frame', async () => {
    const broken = writeFakeBlender(dir, 'broken-blender', 'echo "Error: Build without OpenImageDenoiser"\nexit 1');
    const { view, events } = await render({ start: 1, end: 20, parts: 2, outDir: 'broken', blender: broken, retries: 5 });
    // Each part fails once; a part may already have started its next chunk when the last one reports.
    expect(events.filter((e) => e.type === 'part-spawn').length).toBeLessThanOrEqual(3);
    expect(view.state).toBe('failed');
    // Each part failed with the error, not "cancelled" by the stop that followed.
    expect(view.parts.map((part) => part.state)).toEqual(['failed', 'failed']);
    expect(view.message).toMatch(/^blender failed on every part: Error: Build without OpenImageDenoiser \(this blender has no OpenImageDenoise: pass --no-denoising, or turn on "No denoising" in the form\); 20 frame\(s\) missing: 1-20/);
  }, 30_000);

  it('a cancel shows the parts it stopped as cancelled, and a part that had finished as done', async () => {
    // Part 1 (frame 1) renders at once; parts 2 and 3 wait until they are killed.
    const blender = writeFakeBlender(dir, 'one-quick-blender', `${READ_RENDER_ARGS}
if [ "$first" = 1 ]; then printf 'frame' > "$(frame_file 1)"; echo "Saved: '$(frame_file 1)'"; exit 0; fi
exec sleep 60`);
    let cancelled: Promise<void> | undefined;
    const { handle } = await startRenderJob(options({
      start: 1, end: 3, parts: 3, split: 'even', outDir: 'cancel-states', blender,
      hooks: { onEvent: (event) => { if (event.type === 'frame-done') cancelled ??= handle.cancel(); } },
    }));
    const view = await handle.done;
    await cancelled;
    expect(view.state).toBe('cancelled');
    expect(view.parts.map((part) => part.state)).toEqual(['done', 'cancelled', 'cancelled']);
  }, 30_000);

  it('starts at most 4 parts per CPU on a node without openMosix, and says so', async () => {
    // Writes every frame of its range at once, as blender would, saying so for each.
    const quick = writeFakeBlender(dir, 'quick-blender', `${READ_RENDER_ARGS}
f=$first; while [ "$f" -le "$last" ]; do printf 'frame' > "$(frame_file "$f")"; echo "Saved: '$(frame_file "$f")'"; f=$((f + 1)); done`);
    const { view, events, prepared } = await render({ start: 1, end: 40, parts: 40, split: 'even', outDir: 'many-parts', blender: quick, host: { cpus: 2, openMosix: false } });
    expect(prepared.warnings).toContain('40 parts on a node with 2 CPU(s) and no openMosix to spread them: using 8 (4 per CPU); pass --allow-many-parts to start all 40');
    // Any line on sharing the cores (partThreads) counts the 8 parts that run, not the 40 asked for.
    expect(prepared.warnings.filter((warning) => warning.startsWith('40 parts'))).toHaveLength(1);
    expect(view.parts).toHaveLength(8);
    expect(events.filter((e) => e.type === 'part-spawn')).toHaveLength(8);
    expect(view).toMatchObject({ state: 'finished', framesDone: 40 });
  }, 60_000);
});

