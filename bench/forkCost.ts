// 2. Refresh, issue 14 target 6: what one fork costs omtop, the number the mosctl path's budget
// rests on. /bin/true run one at a time through omtop's runner, through execa alone and through
// child_process.spawn alone, in turns (so a busy machine weighs on all three alike), counting the
// parent's CPU (process.cpuUsage: what the monitor itself spends) and the wall time.
// Where the rest goes (perf record of child_process.spawn alone on this 2-core VM): fork() itself
// (copying the page tables), the copy-on-write faults the parent takes on its next writes with a
// TLB shootdown each, and malloc's fork locks; the kernel's cost, paid by every fork from Node.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import { createExecaRunner } from '../src/runner/execaRunner.js';
import type { BenchRow } from './lib/row.js';
import { median, ratio } from './lib/stats.js';

const BENCH = '2 refresh';
const FORKS_PER_TURN = 60;
const TURNS = 5;

interface Cost {
  readonly cpuMs: number;
  readonly wallMs: number;
}

const bareSpawn = (file: string): Promise<void> => new Promise((resolve, reject) => {
  const child = spawn(file, [], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.resume();
  child.stderr.resume();
  child.on('error', reject);
  child.on('close', () => resolve());
});

export async function measureForkCosts(file = 'true'): Promise<Record<'runner' | 'execa' | 'spawn', Cost>> {
  const runner = createExecaRunner();
  const ways = {
    runner: async (): Promise<void> => {
      const result = await runner.run([file]);
      if (result.failure) throw new Error(`bench: cannot run ${file}: ${result.message ?? result.failure}`);
    },
    execa: async (): Promise<void> => {
      await execa(file, [], { stdin: 'ignore' });
    },
    spawn: () => bareSpawn(file),
  };
  const samples = { runner: [] as Cost[], execa: [] as Cost[], spawn: [] as Cost[] };
  for (let turn = 0; turn <= TURNS; turn += 1) {
    for (const way of ['spawn', 'execa', 'runner'] as const) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < FORKS_PER_TURN; i += 1) await ways[way]();
      const used = process.cpuUsage(cpu);
      // Turn 0 warms each way up (modules, JIT) and is not counted.
      if (turn > 0) samples[way].push({ cpuMs: (used.user + used.system) / 1000 / FORKS_PER_TURN, wallMs: (performance.now() - started) / FORKS_PER_TURN });
    }
  }
  const summary = (costs: Cost[]): Cost => ({ cpuMs: median(costs.map((c) => c.cpuMs)), wallMs: median(costs.map((c) => c.wallMs)) });
  return { runner: summary(samples.runner), execa: summary(samples.execa), spawn: summary(samples.spawn) };
}

export async function benchForkCost(): Promise<BenchRow[]> {
  const costs = await measureForkCosts();
  const base = costs.spawn;
  const rows: BenchRow[] = [];
  const how = `median of ${TURNS} turns of ${FORKS_PER_TURN} forks of /bin/true one at a time, the three ways in turns`;
  for (const [way, label] of [['runner', 'omtop\'s runner (execa, process group, timeout, caps)'], ['execa', 'execa alone']] as const) {
    rows.push({
      bench: BENCH, name: `a fork through ${label}: omtop's CPU`, value: costs[way].cpuMs, unit: 'ms',
      baseline: `child_process.spawn: ${base.cpuMs.toFixed(2)} ms`, ratio: ratio(costs[way].cpuMs, base.cpuMs),
      note: `${how}; the parent's user + system CPU (process.cpuUsage)`,
    });
    rows.push({
      bench: BENCH, name: `a fork through ${label}: wall time`, value: costs[way].wallMs, unit: 'ms',
      baseline: `child_process.spawn: ${base.wallMs.toFixed(2)} ms`, ratio: ratio(costs[way].wallMs, base.wallMs),
      note: how,
    });
  }
  return rows;
}
