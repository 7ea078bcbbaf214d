// 6. Render makespan, emulated: the tutorial's 235 frames on its four nodes (speeds read from the
// emulator's starting cluster), frames of uneven cost, in simulated time. Compared: the tutorial
// script's split (its real arithmetic), omtop's even split, omtop's render workers (one blender per
// part taking one frame at a time, the engine's own pickFrame), and one blender per chunk (the
// engine's own chunk sizing, its fallback), each against the lower bound total work / total speed.
import { createEmulatedCluster } from '../src/emulator/index.js';
import { hash01 } from '../src/emulator/random.js';
import { frameRange } from '../src/launcher/frameList.js';
import { evenSplit } from '../src/launcher/plan.js';
import type { BenchRow } from './lib/row.js';
import { ratio } from './lib/stats.js';
import { lowerBound, simulateDynamic, simulateStatic, simulateWorkers, tutorialSplit, type SimSetup, type SimWorker } from './makespanSim.js';

const BENCH = '6 makespan, emulated';
const START = 1;
const END = 235;
/** A frame takes 30 s on average on a speed-10000 node (the blacksmith scene took minutes per frame on 2004 hardware). */
const MEAN_FRAME_WORK = 30 * 10_000;
/** Loading the scene: 5 s on a speed-10000 node, paid by every new blender process. */
const STARTUP_WORK = 5 * 10_000;

/**
 * Uneven and deterministic: a slow swell over the animation (±60%), every 10th frame twice as
 * expensive (a close-up, say), and ±10% per-frame noise.
 */
export function frameWork(frame: number): number {
  const swell = 1 + 0.6 * Math.sin((Math.PI * frame) / 120);
  const closeUp = frame % 10 === 0 ? 2 : 1;
  const noise = 0.9 + 0.2 * hash01(frame);
  return MEAN_FRAME_WORK * swell * closeUp * noise;
}

function tutorialWorkers(): SimWorker[] {
  const cluster = createEmulatedCluster({ failures: false, withRender: false, guestArrivals: false });
  // One part per node: openMosix spreads the script's four processes one to a node.
  return cluster.inspect().nodes.map((node) => ({ name: `#${node.id}`, speed: node.speed }));
}

export function benchMakespanEmulated(): BenchRow[] {
  const workers = tutorialWorkers();
  const setup: SimSetup = { workers, workOf: frameWork, startupWork: STARTUP_WORK };
  const frames = frameRange(START, END);
  const bound = lowerBound(frames, setup);
  const parts = workers.length;
  const tutorialGroups = tutorialSplit(START, END, parts);
  const tutorial = simulateStatic(tutorialGroups, setup);
  const even = simulateStatic(evenSplit(frames, parts), setup);
  const perPart = simulateWorkers(frames, setup);
  const dynamic = simulateDynamic(frames, setup);
  const rendered = new Set(tutorialGroups.flat());
  const skipped = frames.filter((frame) => !rendered.has(frame));
  const speeds = workers.map((worker) => `${worker.name} ${worker.speed}`).join(', ');
  const boundText = `bound ${bound.toFixed(0)} s`;
  const row = (name: string, value: number, note: string, withTarget = false): BenchRow => ({
    bench: BENCH, name, value, unit: 's', baseline: boundText, ratio: ratio(value, bound),
    ...(withTarget ? { target: { on: 'ratio' as const, atMost: 1.05 } } : {}), note,
  });
  return [
    row('tutorial script split (render FILE 1 235 4)', tutorial.makespan,
      `renders only ${tutorial.framesRendered} of ${frames.length} frames (skips ${skipped.join(', ')}): chunks ${tutorialGroups.map((g) => `${g[0]}-${g[g.length - 1]}`).join(', ')}`),
    row('omtop even split', even.makespan, `${even.processes} processes; busy s per node: ${even.busySeconds.map((s) => s.toFixed(0)).join('/')}`),
    row('omtop render workers (dynamic queue)', perPart.makespan,
      `${perPart.processes} processes, one per part, each paying ${STARTUP_WORK / 10_000} s×10000/speed start-up once, then one frame at a time; busy s per node: ${perPart.busySeconds.map((s) => s.toFixed(0)).join('/')}`, true),
    row('omtop one blender per chunk (before; the fallback)', dynamic.makespan,
      `${dynamic.processes} processes (chunks), each paying the start-up; ${dynamic.framesRendered} frames`),
    row('lower bound: total work / total speed', bound, `simulated time; speeds ${speeds}; start-up not counted; node 261's second CPU not used (one part per node)`),
  ];
}
