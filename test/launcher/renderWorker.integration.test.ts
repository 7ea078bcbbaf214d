// The render workers (one long-lived blender per part, frames handed one at a time) on real Blender:
// frames identical pixel for pixel to `blender -a` and `-f N`; blender's own names for `#` patterns
// (the scene's, and --out-pattern's) and the launcher's rules whatever the scene says about overwriting; a crash and a hang mid-frame;
// no blender but the parts' own; the per-chunk fallback where the driver cannot run; threads.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRenderJob } from '../../src/launcher/startRender.js';
import type { RenderOptions } from '../../src/launcher/renderOptions.js';
import type { RenderEvent } from '../../src/launcher/jobConfig.js';
import { frameRange } from '../../src/launcher/frameList.js';
import { signalGroup } from '../../src/launcher/processGroup.js';
import { writeFakeBlender } from './support/fakeBlender.js';
import { samePixels } from './support/png.js';
import { blenderRequirementTest, makeMotionScene, makeScene, processesMentioning, requireBlender, SKIP_REASON, SKIP_WITHOUT_BLENDER } from './support/blender.js';

let dir = '';
let scene = '';

async function render(extra: Partial<RenderOptions> & Pick<RenderOptions, 'start' | 'end' | 'parts'>, onEvent?: (event: RenderEvent) => void) {
  const events: RenderEvent[] = [];
  const argvs: Array<readonly string[]> = [];
  const { handle, prepared } = await startRenderJob({
    blendFile: scene, cwd: dir, env: process.env, ...extra,
    hooks: {
      onPartSpawn: (_, argv) => argvs.push(argv),
      onEvent: (event) => {
        events.push(event);
        onEvent?.(event);
      },
    },
  });
  return { view: await handle.done, events, argvs, prepared };
}

const pad = (frame: number): string => String(frame).padStart(4, '0');
const handedBy = (events: readonly RenderEvent[], pid: number | null): number[] =>
  events.flatMap((e) => (e.type === 'frame-start' && e.pid === pid ? [e.frame] : []));

/** A blender that notes each call in `calls` and runs the real one. */
function countingBlender(name: string): { program: string; calls: () => string[] } {
  const program = join(dir, name);
  const calls = join(dir, `${name}.calls`);
  writeFileSync(program, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\nexec '${requireBlender()}' "$@"\n`);
  chmodSync(program, 0o755);
  return { program, calls: () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []) };
}

blenderRequirementTest();

describe.skipIf(SKIP_WITHOUT_BLENDER)(`render workers on real blender${SKIP_WITHOUT_BLENDER ? ` (skipped: ${SKIP_REASON})` : ''}`, () => {
  beforeAll(() => {
    requireBlender();
    dir = mkdtempSync(join(tmpdir(), 'omtop-worker-'));
    scene = join(dir, 'scene.blend');
    makeScene(scene, 12);
  }, 180_000);
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('renders every frame identical pixel for pixel to blender -a and -f N: animation, a driver, motion blur, a camera marker', async () => {
    const motion = join(dir, 'motion.blend');
    makeMotionScene(motion, 8);
    const blender = requireBlender();
    execFileSync(blender, ['-b', motion, '-o', join(dir, 'all', 'frame_####'), '-x', '1', '-a'], { stdio: 'ignore', timeout: 300_000 });
    execFileSync(blender, ['-b', motion, '-o', join(dir, 'one', 'frame_####'), '-x', '1', '-f', '6'], { stdio: 'ignore', timeout: 300_000 });
    const { view, argvs } = await render({ blendFile: motion, start: 1, end: 8, parts: 2, outDir: 'workers' });
    expect(view.state).toBe('finished');
    expect(argvs.length).toBe(2);
    for (const argv of argvs) expect(argv.some((word) => word.endsWith('renderWorker.py'))).toBe(true);
    for (const frame of frameRange(1, 8)) {
      expect(samePixels(join(dir, 'workers', `frame_${pad(frame)}.png`), join(dir, 'all', `frame_${pad(frame)}.png`)), `frame ${frame} vs -a`).toBe(true);
    }
    expect(samePixels(join(dir, 'workers', 'frame_0006.png'), join(dir, 'one', 'frame_0006.png')), 'frame 6 vs -f 6').toBe(true);
    // The scene really changes: the cube moves, and the marker switches cameras at frame 5.
    expect(samePixels(join(dir, 'all', 'frame_0001.png'), join(dir, 'all', 'frame_0002.png'))).toBe(false);
    expect(samePixels(join(dir, 'all', 'frame_0004.png'), join(dir, 'all', 'frame_0005.png'))).toBe(false);
  }, 600_000);

  it("writes blender's own names for # patterns, and follows omtop's rules whatever the scene says about overwriting", async () => {
    // write_still expands no #, and ignores use_overwrite and use_placeholder: the worker names each
    // frame with the scene's frame_path(), and omtop decides what is rendered and replaced.
    const odd = join(dir, 'odd.blend');
    const setup = ['import bpy', 's = bpy.context.scene', 's.render.filepath = "//hash_#/take_##_v"', 's.render.use_overwrite = False',
      's.render.use_placeholder = True', `bpy.ops.wm.save_as_mainfile(filepath=${JSON.stringify(odd)}, copy=True)`];
    execFileSync(requireBlender(), ['-b', scene, '--python-expr', setup.join('\n')], { stdio: 'ignore', timeout: 120_000 });
    const folder = join(dir, 'hash_#');
    mkdirSync(folder);
    for (const frame of [1, 2]) writeFileSync(join(folder, `take_0${frame}_v.jpg`), `the user's frame ${frame}`);
    const overwritten = await render({ blendFile: odd, start: 1, end: 4, parts: 2, overwrite: true });
    expect(overwritten.view.state).toBe('finished');
    const names = readdirSync(folder).filter((name) => name !== '.omtop-logs').sort();
    expect(names).toEqual(['take_01_v.jpg', 'take_02_v.jpg', 'take_03_v.jpg', 'take_04_v.jpg']);
    for (const name of names) {
      const bytes = readFileSync(join(folder, name));
      expect(bytes.length, name).toBeGreaterThan(100);
      expect(bytes.toString('latin1'), name).not.toMatch(/^the user's frame/);
    }
    unlinkSync(join(folder, 'take_03_v.jpg'));
    const before = new Map(names.map((name) => [name, statSync(join(folder, name), { throwIfNoEntry: false })?.mtimeMs]));
    const resumed = await render({ blendFile: odd, start: 1, end: 4, parts: 2, resume: true });
    expect(resumed.view.state).toBe('finished');
    expect(resumed.events.flatMap((e) => (e.type === 'frame-start' ? [e.frame] : []))).toEqual([3]);
    for (const name of ['take_01_v.jpg', 'take_02_v.jpg', 'take_04_v.jpg']) expect(statSync(join(folder, name)).mtimeMs, name).toBe(before.get(name));
  }, 300_000);

  it("--out-pattern reaches the workers: frames land under blender's own -o names, relative to where omtop runs", async () => {
    const { view, argvs } = await render({ start: 1, end: 3, parts: 2, outputPattern: 'shots/take_##_v' });
    expect(view.state).toBe('finished');
    expect(argvs.length).toBe(2);
    for (const argv of argvs) expect(argv.some((word) => word.endsWith('renderWorker.py'))).toBe(true);
    expect(view.framePattern).toBe(join(dir, 'shots', 'take_##_v.jpg'));
    const names = readdirSync(join(dir, 'shots')).filter((name) => name !== '.omtop-logs').sort();
    expect(names).toEqual(['take_01_v.jpg', 'take_02_v.jpg', 'take_03_v.jpg']);
    for (const name of names) expect(statSync(join(dir, 'shots', name)).size, name).toBeGreaterThan(100);
  }, 300_000);

  it('a blender killed mid-frame loses only that frame: a fresh one renders it, and each blender went forward only', async () => {
    let killed: number | null = null;
    const seen: RenderEvent[] = [];
    const { view, events } = await render({ start: 1, end: 10, parts: 2, outDir: 'crash', size: { width: 96, height: 72 } }, (event) => {
      seen.push(event);
      // Part 1's second frame: its blender is killed with the frame in hand.
      if (event.type === 'frame-start' && event.part === 1 && killed === null && handedBy(seen, event.pid).length === 2) {
        killed = event.pid;
        if (killed !== null) signalGroup(killed, 'SIGKILL');
      }
    });
    expect(killed).not.toBeNull();
    const lostFrame = handedBy(events, killed).at(-1);
    expect(events.find((e) => e.type === 'part-exit' && e.pid === killed)).toMatchObject({ signal: 'SIGKILL', missing: String(lostFrame) });
    expect(events.find((e) => e.type === 'part-spawn' && e.part === 1 && e.attempt === 2)).toBeDefined();
    expect(view.state).toBe('finished');
    expect(readdirSync(join(dir, 'crash')).filter((name) => name !== '.omtop-logs').sort()).toEqual(frameRange(1, 10).map((f) => `frame_${pad(f)}.jpg`));
    expect(events.filter((e) => e.type === 'frame-done').map((e) => (e.type === 'frame-done' ? e.frame : 0)).sort((a, b) => a - b)).toEqual(frameRange(1, 10));
    for (const spawn of events.filter((e) => e.type === 'part-spawn')) {
      const handed = handedBy(events, spawn.pid);
      expect(handed).toEqual([...handed].sort((a, b) => a - b));
    }
  }, 300_000);

  it('a blender that hangs mid-frame is killed by the watchdog, and its frame rendered by a fresh one', async () => {
    let stopped: number | null = null;
    const seen: RenderEvent[] = [];
    const { view, events } = await render({ start: 1, end: 6, parts: 2, outDir: 'hang', stallTimeoutSeconds: 20 }, (event) => {
      seen.push(event);
      if (event.type === 'frame-start' && stopped === null && handedBy(seen, event.pid).length === 2) {
        stopped = event.pid;
        if (stopped !== null) signalGroup(stopped, 'SIGSTOP');
      }
    });
    expect(stopped).not.toBeNull();
    expect(events.find((e) => e.type === 'part-exit' && e.pid === stopped)).toMatchObject({
      stalled: true, signal: 'SIGKILL', missing: String(handedBy(events, stopped).at(-1)),
    });
    expect(view.state).toBe('finished');
    expect(view.framesDone).toBe(6);
  }, 300_000);

  it('starts no blender but the parts: the first part answers where the frames go; each part gets its share of the cores', async () => {
    const counting = countingBlender('counting-blender');
    const { view } = await render({ start: 1, end: 4, parts: 2, outDir: 'count', blender: counting.program });
    expect(view.state).toBe('finished');
    const calls = counting.calls();
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(call).toMatch(/renderWorker\.py/);
    expect(calls.join('\n')).not.toMatch(/blendInfo\.py/);
    const share = existsSync('/proc/hpc') ? 1 : Math.max(1, Math.floor(availableParallelism() / 2));
    for (const call of calls) expect(call).toMatch(new RegExp(` -t ${share} `));
    const pinned = countingBlender('pinned-blender');
    expect((await render({ start: 1, end: 2, parts: 1, outDir: 'pinned', threads: 1, blender: pinned.program })).view.state).toBe('finished');
    expect(pinned.calls()).toEqual([expect.stringMatching(/ -t 1 .*renderWorker\.py/)]);
  }, 300_000);

  it('where blender cannot run the driver, renders one blender per chunk as before', async () => {
    const old = writeFakeBlender(dir, 'old-blender', `exec '${requireBlender()}' "$@"`);
    const { view, events, argvs } = await render({ start: 1, end: 4, parts: 2, outDir: 'old', blender: old });
    expect(view.state).toBe('finished');
    expect(readdirSync(join(dir, 'old')).filter((name) => name.endsWith('.jpg'))).toHaveLength(4);
    expect(argvs.length).toBeGreaterThan(0);
    for (const argv of argvs) {
      expect(argv.some((word) => word.endsWith('renderWorker.py'))).toBe(false);
      expect(argv.includes('-a') || argv.includes('-f')).toBe(true);
    }
    expect(events.filter((e) => e.type === 'frame-start')).toEqual([]);
  }, 300_000);

  it('stops when every part fails its first frame with the same blender error, and leaves no blender behind', async () => {
    const denoised = join(dir, 'denoised.blend');
    const setup = ['import bpy', 'bpy.context.scene.cycles.use_denoising = True', `bpy.ops.wm.save_as_mainfile(filepath=${JSON.stringify(denoised)}, copy=True)`];
    execFileSync(requireBlender(), ['-b', scene, '--python-expr', setup.join('\n')], { stdio: 'ignore', timeout: 120_000 });
    const { view, events } = await render({ blendFile: denoised, start: 1, end: 8, parts: 2, outDir: 'denoised', retries: 5 });
    expect(view.state).toBe('failed');
    expect(view.message).toMatch(/^blender failed on every part: .*OpenImageDenoise.*pass --no-denoising, or turn on "No denoising" in the form\); 8 frame\(s\) missing: 1-8; logs in /);
    expect(events.filter((e) => e.type === 'part-spawn')).toHaveLength(2);
    // Each part failed (not cancelled), with blender's own error line kept for the job's details.
    expect(view.parts.map((part) => part.state)).toEqual(['failed', 'failed']);
    for (const part of view.parts) expect(part.errors?.some((line) => /OpenImageDenoise/.test(line)), JSON.stringify(part.errors)).toBe(true);
    expect(processesMentioning(join(dir, 'denoised'))).toEqual([]);
    expect(readdirSync(join(dir, 'denoised'))).toEqual(['.omtop-logs']);
  }, 300_000);
});
