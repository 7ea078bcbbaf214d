// 7. Render makespan with real Blender, for two scene profiles (bench/blender/profiles.ts): the test
// scene's spiky cost and a ramp. Each renders its frames with 2 parts of one thread each, through the
// render engine's API, from the request to the last frame (the job's preparation included: it starts
// the parts' blenders, or a blender of its own to ask where frames go): the even split, the render
// workers (one blender per part fed one frame at a time, the default), and one blender per chunk (the
// fallback, as omtop rendered before the workers). The lower bound is the sum of the frame times of a
// one-part render of the same scene in the same run (its first frame includes one blender start-up),
// halved; a floor row shows the best whole-frame split, which no scheduler can beat.
// The machine is shared: each render runs REPEATS times, interleaved, and the rows give medians. The
// CPU rows are the load-independent check: the busiest part's blender CPU seconds against half the
// one-part render's, which is what the makespan would be with a core to each part and nothing else.
import { execa } from 'execa';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RenderOptions } from '../src/launcher/renderOptions.js';
import { startRenderJob } from '../src/launcher/startRender.js';
import { SCENE_PROFILES, type SceneProfile } from './blender/profiles.js';
import { cpuSecondsOf, endedChildrenCpuSeconds } from './lib/procStat.js';
import type { BenchRow } from './lib/row.js';
import { median, ratio } from './lib/stats.js';
import { wholeFrameFloor } from './lib/wholeFrameSplit.js';

const BENCH = '7 makespan, blender';
/** The floor computation is a two-way split; more parts would need a different one. */
const PARTS = 2;
/** 56× the pixels of the scene's own 32×24, so a heavy frame takes seconds and blender's start-up (~1.5 s) does not drown it. */
const SIZE = { width: 240, height: 180 };
/** Runs of each render; the rows give the median (the machine is shared with other work). */
const REPEATS = 3;

type Method = 'single' | 'even' | 'workers' | 'chunks';

const METHODS: Readonly<Record<Method, { readonly label: string; readonly options: Partial<RenderOptions> }>> = {
  single: { label: 'one part', options: { split: 'even' } },
  even: { label: 'even split', options: { split: 'even' } },
  workers: { label: 'render workers (default)', options: { split: 'dynamic' } },
  chunks: { label: 'one blender per chunk (before)', options: { split: 'dynamic', perChunk: true } },
};

interface RenderRun {
  readonly wallSeconds: number;
  readonly frameSeconds: number[];
  readonly processes: number;
  /** Blender CPU seconds of the whole run (every blender it started), and of its busiest part. */
  readonly cpuSeconds: number;
  readonly busiestPartCpu: number;
  readonly problem: string | null;
}

interface Scene {
  readonly profile: SceneProfile;
  readonly blendFile: string;
  readonly workDir: string;
}

/** Follows the parts' blenders' CPU time while they run (the last reading before each one ends). */
function watchPartCpu(): { track(part: number, pid: number): void; stop(): Map<number, number> } {
  const last = new Map<number, { part: number; seconds: number }>();
  const timer = setInterval(() => {
    for (const [pid, reading] of last) last.set(pid, { part: reading.part, seconds: cpuSecondsOf(pid) ?? reading.seconds });
  }, 100);
  return {
    track: (part, pid) => last.set(pid, { part, seconds: cpuSecondsOf(pid) ?? 0 }),
    stop: () => {
      clearInterval(timer);
      const perPart = new Map<number, number>();
      for (const { part, seconds } of last.values()) perPart.set(part, (perPart.get(part) ?? 0) + seconds);
      return perPart;
    },
  };
}

async function render(scene: Scene, method: Method, run: number): Promise<RenderRun> {
  const { frames } = scene.profile;
  const frameSeconds: number[] = [];
  let processes = 0;
  const cpu = watchPartCpu();
  const cpuBefore = endedChildrenCpuSeconds() ?? 0;
  const started = performance.now();
  const { handle } = await startRenderJob({
    blendFile: scene.blendFile, start: 1, end: frames, parts: method === 'single' ? 1 : PARTS, size: SIZE, threads: 1,
    outDir: join(scene.workDir, `${scene.profile.name}-${method}-${run}`), overwrite: true, cwd: scene.workDir, env: process.env, stallTimeoutSeconds: 300,
    ...METHODS[method].options,
    hooks: {
      onEvent: (event) => {
        if (event.type === 'frame-done') frameSeconds.push(event.seconds);
        if (event.type === 'part-spawn' && event.pid !== null) {
          processes += 1;
          cpu.track(event.part, event.pid);
        }
      },
    },
  });
  const view = await handle.done;
  const wallSeconds = (performance.now() - started) / 1000;
  const perPart = cpu.stop();
  const problem = view.state === 'finished' && view.framesDone === frames
    ? null
    : `${scene.profile.name} ${method}: ${view.state}, ${view.framesDone}/${frames} frames: ${view.message ?? ''}`;
  return {
    wallSeconds, frameSeconds, processes, problem,
    cpuSeconds: (endedChildrenCpuSeconds() ?? 0) - cpuBefore,
    busiestPartCpu: Math.max(0, ...perPart.values()),
  };
}

async function makeScene(repoRoot: string, workDir: string, profile: SceneProfile): Promise<Scene> {
  const blendFile = join(workDir, `${profile.name}.blend`);
  const scripts = ['fixtures/blender/make-scene.py', profile.costScript, 'bench/blender/single-thread.py']
    .filter((script) => script !== null)
    .flatMap((script) => ['--python', join(repoRoot, script)]);
  const made = await execa('blender', ['-b', '--factory-startup', ...scripts, '--', blendFile, String(profile.frames)], { reject: false, stdin: 'ignore' });
  if (made.exitCode !== 0) {
    throw new Error(`making the ${profile.name} scene failed (exit ${String(made.exitCode)}): ${String(made.stderr).trim().split('\n').pop() ?? ''}`);
  }
  return { profile, blendFile, workDir };
}

const secondsText = (values: readonly number[]): string => values.map((value) => value.toFixed(1)).join(' / ');

interface Measured {
  readonly runs: Readonly<Record<Method, readonly RenderRun[]>>;
  readonly loadText: string;
}

function profileRows(scene: Scene, { runs, loadText }: Measured): BenchRow[] {
  const { profile } = scene;
  const sums = runs.single.map((run) => run.frameSeconds.reduce((total, seconds) => total + seconds, 0));
  const bound = median(sums) / PARTS;
  const cpuBound = median(runs.single.map((run) => run.cpuSeconds)) / PARTS;
  const middle = runs.single.find((_, i) => sums[i] === median(sums)) ?? runs.single[0];
  const floor = wholeFrameFloor(middle?.frameSeconds ?? [0, 0]);
  const problems = Object.values(runs).flat().map((run) => run.problem).filter((problem) => problem !== null);
  const warning = problems.length > 0 ? `; WARNING: ${problems.join('; ')}` : '';
  const boundText = `${profile.name} bound ${bound.toFixed(1)} s`;
  const cpuBoundText = `${profile.name} CPU bound ${cpuBound.toFixed(1)} s`;
  const evenWall = median(runs.even.map((run) => run.wallSeconds));
  const wallRow = (method: Exclude<Method, 'single'>): BenchRow => {
    const walls = runs[method].map((run) => run.wallSeconds);
    const value = median(walls);
    return {
      bench: BENCH, name: `${profile.name}: ${METHODS[method].label}, ${PARTS} parts`, value, unit: 's', baseline: boundText, ratio: ratio(value, bound),
      ...(method === 'workers' ? { target: { on: 'ratio' as const, atMost: 1.15 } } : {}),
      note: `median of ${walls.length} runs (${secondsText(walls)} s); ${median(runs[method].map((run) => run.processes))} blender processes${method === 'chunks' ? ' (and one before them to ask where the frames go)' : ''}`
        + `${method === 'workers' ? `; ${(value / evenWall).toFixed(2)}× the even split's time` : ''}${method === 'even' ? `; ${profile.why}` : ''}${warning}`,
    };
  };
  const cpuRow = (method: Exclude<Method, 'single'>): BenchRow => {
    const busiest = runs[method].map((run) => run.busiestPartCpu);
    const value = median(busiest);
    return {
      bench: BENCH, name: `${profile.name}: ${METHODS[method].label}, CPU of the busiest part`, value, unit: 's', baseline: cpuBoundText, ratio: ratio(value, cpuBound),
      note: `blender user+sys seconds of the part that used most (${secondsText(busiest)} s); all blenders of the run: ${secondsText(runs[method].map((run) => run.cpuSeconds))} s; the makespan with a core to each part and nothing else running`,
    };
  };
  return [
    wallRow('even'), wallRow('workers'), wallRow('chunks'),
    {
      bench: BENCH, name: `${profile.name}: lower bound, sum of frame times / parts`, value: bound, unit: 's', baseline: boundText, ratio: 1,
      note: `median of ${sums.length} one-part renders of the same ${profile.frames} frames (sums ${secondsText(sums)} s); Cycles ${SIZE.width}×${SIZE.height}, 1 thread per part; ${loadText}`,
    },
    {
      bench: BENCH, name: `${profile.name}: best whole-frame split (floor)`, value: floor.makespanSeconds, unit: 's', baseline: boundText, ratio: ratio(floor.makespanSeconds, bound),
      note: `the bound divides work fractionally, but parts render whole frames and each starts blender once (start-up ≈ ${floor.startupSeconds.toFixed(1)} s = frame 1 − frame 2 of the one-part run); the best assignment of these frame times to ${PARTS} parts finishes here${profile.name === 'spiky' ? ' (one part must take 3 of the 5 heavy frames)' : ''}`,
    },
    cpuRow('even'), cpuRow('workers'), cpuRow('chunks'),
  ];
}

async function benchProfile(repoRoot: string, workDir: string, profile: SceneProfile): Promise<BenchRow[]> {
  const scene = await makeScene(repoRoot, workDir, profile);
  const loadBefore = loadavg()[0] ?? 0;
  const runs: Record<Method, RenderRun[]> = { single: [], even: [], workers: [], chunks: [] };
  // Interleaved, so that a busy minute on the machine falls on every method alike.
  for (let run = 0; run < REPEATS; run += 1) {
    for (const method of Object.keys(METHODS) as Method[]) runs[method].push(await render(scene, method, run));
  }
  const loadText = `load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores shared with other work`;
  return profileRows(scene, { runs, loadText });
}

export async function benchMakespanBlender(repoRoot: string): Promise<BenchRow[]> {
  const workDir = await mkdtemp(join(tmpdir(), 'omtop-bench-blender-'));
  try {
    const rows: BenchRow[] = [];
    // One profile after the other: run side by side they would share the 2 cores and skew both.
    for (const profile of SCENE_PROFILES) rows.push(...(await benchProfile(repoRoot, workDir, profile)));
    return rows;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
