// A small discrete-event simulator of split renders: workers (one blender part per node, each with
// a speed in work units per second) render frames whose cost is given in work units. A static
// split gives each worker one group of frames in one process; the dynamic queue hands out chunks
// sized by the render engine's own nextChunkSize from the engine's own FrameTiming measurements,
// and every new process pays a start-up cost first. Time is simulated; nothing sleeps.
import { FrameQueue } from '../src/launcher/frameQueue.js';
import { FrameTiming } from '../src/launcher/frameTiming.js';
import { nextChunkSize, type ChunkSizing } from '../src/launcher/plan.js';
import { pickFrame } from '../src/launcher/frameDispatch.js';

export interface SimWorker {
  readonly name: string;
  /** Work units per second (openMosix speed: 10000 ≈ a 1 GHz Pentium III). */
  readonly speed: number;
}

export interface SimSetup {
  readonly workers: readonly SimWorker[];
  /** Work units of one frame. */
  readonly workOf: (frame: number) => number;
  /** Work units a blender process spends loading before its first frame. */
  readonly startupWork: number;
}

export interface SimResult {
  /** Seconds until the last frame is done. */
  readonly makespan: number;
  readonly framesRendered: number;
  /** Blender processes started. */
  readonly processes: number;
  /** Seconds each worker was busy, in worker order. */
  readonly busySeconds: readonly number[];
}

/** The tutorial's script (`render FILE START END N`): N chunks of floor((END-START)/N) frames from START+1; the rest is dropped. */
export function tutorialSplit(start: number, end: number, parts: number): number[][] {
  const perPart = Math.floor((end - start) / parts);
  return Array.from({ length: parts }, (_, i) => {
    const first = i * perPart + start + 1;
    return Array.from({ length: perPart }, (__, k) => first + k);
  });
}

/** Total work over total speed: no split can finish sooner (start-up costs not even counted). */
export function lowerBound(frames: readonly number[], setup: Pick<SimSetup, 'workers' | 'workOf'>): number {
  const work = frames.reduce((sum, frame) => sum + setup.workOf(frame), 0);
  const speed = setup.workers.reduce((sum, worker) => sum + worker.speed, 0);
  return work / speed;
}

/** Group i goes to worker i, all in one process. */
export function simulateStatic(groups: readonly (readonly number[])[], setup: SimSetup): SimResult {
  const busySeconds = setup.workers.map((worker, i) => {
    const group = groups[i] ?? [];
    if (group.length === 0) return 0;
    return (setup.startupWork + group.reduce((sum, frame) => sum + setup.workOf(frame), 0)) / worker.speed;
  });
  return {
    makespan: Math.max(0, ...busySeconds),
    framesRendered: groups.reduce((sum, group) => sum + group.length, 0),
    processes: groups.filter((group) => group.length > 0).length,
    busySeconds,
  };
}

type SimEvent =
  | { readonly at: number; readonly kind: 'frame'; readonly seconds: number; readonly first: boolean }
  | { readonly at: number; readonly kind: 'free'; readonly worker: number };

/** Events in time order; at equal times a frame lands before a worker asks again, as in the engine. */
class EventQueue {
  private readonly events: SimEvent[] = [];

  push(event: SimEvent): void {
    const rank = (e: SimEvent): number => (e.kind === 'frame' ? 0 : 1);
    let index = this.events.length;
    while (index > 0) {
      const before = this.events[index - 1];
      if (!before || before.at < event.at || (before.at === event.at && rank(before) <= rank(event))) break;
      index -= 1;
    }
    this.events.splice(index, 0, event);
  }

  shift(): SimEvent | undefined {
    return this.events.shift();
  }
}

export type ChunkSizer = (sizing: ChunkSizing) => number;

/** The engine's dynamic queue: a free worker takes the next chunk (sized by `sizer`) in a new process. */
export function simulateDynamic(frames: readonly number[], setup: SimSetup, sizer: ChunkSizer = nextChunkSize): SimResult {
  const queue = new FrameQueue(frames);
  const timing = new FrameTiming();
  const events = new EventQueue();
  const busySeconds = setup.workers.map(() => 0);
  let processes = 0;
  let framesRendered = 0;
  let framesTaken = 0;
  let makespan = 0;
  setup.workers.forEach((_, worker) => events.push({ at: 0, kind: 'free', worker }));
  for (let event = events.shift(); event !== undefined; event = events.shift()) {
    if (event.kind === 'frame') {
      timing.record(event.seconds, event.first);
      framesRendered += 1;
      makespan = Math.max(makespan, event.at);
      continue;
    }
    const speed = setup.workers[event.worker]?.speed ?? 1;
    const size = sizer({
      remaining: queue.size, parts: setup.workers.length, inProgress: framesTaken - framesRendered,
      secondsPerFrame: timing.secondsPerFrame(), startupSeconds: timing.startupSeconds(),
    });
    const chunk = queue.take(size);
    if (chunk.length === 0) continue;
    framesTaken += chunk.length;
    processes += 1;
    let clock = event.at;
    let previous = clock;
    clock += setup.startupWork / speed;
    chunk.forEach((frame, index) => {
      clock += setup.workOf(frame) / speed;
      events.push({ at: clock, kind: 'frame', seconds: clock - previous, first: index === 0 });
      previous = clock;
    });
    busySeconds[event.worker] = (busySeconds[event.worker] ?? 0) + (clock - event.at);
    events.push({ at: clock, kind: 'free', worker: event.worker });
  }
  return { makespan, framesRendered, processes, busySeconds };
}

/**
 * The engine's render workers: each worker's blender starts once (paying the start-up), then takes
 * one frame at a time from the shared queue, as the engine's own pickFrame decides, whenever it is free.
 */
export function simulateWorkers(frames: readonly number[], setup: SimSetup): SimResult {
  const queue = new FrameQueue([...frames].sort((a, b) => a - b));
  const lastFrames: Array<number | null> = setup.workers.map(() => null);
  const busySeconds = setup.workers.map((worker) => setup.startupWork / worker.speed);
  const free = setup.workers.map((worker, i) => ({ at: setup.startupWork / worker.speed, worker: i }));
  let makespan = 0;
  let framesRendered = 0;
  for (;;) {
    free.sort((a, b) => a.at - b.at || a.worker - b.worker);
    const next = free.shift();
    if (next === undefined) break;
    const choice = pickFrame(queue, lastFrames[next.worker] ?? null);
    if (choice.kind !== 'frame') continue;
    queue.takeFrame(choice.frame);
    const seconds = setup.workOf(choice.frame) / (setup.workers[next.worker]?.speed ?? 1);
    lastFrames[next.worker] = choice.frame;
    busySeconds[next.worker] = (busySeconds[next.worker] ?? 0) + seconds;
    framesRendered += 1;
    makespan = Math.max(makespan, next.at + seconds);
    free.push({ at: next.at + seconds, worker: next.worker });
  }
  return { makespan, framesRendered, processes: setup.workers.length, busySeconds };
}
