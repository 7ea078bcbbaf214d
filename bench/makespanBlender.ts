// 7. Render makespan with real Blender: the committed test scene (uneven cost: every fifth frame has
// far more samples), FRAMES frames, 2 parts of one thread each, through the render engine's API.
// Even split vs dynamic queue vs the lower bound: the sum of the frame times of a one-part render
// of the same frames in the same run (its first frame includes one blender start-up), halved.
import { execa } from 'execa';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SplitMode } from '../src/render/jobConfig.js';
import { startRenderJob } from '../src/render/startRender.js';
import type { BenchRow } from './lib/row.js';
import { ratio } from './lib/stats.js';

const BENCH = '7 makespan, blender';
/** 28 frames: the even split gets heavy frames 5, 10 and 15, 20, 25 (2 against 3). */
const FRAMES = 28;
const PARTS = 2;
/** 56× the pixels of the scene's own 32×24, so a heavy frame takes seconds and blender's start-up (~1.5 s) does not drown it. */
const SIZE = { width: 240, height: 180 };

interface RenderRun {
  readonly wallSeconds: number;
  readonly frameSeconds: number[];
  readonly processes: number;
  /** Seconds from the job's start to each part's last frame. */
  readonly partsDoneAt: number[];
  readonly problem: string | null;
}

async function render(workDir: string, blendFile: string, parts: number, split: SplitMode, label: string): Promise<RenderRun> {
  const frameSeconds: number[] = [];
  const lastFrameAt = new Map<number, number>();
  let processes = 0;
  let started = performance.now();
  const { handle } = await startRenderJob({
    blendFile, start: 1, end: FRAMES, parts, split, size: SIZE, outDir: join(workDir, label), overwrite: true,
    cwd: workDir, env: process.env, stallTimeoutSeconds: 300,
    hooks: {
      onEvent: (event) => {
        if (event.type === 'frame-done') {
          frameSeconds.push(event.seconds);
          lastFrameAt.set(event.part, (performance.now() - started) / 1000);
        }
        if (event.type === 'part-spawn') processes += 1;
      },
    },
  });
  started = performance.now();
  const view = await handle.done;
  const wallSeconds = (performance.now() - started) / 1000;
  const problem = view.state === 'finished' && view.framesDone === FRAMES ? null : `${label}: ${view.state}, ${view.framesDone}/${FRAMES} frames: ${view.message ?? ''}`;
  const partsDoneAt = [...lastFrameAt.entries()].sort(([a], [b]) => a - b).map(([, at]) => at);
  return { wallSeconds, frameSeconds, processes, partsDoneAt, problem };
}

const partTimes = (run: RenderRun): string => run.partsDoneAt.map((at) => `${at.toFixed(1)} s`).join(' / ');

async function makeScene(repoRoot: string, workDir: string): Promise<string> {
  const blendFile = join(workDir, 'uneven.blend');
  const made = await execa('blender', [
    '-b', '--factory-startup', '--python', join(repoRoot, 'fixtures/blender/make-scene.py'),
    '--python', join(repoRoot, 'bench/blender/single-thread.py'), '--', blendFile, String(FRAMES),
  ], { reject: false, stdin: 'ignore' });
  if (made.exitCode !== 0) throw new Error(`make-scene.py failed (exit ${String(made.exitCode)}): ${String(made.stderr).trim().split('\n').pop() ?? ''}`);
  return blendFile;
}

export async function benchMakespanBlender(repoRoot: string): Promise<BenchRow[]> {
  const workDir = await mkdtemp(join(tmpdir(), 'omtop-bench-blender-'));
  try {
    const blendFile = await makeScene(repoRoot, workDir);
    const loadBefore = loadavg()[0] ?? 0;
    const single = await render(workDir, blendFile, 1, 'even', 'single');
    const even = await render(workDir, blendFile, PARTS, 'even', 'even');
    const dynamic = await render(workDir, blendFile, PARTS, 'dynamic', 'dynamic');
    const sum = single.frameSeconds.reduce((total, seconds) => total + seconds, 0);
    const bound = sum / PARTS;
    const problems = [single, even, dynamic].map((run) => run.problem).filter((problem) => problem !== null);
    const warning = problems.length > 0 ? `; WARNING: ${problems.join('; ')}` : '';
    const boundText = `bound ${bound.toFixed(1)} s`;
    return [
      {
        bench: BENCH, name: `even split, ${PARTS} parts`, value: even.wallSeconds, unit: 's', baseline: boundText, ratio: ratio(even.wallSeconds, bound),
        note: `${even.processes} blender processes; parts done after ${partTimes(even)}${warning}`,
      },
      {
        bench: BENCH, name: `dynamic queue, ${PARTS} parts`, value: dynamic.wallSeconds, unit: 's', baseline: boundText, ratio: ratio(dynamic.wallSeconds, bound),
        target: { on: 'ratio', atMost: 1.15 },
        note: `${dynamic.processes} blender processes (each pays start-up, ${single.frameSeconds[0]?.toFixed(1) ?? '—'} s first frame in the one-part run); parts done after ${partTimes(dynamic)}`,
      },
      {
        bench: BENCH, name: 'lower bound: sum of frame times / parts', value: bound, unit: 's', baseline: boundText, ratio: 1,
        note: `one-part render of the same ${FRAMES} frames in this run took ${single.wallSeconds.toFixed(1)} s; first frame (with start-up) ${single.frameSeconds[0]?.toFixed(1) ?? '—'} s, slowest ${Math.max(...single.frameSeconds).toFixed(1)} s; Cycles ${SIZE.width}×${SIZE.height}, 1 thread per part; load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)} (other work on the 2 cores slows the parallel runs, not the bound)`,
      },
    ];
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
