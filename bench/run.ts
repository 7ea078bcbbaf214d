// `npm run bench [-- NAME…]`: runs the benchmarks (all, or the named ones), prints one table and
// writes bench/results.json. Benchmarks report; they never fail the run: a benchmark that throws
// becomes a row saying so. Each benchmark runs in a process of its own (this script again, with
// --rows-to), so none measures another's leftovers: after bench 1 in the same process, bench 2's
// /proc/hpc row at 256 nodes read 27.5 ms where bench 2 alone read 18.8 (same code, same hour).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchDashboard } from './dashboard.js';
import { benchMakespanBlender } from './makespanBlender.js';
import { benchMakespanEmulated } from './makespanEmulated.js';
import { benchMemory } from './memory.js';
import { benchParsers } from './parsers.js';
import { benchRefresh } from './refresh.js';
import { benchStartup } from './startup.js';
import { benchSteady } from './steady.js';
import type { BenchRow } from './lib/row.js';
import { formatTable } from './lib/table.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const resultsFile = fileURLToPath(new URL('./results.json', import.meta.url));

interface Benchmark {
  readonly key: string;
  readonly title: string;
  readonly run: () => Promise<BenchRow[]> | BenchRow[];
}

const BENCHMARKS: readonly Benchmark[] = [
  { key: 'parsers', title: '1 parsers', run: benchParsers },
  { key: 'refresh', title: '2 refresh', run: benchRefresh },
  { key: 'dashboard', title: '3 dashboard', run: benchDashboard },
  {
    // The tmux minute mostly waits, so the simulated 10-minute memory run shares its wall time.
    // Both measure CPU seconds and memory, which a busy second core barely changes.
    key: 'steady', title: '4 steady',
    run: async () => (await Promise.all([benchSteady(repoRoot), benchMemory()])).flat(),
  },
  { key: 'startup', title: '5 start-up', run: () => benchStartup(repoRoot) },
  { key: 'makespan', title: '6 makespan, emulated', run: benchMakespanEmulated },
  { key: 'blender', title: '7 makespan, blender', run: () => benchMakespanBlender(repoRoot) },
];

function failedRow(benchmark: Benchmark, error: unknown): BenchRow {
  const message = error instanceof Error ? error.message : String(error);
  return { bench: benchmark.title, name: 'could not be measured', value: null, unit: '', note: `FAILED: ${message.split('\n')[0] ?? message}` };
}

/** Runs one benchmark in a fresh process (the same node flags, tsx's loader included) and reads its rows back. */
function runApart(benchmark: Benchmark): BenchRow[] {
  const folder = mkdtempSync(join(tmpdir(), 'omtop-bench-rows-'));
  try {
    const file = join(folder, 'rows.json');
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--rows-to', file, benchmark.key], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (child.error !== undefined) throw child.error;
    if (child.status !== 0) throw new Error(`its process ended with ${child.signal ?? `exit ${String(child.status)}`}`);
    return JSON.parse(readFileSync(file, 'utf8')) as BenchRow[];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The child's side of runApart: one benchmark, its rows written to `file`. */
async function runOne(key: string, file: string): Promise<void> {
  const benchmark = BENCHMARKS.find((candidate) => candidate.key === key);
  if (benchmark === undefined) throw new Error(`unknown benchmark ${key}`);
  let rows: BenchRow[];
  try {
    rows = await benchmark.run();
  } catch (error) {
    rows = [failedRow(benchmark, error)];
  }
  writeFileSync(file, JSON.stringify(rows));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--rows-to') {
    await runOne(process.argv[4] ?? '', process.argv[3] ?? '');
    return;
  }
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((key) => !BENCHMARKS.some((benchmark) => benchmark.key === key));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.key).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const selected = wanted.length === 0 ? BENCHMARKS : BENCHMARKS.filter((benchmark) => wanted.includes(benchmark.key));
  const started = performance.now();
  const loadBefore = loadavg();
  const rows: BenchRow[] = [];
  const seconds: Record<string, number> = {};
  for (const benchmark of selected) {
    process.stderr.write(`bench: ${benchmark.title}…`);
    const benchStarted = performance.now();
    try {
      rows.push(...runApart(benchmark));
    } catch (error) {
      rows.push(failedRow(benchmark, error));
    }
    seconds[benchmark.key] = (performance.now() - benchStarted) / 1000;
    process.stderr.write(` ${(seconds[benchmark.key] ?? 0).toFixed(1)} s\n`);
  }
  const totalSeconds = (performance.now() - started) / 1000;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`;
  const load = `load average ${loadBefore[0]?.toFixed(2)} before, ${loadavg()[0]?.toFixed(2)} after`;
  writeFileSync(resultsFile, `${JSON.stringify({ generatedAt: new Date().toISOString(), machine, load, totalSeconds, seconds, rows }, null, 2)}\n`);
  process.stdout.write(`omtop benchmarks: ${machine}; ${load}; ${totalSeconds.toFixed(0)} s in all\n`);
  process.stdout.write('Ratios compare against a baseline measured in the same run. Targets are reported, never enforced.\n\n');
  process.stdout.write(formatTable(rows));
  process.stdout.write(`\nwritten to ${resultsFile}\n`);
}

await main();
