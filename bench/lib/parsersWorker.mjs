// Bench 1's sampling process: `node bench/lib/parsersWorker.mjs PARSERS_JS CASE TEXT_FILE JSON_FILE GC BUDGET_MS`
// times one parser case against JSON.parse of the same data, alternating one sample of each, in a
// process of its own, and prints one JSON line: { parserMs, jsonMs, samples, checkMs, found }.
// Plain JavaScript run by plain `node`, so it times the compiled parsers (dist/parsers, what
// bin/omtop.js runs) and not tsx's CommonJS interop (a getter on every call across modules), and
// no other case has trained the call sites the parsers share (see bench/parsers.ts).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pathToFileURL } from 'node:url';

const [parsersJs, caseName, textFile, jsonFile, gcArg, budgetArg] = process.argv.slice(2);
const parsers = await import(pathToFileURL(parsersJs).href);
const text = readFileSync(textFile, 'utf8');
const json = readFileSync(jsonFile, 'utf8');
const gcFirst = gcArg === 'gc';
const budgetMs = Number(budgetArg);
/** Both sides run alternately this long first, so V8 has optimised what it will optimise. */
const WARMUP_MS = 400;
/** A sample is a batch of calls lasting about this long, so one collection or timer tick does not make a sample. */
const BATCH_MS = 15;
const MIN_SAMPLES = 31;
const MAX_SAMPLES = 61;

/** parse(text) → rows found (null on an error), check(value) → the schema check alone. */
const CASES = {
  mps: { parse: parsers.parseMps, rows: (value) => value.processes.length, check: parsers.isValidMps },
  mtop: { parse: parsers.parseMtop, rows: (value) => value.processes.length, check: parsers.isValidMtop },
  status: { parse: parsers.parseOpenMosixStatus, rows: (value) => value.nodes.length, check: parsers.isValidStatus },
};
const chosen = CASES[caseName];
if (!chosen) throw new Error(`parsersWorker: unknown case ${caseName}`);

let collect = () => {};
if (gcFirst) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  collect = () => gc();
}

function timeOnce(work) {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2;
}

const first = chosen.parse(text);
const found = first.ok ? chosen.rows(first.value) : null;
const parseOnce = () => void chosen.parse(text);
const parseJsonOnce = () => void JSON.parse(json);
const warmupStarted = performance.now();
let parserWarmMs = 0;
let jsonWarmMs = 0;
let warmCalls = 0;
while (warmCalls < 5 || performance.now() - warmupStarted < WARMUP_MS) {
  parserWarmMs += timeOnce(parseOnce);
  jsonWarmMs += timeOnce(parseJsonOnce);
  warmCalls += 1;
}
// Calls per sample: each side's batch lasts about BATCH_MS (one call when a call is longer, and
// with a full collection before each sample, which is about one call on a clean heap).
const callsFor = (warmMs) => (gcFirst ? 1 : Math.max(1, Math.round(BATCH_MS / (warmMs / warmCalls))));
const parserBatch = callsFor(parserWarmMs);
const jsonBatch = callsFor(jsonWarmMs);
const batched = (once, calls) => () => { for (let index = 0; index < calls; index += 1) once(); };
const parseBatch = batched(parseOnce, parserBatch);
const parseJsonBatch = batched(parseJsonOnce, jsonBatch);
// Each sample's wall time per call; CPU time (the process's: the collector's and the compiler's
// threads included), which a busy machine's preemption does not stretch, is summed over all
// samples: Linux counts it in scheduler ticks (4 ms here), too coarse for one 15 ms sample.
const parserCpu = { ms: 0, calls: 0 };
const jsonCpu = { ms: 0, calls: 0 };
function timed(batch, calls, cpuTotal) {
  const cpuBefore = process.cpuUsage();
  const wall = timeOnce(batch);
  const cpu = process.cpuUsage(cpuBefore);
  cpuTotal.ms += (cpu.user + cpu.system) / 1000;
  cpuTotal.calls += calls;
  return wall / calls;
}
const parse = () => timed(parseBatch, parserBatch, parserCpu);
const parseJson = () => timed(parseJsonBatch, jsonBatch, jsonCpu);
const parserSamples = [];
const jsonSamples = [];
const started = performance.now();
while (parserSamples.length < MAX_SAMPLES && (parserSamples.length < MIN_SAMPLES || performance.now() - started < budgetMs)) {
  // Which side goes first alternates too, so neither always runs right after the other's garbage.
  const parserFirst = parserSamples.length % 2 === 0;
  if (!parserFirst) { collect(); jsonSamples.push(parseJson()); }
  collect();
  parserSamples.push(parse());
  if (parserFirst) { collect(); jsonSamples.push(parseJson()); }
}
const checkMs = first.ok ? median(Array.from({ length: 15 }, () => timeOnce(() => chosen.check(first.value)))) : null;
process.stdout.write(`${JSON.stringify({ parserMs: median(parserSamples), jsonMs: median(jsonSamples), parserCpuMs: parserCpu.ms / parserCpu.calls, jsonCpuMs: jsonCpu.ms / jsonCpu.calls, samples: parserSamples.length, checkMs, found })}\n`);
