// 3. Dashboard: building the view models and rendering one 120×40 frame with blessed (output
// discarded), p50 and p99, with 100, 1,000 and 10,000 processes. Every frame gets a new snapshot
// (as after a tick), so nothing can be served from a cache keyed on the previous one. The sizes
// take turns in short rounds, so a burst of machine noise lands on all of them alike.
import { performance } from 'node:perf_hooks';
import { initialUiState } from '../src/state/ui.js';
import type { ClusterSnapshot } from '../src/model/snapshot.js';
import { createStore } from '../src/store/store.js';
import type { Store } from '../src/store/types.js';
import { createDashboardView } from '../src/ui/dashboardView.js';
import { createTheme } from '../src/ui/theme.js';
import { toFrameVm } from '../src/view/frame.js';
import { snapshotSeries } from './gen/snapshots.js';
import { createHeadlessScreen } from './lib/headlessScreen.js';
import type { BenchRow } from './lib/row.js';
import { percentile, ratio } from './lib/stats.js';

const BENCH = '3 dashboard';
export const PROCESS_COUNTS = [100, 1_000, 10_000] as const;
export const COLS = 120;
export const ROWS = 40;
const WARMUP_ROUNDS = 4;
const ROUNDS = 16;
const FRAMES_PER_ROUND = 25;
/** Distinct snapshots cycled through; each frame differs from the one before. */
const SERIES_LENGTH = 8;

export interface FrameTiming {
  readonly total: number;
  readonly viewModels: number;
  readonly draw: number;
  readonly bytes: number;
}

export interface DashboardRig {
  /** Ingests the snapshot into the store (not timed), then builds and draws one frame (timed). */
  frame(snapshot: ClusterSnapshot): FrameTiming;
  readonly store: Store;
  destroy(): void;
}

/** The dashboard's pipeline after a tick, without the app's timers: store → view models → blessed. */
export function createDashboardRig(): DashboardRig {
  const headless = createHeadlessScreen(COLS, ROWS);
  const store = createStore();
  const view = createDashboardView(headless.screen, createTheme(true));
  const ui = { ...initialUiState({ readonly: false, intervalMs: 1000 }), focus: 'processes' as const };
  return {
    store,
    frame(snapshot) {
      store.ingest(snapshot);
      const bytesBefore = headless.bytesWritten();
      const t0 = performance.now();
      const vm = toFrameVm({ snapshot: store.latest(), loadHistory: (id) => store.history(id).load, jobs: [], ui, notice: null, cols: COLS, rows: ROWS });
      const t1 = performance.now();
      view.draw(vm);
      headless.screen.render();
      // blessed buffers its output until the next tick; writing it belongs to the frame.
      headless.screen.program.flush();
      const t2 = performance.now();
      return { total: t2 - t0, viewModels: t1 - t0, draw: t2 - t1, bytes: headless.bytesWritten() - bytesBefore };
    },
    destroy: () => headless.destroy(),
  };
}

interface Collected {
  readonly total: number[];
  readonly viewModels: number[];
  readonly draw: number[];
  bytes: number;
}

function measureAll(): Map<number, Collected> {
  const setups = PROCESS_COUNTS.map((count) => ({ count, series: snapshotSeries(count, SERIES_LENGTH), rig: createDashboardRig() }));
  const collected = new Map<number, Collected>(PROCESS_COUNTS.map((count) => [count, { total: [], viewModels: [], draw: [], bytes: 0 }]));
  try {
    let frameNumber = 0;
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round += 1) {
      for (const { count, series, rig } of setups) {
        const into = collected.get(count);
        for (let i = 0; i < FRAMES_PER_ROUND; i += 1) {
          frameNumber += 1;
          const snapshot = series[frameNumber % series.length];
          if (!snapshot || !into) continue;
          const timing = rig.frame(snapshot);
          if (round < WARMUP_ROUNDS) continue;
          into.total.push(timing.total);
          into.viewModels.push(timing.viewModels);
          into.draw.push(timing.draw);
          into.bytes += timing.bytes;
        }
      }
    }
  } finally {
    for (const { rig } of setups) rig.destroy();
  }
  return collected;
}

export function benchDashboard(): BenchRow[] {
  const measured = measureAll();
  const smallest = measured.get(PROCESS_COUNTS[0]);
  const largest = measured.get(PROCESS_COUNTS[2]);
  if (!smallest || !largest) return [];
  const rows: BenchRow[] = [];
  for (const [count, times] of measured) {
    for (const p of [50, 99] as const) {
      const value = percentile(times.total, p);
      const base = percentile(smallest.total, p);
      rows.push({
        bench: BENCH, name: `${count.toLocaleString('en-US')} processes: frame p${p}`, value, unit: 'ms',
        baseline: `100 processes: ${base.toFixed(2)} ms`, ratio: ratio(value, base),
        ...(count === PROCESS_COUNTS[2] && p === 99 ? { target: { on: 'value' as const, atMost: 10 } } : {}),
        note: p === 50
          ? `view models ${percentile(times.viewModels, 50).toFixed(2)} ms + blessed ${percentile(times.draw, 50).toFixed(2)} ms (p50s); ${times.total.length} frames of ${COLS}×${ROWS}, ~${Math.round(times.bytes / times.total.length)} bytes out each`
          : `view models p99 ${percentile(times.viewModels, 99).toFixed(2)} ms, blessed p99 ${percentile(times.draw, 99).toFixed(2)} ms; p99 holds GC pauses and machine noise`,
      });
    }
  }
  const value = percentile(largest.total, 99) / percentile(smallest.total, 99);
  rows.push({
    bench: BENCH, name: '10,000 vs 100 processes, p99', value, unit: '×', baseline: '100 processes', ratio: value,
    target: { on: 'ratio', atMost: 1.5 }, note: 'near 1 when only the visible rows cost anything',
  });
  return rows;
}
