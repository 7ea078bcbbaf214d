// The render watch over a hand-made process table and folder: the tutorial's script with its four
// migrated (unreadable) children, then the end of the script, and a blender started by hand.
import { describe, expect, it } from 'vitest';
import type { ProcessSnapshot } from '../../src/model/snapshot.js';
import type { FileEntry, ProcessDetails, RenderWatchSources } from '../../src/runner/watchSources.js';
import { createRenderWatch } from '../../src/observer/watch.js';
import { fakeProcess, fakeSnapshot } from '../helpers/fakeBackend.js';

const T0 = Date.UTC(2004, 3, 10, 22, 35, 46); // the tutorial's "Job started at: 10-04-04 22:35:46"
const DIR = '/root/blacksmith';

interface World {
  processes: ProcessSnapshot[];
  details: Map<number, ProcessDetails>;
  files: Map<string, FileEntry[]>;
  blendAsked: string[];
}

function sourcesOf(world: World): RenderWatchSources {
  return {
    processDetails: (pids) => Promise.resolve(new Map(pids.flatMap((pid) => {
      const d = world.details.get(pid);
      return d === undefined ? [] : [[pid, d] as const];
    }))),
    listDirectory: (dir, wanted) => {
      const files = world.files.get(dir);
      return Promise.resolve(files === undefined ? { ok: false as const, error: `cannot list ${dir}: no such file or directory` }
        : { ok: true as const, entries: files.filter((f) => wanted(f.name)) });
    },
    blendOutput: (query) => {
      world.blendAsked.push(query.blendFile);
      return Promise.resolve(query.blendFile === `${DIR}/blacksmith-jpeg.blend`
        ? { ok: true as const, pattern: `${DIR}/rendered/`, extension: '.jpg', frameStart: 1, frameEnd: 235 }
        : { ok: false as const, error: `blender could not read ${query.blendFile}` });
    },
  };
}

/** The tutorial's mps: the script at home, its four children migrated and shown as (blender). */
function tutorial(): World {
  const world: World = { processes: [], details: new Map(), files: new Map(), blendAsked: [] };
  const add = (pid: number, ppid: number, command: string, node: number, argv: string[], startedAt: number): void => {
    world.processes.push(fakeProcess(pid, { command, node, home: 261 }));
    world.details.set(pid, { pid, ppid, argv, startedAt, cwd: DIR });
  };
  add(1147, 1146, 'zsh', 261, ['zsh'], T0 - 60_000);
  add(1159, 1147, '/bin/sh render blacksmith-jpeg.blend 1 235 4', 261, ['/bin/sh', 'render', 'blacksmith-jpeg.blend', '1', '235', '4'], T0);
  for (const [i, [pid, node]] of [[1166, 266], [1169, 266], [1172, 258], [1175, 258]].entries()) add(pid!, 1159, '(blender)', node!, [], T0 + i * 10);
  return world;
}

/** Frames done, one every 20 s per part since T0 (and two old files from an earlier run). */
function writeFrames(world: World, perPart: readonly number[]): void {
  const starts = [2, 60, 118, 176];
  const files: FileEntry[] = [{ name: '0234.jpg', size: 40_000, mtimeMs: T0 - 86_400_000 }];
  perPart.forEach((count, part) => {
    for (let k = 0; k < count; k += 1) files.push({ name: `${String((starts[part] ?? 0) + k).padStart(4, '0')}.jpg`, size: 40_000, mtimeMs: T0 + (k + 1) * 20_000 });
  });
  world.files.set(`${DIR}/rendered`, files);
}

const snapshot = (world: World) => fakeSnapshot({ processes: world.processes });

describe('the render watch', () => {
  it('shows the tutorial\'s running script as a job: four parts by spawn order, frames from the folder, s/frame, ETA, the warning', async () => {
    const world = tutorial();
    writeFrames(world, [10, 20, 5, 0]);
    const watch = createRenderWatch(sourcesOf(world), { now: () => T0 + 600_000 });
    expect(await watch.update(snapshot(world), new Set())).toBe(true);
    const [job] = watch.views();
    expect(job).toMatchObject({
      id: 'script-1159', origin: 'observed', state: 'running', framesTotal: 235, framesDone: 35,
      command: '/bin/sh render blacksmith-jpeg.blend 1 235 4', framePattern: `${DIR}/rendered/####.jpg`, outDir: `${DIR}/rendered`,
      warning: 'the script renders 2–233: frames 1, 234, 235 will be missing', pids: [1159, 1166, 1169, 1172, 1175], resume: null,
    });
    expect(job?.parts.map((p) => [p.pid, p.frames, p.framesDone, p.framesTotal, p.currentFrame, p.state])).toEqual([
      [1166, '2-59', 10, 58, 12, 'rendering'], [1169, '60-117', 20, 58, 80, 'rendering'],
      [1172, '118-175', 5, 58, 123, 'rendering'], [1175, '176-233', 0, 58, 176, 'rendering'],
    ]);
    expect(job?.parts[0]?.secondsPerFrame).toBe(20);
    // The slowest part decides: 53 frames left at 20 s each.
    expect(job?.etaSeconds).toBe(53 * 20);
    expect(job?.lastSaved).toBe(`${DIR}/rendered/0079.jpg`);
    expect(world.blendAsked).toEqual([`${DIR}/blacksmith-jpeg.blend`]);
  });

  it('when the script ends: finished parts, the missing frames, and the launcher request that renders exactly those', async () => {
    const world = tutorial();
    writeFrames(world, [58, 58, 58, 58]);
    const watch = createRenderWatch(sourcesOf(world));
    await watch.update(snapshot(world), new Set());
    world.processes = world.processes.filter((p) => p.pid === 1147);
    await watch.update(snapshot(world), new Set());
    const [job] = watch.views();
    expect(job?.state).toBe('finished');
    expect(job?.parts.every((p) => p.state === 'done')).toBe(true);
    // 234 is on disk from an earlier run: --resume would not render it again either.
    expect(job?.framesMissing).toBe('1,235');
    expect(job?.warning).toBe('the script rendered 2–233: frames 1, 234, 235 are missing');
    expect(job?.resume).toEqual({
      request: { blendFile: `${DIR}/blacksmith-jpeg.blend`, start: 1, end: 235, parts: 2, existing: 'resume' },
      command: `omtop render --resume ${DIR}/blacksmith-jpeg.blend 1 235 2`,
    });
    expect(job?.message).toBe('2 frame(s) missing: 1,235 · R renders them');
  });

  it('a child that exits with frames missing is a failed part, with what it left out', async () => {
    const world = tutorial();
    writeFrames(world, [10, 20, 5, 0]);
    const watch = createRenderWatch(sourcesOf(world));
    await watch.update(snapshot(world), new Set());
    world.processes = world.processes.filter((p) => p.pid !== 1172);
    await watch.update(snapshot(world), new Set());
    const part = watch.views()[0]?.parts[2];
    expect(part).toMatchObject({ pid: null, state: 'failed', framesDone: 5 });
    expect(part?.errors?.[0]).toMatch(/^blender exited with frames 123-175 not rendered/);
  });

  it('maps a readable child by its own -s/-e, whatever order it started in', async () => {
    const world = tutorial();
    writeFrames(world, [0, 0, 0, 0]);
    world.details.set(1166, { pid: 1166, ppid: 1159, argv: ['blender', '-b', 'blacksmith-jpeg.blend', '-s', '176', '-e', '233', '-a'], startedAt: T0, cwd: DIR });
    const watch = createRenderWatch(sourcesOf(world));
    await watch.update(snapshot(world), new Set());
    expect(watch.views()[0]?.parts.map((p) => p.pid)).toEqual([1169, 1172, 1175, 1166]);
  });

  it('shows a blender started by hand with -o, leaves omtop\'s own parts alone, and says why frames cannot be counted', async () => {
    const world: World = { processes: [], details: new Map(), files: new Map(), blendAsked: [] };
    world.processes.push(fakeProcess(500, { command: 'blender -b /srv/shot.blend -o //out/f_ -s 1 -e 3 -a' }));
    world.details.set(500, { pid: 500, ppid: 400, argv: ['blender', '-b', '/srv/shot.blend', '-o', '//out/f_', '-s', '1', '-e', '3', '-a'], startedAt: T0, cwd: '/srv' });
    world.processes.push(fakeProcess(600, { command: 'blender -b /srv/mine.blend -s 1 -e 3 -a' }));
    world.details.set(600, { pid: 600, ppid: 9999, argv: ['blender', '-b', '/srv/mine.blend', '-s', '1', '-e', '3', '-a'], startedAt: T0, cwd: '/srv' });
    world.files.set('/srv/out', [{ name: 'f_0001.png', size: 10, mtimeMs: T0 + 5000 }]);
    const watch = createRenderWatch(sourcesOf(world));
    await watch.update(fakeSnapshot({ processes: world.processes }), new Set([9999]));
    const views = watch.views();
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ id: 'blender-500', framesDone: 1, framesTotal: 3, framePattern: '/srv/out/f_####.*', warning: null });
    expect(world.blendAsked).toEqual([]);

    world.processes = [fakeProcess(700, { command: 'blender -b nowhere.blend -a' })];
    world.details = new Map([[700, { pid: 700, ppid: 400, argv: ['blender', '-b', 'nowhere.blend', '-a'], startedAt: T0, cwd: '/srv' }]]);
    await watch.update(fakeSnapshot({ processes: world.processes }), new Set());
    const lost = watch.views().find((v) => v.id === 'blender-700');
    expect(lost?.message).toBe('frames not counted: blender could not read /srv/nowhere.blend');
  });

  it('keeps only the newest ended renders, and skips an update while one runs', async () => {
    const world = tutorial();
    writeFrames(world, [1, 1, 1, 1]);
    const watch = createRenderWatch(sourcesOf(world), { keepEnded: 1 });
    const first = watch.update(snapshot(world), new Set());
    expect(await watch.update(snapshot(world), new Set())).toBe(false);
    await first;
    for (const pid of [1159, 1160]) {
      world.processes = pid === 1159 ? [] : [fakeProcess(1160, { command: '/bin/sh render blacksmith-jpeg.blend 1 235 4' })];
      world.details.set(1160, { pid: 1160, ppid: 1147, argv: ['/bin/sh', 'render', 'blacksmith-jpeg.blend', '1', '235', '4'], startedAt: T0, cwd: DIR });
      await watch.update(snapshot(world), new Set());
    }
    world.processes = [];
    await watch.update(snapshot(world), new Set());
    expect(watch.views().map((v) => v.id)).toEqual(['script-1160']);
  });
});
