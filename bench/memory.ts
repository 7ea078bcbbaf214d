// 4b. Memory over time at 10,000 processes: 600 ticks of SIMULATED time (one second of backend
// clock each, driven as fast as the machine goes, not in real time): the openmosix backend over a
// 10,000-process cluster → store → view models → a blessed frame. Heap and RSS are read after a
// full GC every 60 ticks; a leak shows as growth after the store's history has filled up.
import { performance } from 'node:perf_hooks';
import { createOpenMosixBackend } from '../src/backends/openmosix/openmosixBackend.js';
import { createDashboardRig } from './dashboard.js';
import { advanceCluster, createSyntheticCluster } from './gen/syntheticCluster.js';
import { fullGc } from './lib/gc.js';
import type { BenchRow } from './lib/row.js';
import { MEBIBYTE, ratio, slope } from './lib/stats.js';
import { createScaledClusterRunner } from './scaledClusterRunner.js';

const BENCH = '4 steady';
const PROCESSES = 10_000;
const TICKS = 600;
const SAMPLE_EVERY = 60;
/** The store keeps 120 points per node: from here on, nothing should grow. */
const HISTORY_FULL_TICK = 120;

interface MemorySample {
  readonly tick: number;
  readonly heapUsed: number;
  readonly rss: number;
}

export async function benchMemory(): Promise<BenchRow[]> {
  const cluster = createSyntheticCluster(4, PROCESSES);
  const runner = createScaledClusterRunner(cluster);
  let clock = 1_800_000_000_000;
  const backend = createOpenMosixBackend({ runner, now: () => clock });
  const rig = createDashboardRig();
  const samples: MemorySample[] = [];
  const problems = new Set<string>();
  const started = performance.now();
  try {
    for (let tick = 1; tick <= TICKS; tick += 1) {
      advanceCluster(cluster);
      clock += 1000;
      const snapshot = await backend.collect();
      if (snapshot.processes.length !== PROCESSES) problems.add(`a snapshot had ${snapshot.processes.length} processes`);
      for (const error of snapshot.errors) problems.add(`${error.source}: ${error.message}`);
      rig.frame(snapshot);
      if (tick % SAMPLE_EVERY === 0) {
        fullGc();
        const usage = process.memoryUsage();
        samples.push({ tick, heapUsed: usage.heapUsed, rss: usage.rss });
      }
    }
  } finally {
    rig.destroy();
    await backend.close();
  }
  return rowsOf(samples, performance.now() - started, [...problems]);
}

function rowsOf(samples: readonly MemorySample[], elapsedMs: number, problems: readonly string[]): BenchRow[] {
  const full = samples.find((sample) => sample.tick >= HISTORY_FULL_TICK);
  const last = samples[samples.length - 1];
  if (!full || !last) return [];
  const later = samples.filter((sample) => sample.tick >= HISTORY_FULL_TICK);
  const heapSlope = slope(later.map((sample) => [sample.tick, sample.heapUsed / MEBIBYTE] as const)) * 100;
  const warning = problems.length > 0 ? `; WARNING: ${problems.slice(0, 2).join('; ')}` : '';
  const series = (pick: (sample: MemorySample) => number): string => samples.map((sample) => (pick(sample) / MEBIBYTE).toFixed(0)).join(' ');
  const simulated = `SIMULATED time: ${TICKS} one-second ticks run back to back in ${(elapsedMs / 1000).toFixed(0)} s`;
  return [
    {
      bench: BENCH, name: `10,000 processes, ${TICKS} simulated ticks: heap after GC`, value: last.heapUsed / MEBIBYTE, unit: 'MiB',
      baseline: `tick ${full.tick}: ${(full.heapUsed / MEBIBYTE).toFixed(1)} MiB`, ratio: ratio(last.heapUsed, full.heapUsed),
      target: { on: 'ratio', atMost: 1.1 },
      note: `${simulated}; every ${SAMPLE_EVERY} ticks (MiB): ${series((sample) => sample.heapUsed)}${warning}`,
    },
    {
      bench: BENCH, name: `10,000 processes, ${TICKS} simulated ticks: RSS`, value: last.rss / MEBIBYTE, unit: 'MiB',
      baseline: `tick ${full.tick}: ${(full.rss / MEBIBYTE).toFixed(1)} MiB`, ratio: ratio(last.rss, full.rss),
      target: { on: 'ratio', atMost: 1.1 },
      note: `every ${SAMPLE_EVERY} ticks (MiB): ${series((sample) => sample.rss)}`,
    },
    {
      bench: BENCH, name: '10,000 processes: heap growth after the history is full', value: heapSlope, unit: 'MiB/100 ticks',
      note: `least-squares slope from tick ${HISTORY_FULL_TICK} on; ${(elapsedMs / TICKS).toFixed(0)} ms per simulated tick (collect + parse + frame)`,
    },
  ];
}
