// 1. Parsers: `mps auxww` and mtop text of 10,000 processes and `openmosix status` of 1,000 nodes,
// printed by the emulator's printers, against JSON.parse of the same data as JSON, timed in the
// same run. Parser and JSON.parse samples alternate (one of each, again and again), so a busy
// machine slows both alike; each figure is a median. A parse builds 10,000 fresh rows, so garbage
// collection is part of its cost: the main row lets it fall where it falls (as in omtop), a second
// row collects fully before every sample of both sides (a clean heap each time, GC of the sample's
// own garbage still included) to show how much of the ratio is the collector's.
//
// How it samples (bench/lib/parsersWorker.mjs): each case runs in processes of its own, plain
// `node` on the compiled parsers in dist/ (what bin/omtop.js runs; built here when stale). Until
// issue 14's fourth pass it ran all three cases one after the other in this tsx process, which
// measured tsx's CommonJS interop (a getter on every call across modules, ~13 % of a status
// profile) and let the mps and mtop cases train the call sites status shares with them (status
// 0.79 ms after them against 0.44–0.49 ms alone): the same code gave 0.29–0.45× from run to run.
// The main row runs each case in RUNS fresh processes, cases taking turns, and keeps the run with
// the median ratio.
import { type MpsAuxRow, printMpsAux, printMtop, printOpenMosixStatus } from '../src/emulator/index.js';
import { createSyntheticCluster, toMpsRows, toMtopFrame, toOpenMosixStatus } from './gen/syntheticCluster.js';
import type { BenchRow } from './lib/row.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBuild } from '../bin/freshBuild.js';
import { median, perSecond, ratio } from './lib/stats.js';

const BENCH = '1 parsers';
/** Fresh processes per case for the main row, and each one's sampling time. */
const RUNS = 5;
const RUN_BUDGET_MS = 1500;
const GC_BUDGET_MS = 3000;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const WORKER = fileURLToPath(new URL('./lib/parsersWorker.mjs', import.meta.url));
const PARSERS_JS = join(repoRoot, 'dist', 'parsers', 'index.js');

/**
 * Command lines at home as `mps auxww` prints them, whole (the live capture's `sh -c while :; do
 * :; done `, a render farm's blender lines); migrated processes keep their `(comm)`, as 2.4
 * kernels often print them. One in three home processes gets one of these longer lines.
 */
const LONG_COMMANDS = [
  'blender -b /home/alice/renders/blacksmith-jpeg.blend -o /home/alice/renders/out/frame_##### -F JPEG -x 1 -s 1 -e 235 -a ',
  'sh -c while :; do :; done ',
  '/usr/bin/python2.3 /usr/local/bin/farm-worker --queue 10.0.1.2:5555 --scratch /var/tmp/render --threads 1 ',
  'mencoder mf://rendered/*.jpg -mf fps=12:type=jpg -ovc lavc -lavcopts vcodec=mpeg4:vbitrate=1800 -o blacksmith.avi ',
  '/sbin/syslogd -C 256 ',
] as const;

function withLongCommands(rows: readonly MpsAuxRow[]): MpsAuxRow[] {
  return rows.map((row, index) => (row.node === 0 && index % 3 === 0 ? { ...row, command: LONG_COMMANDS[index % LONG_COMMANDS.length] ?? row.command } : row));
}

interface ParserCase {
  readonly name: string;
  readonly text: string;
  readonly json: string;
  readonly rows: number;
  /** The issue's target (on rows/s against JSON.parse), or none for a row shown for information. */
  readonly target?: { readonly on: 'ratio'; readonly atLeast: number };
  /** The worker's name for the parser (bench/lib/parsersWorker.mjs). */
  readonly worker: 'mps' | 'mtop' | 'status';
}

function cases(): ParserCase[] {
  const processes = createSyntheticCluster(16, 10_000);
  const nodes = createSyntheticCluster(1_000, 0);
  const mpsRows = withLongCommands(toMpsRows(processes));
  const mtopFrame = toMtopFrame(processes);
  const status = toOpenMosixStatus(nodes);
  const mpsText = printMpsAux(mpsRows);
  const mtopText = printMtop(mtopFrame);
  const statusText = printOpenMosixStatus(status);
  // The parsers check with compiled schemas (parsers/util/validate.ts) and read the bulk in place
  // (isValidMps and isValidMtop: the rows' records; isValidStatus: the ranges and nodes): the
  // worker times the same check.
  return [
    {
      name: 'mps auxww, 10,000 processes', text: mpsText, json: JSON.stringify(mpsRows), rows: mpsRows.length, target: { on: 'ratio', atLeast: 0.5 },
      worker: 'mps',
    },
    {
      name: 'mtop, 10,000 processes', text: mtopText, json: JSON.stringify(mtopFrame), rows: mtopFrame.rows.length,
      worker: 'mtop',
    },
    {
      name: 'openmosix status, 1,000 nodes', text: statusText, json: JSON.stringify(status), rows: status.ranges.length, target: { on: 'ratio', atLeast: 0.5 },
      worker: 'status',
    },
  ];
}

interface WorkerResult {
  readonly parserMs: number;
  readonly jsonMs: number;
  /** CPU time per call (the whole process's, so the collector's and compiler's threads too). */
  readonly parserCpuMs: number;
  readonly jsonCpuMs: number;
  readonly samples: number;
  readonly checkMs: number | null;
  readonly found: number | null;
}

interface CaseFiles {
  readonly text: string;
  readonly json: string;
}

/** One fresh `node` process sampling one case (`gc`: a full collection before every sample). */
function runWorker(parserCase: ParserCase, files: CaseFiles, gc: boolean, budgetMs: number): WorkerResult {
  const child = spawnSync(process.execPath, [WORKER, PARSERS_JS, parserCase.worker, files.text, files.json, gc ? 'gc' : 'as-it-falls', String(budgetMs)], { encoding: 'utf8', timeout: 120_000 });
  if (child.status !== 0) throw new Error(`parser worker for ${parserCase.name} failed (${child.error?.message ?? `exit ${child.status}`}): ${child.stderr.trim().split('\n').pop() ?? ''}`);
  return JSON.parse(child.stdout) as WorkerResult;
}

/** dist/ as bin/omtop.js would run it: built now when it is missing or older than the sources. */
function ensureBuilt(): void {
  if (freshBuild(repoRoot)) return;
  const built = spawnSync(process.execPath, [join(repoRoot, 'bin', 'build.js')], { encoding: 'utf8' });
  if (built.status !== 0 || !freshBuild(repoRoot)) throw new Error(`bench: could not build dist/ for the parser bench: ${built.stderr.trim().split('\n').pop() ?? ''}`);
}

function rowsFor(parserCase: ParserCase, runs: readonly WorkerResult[], afterGc: WorkerResult): BenchRow[] {
  const byRatio = [...runs].sort((a, b) => a.jsonMs / a.parserMs - b.jsonMs / b.parserMs);
  const chosen = byRatio[Math.floor(byRatio.length / 2)] ?? afterGc;
  const { parserMs, jsonMs } = chosen;
  const textBytes = Buffer.byteLength(parserCase.text);
  const jsonBytes = Buffer.byteLength(parserCase.json);
  const parserMBs = perSecond(textBytes, parserMs) / 1e6;
  const jsonMBs = perSecond(jsonBytes, jsonMs) / 1e6;
  const parserRows = perSecond(parserCase.rows, parserMs);
  const jsonRows = perSecond(parserCase.rows, jsonMs);
  const wrong = [...runs, afterGc].find((run) => run.found !== parserCase.rows);
  const checked = wrong === undefined ? '' : `; WARNING: parser found ${wrong.found ?? 'an error'} instead of ${parserCase.rows} rows`;
  const lineLength = textBytes / (parserCase.text.split('\n').length - 1);
  const ratios = runs.map((run) => (run.jsonMs / run.parserMs).toFixed(2)).join(', ');
  const checkMs = median(runs.flatMap((run) => (run.checkMs === null ? [] : [run.checkMs])));
  return [
    {
      bench: BENCH, name: `${parserCase.name}: rows/s`, value: parserRows, unit: 'rows/s',
      baseline: `JSON.parse ${Math.round(jsonRows).toLocaleString('en-US')} rows/s`, ratio: ratio(parserRows, jsonRows),
      ...(parserCase.target ? { target: parserCase.target } : {}),
      note: `the median of ${runs.length} fresh processes (ratios ${ratios}), each the medians of ${chosen.samples} samples of the built parser and JSON.parse alternating; GC as it falls; parse includes the schema check${parserCase.target ? '' : '; for information (no target)'}${checked}`,
    },
    cpuRow(parserCase, runs),
    {
      bench: BENCH, name: `${parserCase.name}: rows/s, full GC before each sample`, value: perSecond(parserCase.rows, afterGc.parserMs), unit: 'rows/s',
      baseline: `JSON.parse ${Math.round(perSecond(parserCase.rows, afterGc.jsonMs)).toLocaleString('en-US')} rows/s`,
      ratio: ratio(afterGc.jsonMs, afterGc.parserMs),
      note: `diagnostic: how much of the ratio above is garbage collection (${afterGc.samples} samples each, a fresh process)`,
    },
    {
      bench: BENCH, name: `${parserCase.name}: MB/s`, value: parserMBs, unit: 'MB/s',
      baseline: `JSON.parse ${jsonMBs.toFixed(1)} MB/s`, ratio: ratio(parserMBs, jsonMBs),
      note: `text ${(textBytes / 1e6).toFixed(2)} MB (lines of ${lineLength.toFixed(0)} characters on average) vs JSON ${(jsonBytes / 1e6).toFixed(2)} MB of the same data`,
    },
    {
      bench: BENCH, name: `${parserCase.name}: zod check share`, value: (checkMs / parserMs) * 100, unit: '% of parse',
      note: `the schema check alone takes ${checkMs.toFixed(2)} of ${parserMs.toFixed(2)} ms (diagnostic: where the time goes)`,
    },
  ];
}

/**
 * The same runs in CPU time (summed over each process's samples): a machine busy with other
 * work preempts a process for whole timeslices, which land on one side of a wall-time pair and
 * swing its ratio (at load 13 on 2 cores one status process gave 0.07×, another 3.0×); CPU time
 * does not count the waits.
 */
function cpuRow(parserCase: ParserCase, runs: readonly WorkerResult[]): BenchRow {
  const byRatio = [...runs].sort((a, b) => a.jsonCpuMs / a.parserCpuMs - b.jsonCpuMs / b.parserCpuMs);
  const chosen = byRatio[Math.floor(byRatio.length / 2)];
  const parserRows = chosen === undefined ? Number.NaN : perSecond(parserCase.rows, chosen.parserCpuMs);
  const jsonRows = chosen === undefined ? Number.NaN : perSecond(parserCase.rows, chosen.jsonCpuMs);
  return {
    bench: BENCH, name: `${parserCase.name}: rows per CPU-second`, value: parserRows, unit: 'rows/s',
    baseline: `JSON.parse ${Math.round(jsonRows).toLocaleString('en-US')} rows/s`, ratio: ratio(parserRows, jsonRows),
    note: `diagnostic: the same samples in CPU time, which preemption on a busy machine does not stretch (ratios ${runs.map((run) => (run.jsonCpuMs / run.parserCpuMs).toFixed(2)).join(', ')})`,
  };
}

export function benchParsers(): BenchRow[] {
  ensureBuilt();
  const all = cases();
  const folder = mkdtempSync(join(tmpdir(), 'omtop-bench-parsers-'));
  try {
    const files = all.map((parserCase, index): CaseFiles => {
      const text = join(folder, `${index}.txt`);
      const json = join(folder, `${index}.json`);
      writeFileSync(text, parserCase.text);
      writeFileSync(json, parserCase.json);
      return { text, json };
    });
    const runs: WorkerResult[][] = all.map(() => []);
    // Cases take turns, so a change in the machine's load falls on every case alike.
    for (let round = 0; round < RUNS; round += 1) {
      all.forEach((parserCase, index) => runs[index]?.push(runWorker(parserCase, files[index] as CaseFiles, false, RUN_BUDGET_MS)));
    }
    return all.flatMap((parserCase, index) => rowsFor(parserCase, runs[index] ?? [], runWorker(parserCase, files[index] as CaseFiles, true, GC_BUDGET_MS)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
