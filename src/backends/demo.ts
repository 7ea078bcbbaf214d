// --demo: the openmosix backend, unchanged, over the emulated cluster instead of the real tools,
// so the demo runs the same parsers and the same code paths as a real cluster. The emulator
// moves only when told: each collect advances it by the wall time since the previous collect
// (capped, so a suspended laptop does not fast-forward an hour), or by a fixed step in tests.
import { createEmulatedCluster } from '../emulator/index.js';
import type { EmulatedCluster, EmulatorOptions } from '../emulator/types.js';
import type { RenderWatchSources } from '../runner/watchSources.js';
import type { Backend, CollectContext } from './backend.js';
import { createOpenMosixBackend } from './openmosix/openmosixBackend.js';

export interface DemoBackendOptions {
  /** Same seed, same cluster history. @default the emulator's fixed seed */
  readonly seed?: number;
  /** Advance by real elapsed time on each collect; false: by `stepMs`. @default true */
  readonly realtime?: boolean;
  /** Model time per collect when `realtime` is false. @default 2000 */
  readonly stepMs?: number;
  /** Passed on to the emulator (failures, guests, the starting render). */
  readonly emulator?: Omit<EmulatorOptions, 'seed'>;
  /** @default Date.now */
  readonly wallClock?: () => number;
}

export interface DemoBackend extends Backend {
  /** The cluster behind the demo: the launcher adopts its blender parts into it. */
  readonly emulator: EmulatedCluster;
  /** The render watch's seam over it, on the same clock as the snapshots. */
  readonly renderSources: RenderWatchSources;
}

/** The longest step one collect may take, in model milliseconds. */
const MAX_STEP_MS = 60_000;

export function createDemoBackend(options: DemoBackendOptions = {}): DemoBackend {
  const wallClock = options.wallClock ?? Date.now;
  const emulator = createEmulatedCluster({ ...options.emulator, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const startedAt = wallClock();
  let modelMs = 0;
  let lastWall = startedAt;
  const inner = createOpenMosixBackend({ runner: emulator, name: 'demo', hpcRoot: null, now: () => startedAt + modelMs });

  const step = (): void => {
    const wall = wallClock();
    const ms = options.realtime === false ? (options.stepMs ?? 2000) : Math.min(MAX_STEP_MS, Math.max(0, wall - lastWall));
    lastWall = wall;
    if (ms > 0) {
      emulator.advance(ms);
      modelMs += ms;
    }
  };

  return {
    name: 'demo',
    emulator,
    renderSources: emulator.renderSources((ms) => startedAt + ms),
    collect(signal?: AbortSignal, context?: CollectContext) {
      step();
      return inner.collect(signal, context);
    },
    perform: (command) => inner.perform(command),
    close: () => inner.close(),
  };
}
