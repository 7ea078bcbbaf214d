// 1. Parsers: `mps auxww` and mtop text of 10,000 processes and `openmosix status` of 1,000 nodes,
// printed by the emulator's printers, against JSON.parse of the same data as JSON, timed in the
// same run. Parser and JSON.parse samples alternate (one of each, again and again), so a busy
// machine slows both alike; each figure is a median. A parse builds 10,000 fresh rows, so garbage
// collection is part of its cost: the main row lets it fall where it falls (as in omtop), a second
// row collects fully before every sample of both sides (a clean heap each time, GC of the sample's
// own garbage still included) to show how much of the ratio is the collector's.
import { isValidMps, isValidMtop, isValidStatus, parseMps, parseMtop, parseOpenMosixStatus } from '../parsers/index.js';
import { type MpsAuxRow, printMpsAux, printMtop, printOpenMosixStatus } from '../src/emulator/index.js';
import { createSyntheticCluster, toMpsRows, toMtopFrame, toOpenMosixStatus } from './gen/syntheticCluster.js';
import type { BenchRow } from './lib/row.js';
import { performance } from 'node:perf_hooks';
import { median, perSecond, ratio } from './lib/stats.js';
import { fullGc } from './lib/gc.js';
import { timeOnce } from './lib/timing.js';

const BENCH = '1 parsers';
const SAMPLING = { warmup: 5, maxSamples: 41, budgetMs: 4000 };

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
  /** The target (on rows/s against JSON.parse), or none for a row shown for information. */
  readonly target?: { readonly on: 'ratio'; readonly atLeast: number };
  /** Parses the text and returns the number of rows it found (null on a parse error). */
  readonly parse: (text: string) => number | null;
  /** Runs only the schema check the parser ends with, on an already parsed value. */
  readonly validateOnly: () => void;
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
  const mpsValue = parseMps(mpsText);
  const mtopValue = parseMtop(mtopText);
  const statusValue = parseOpenMosixStatus(statusText);
  // The parsers check with compiled schemas (parsers/util/validate.ts) and read the bulk in place
  // (isValidMps and isValidMtop: the rows' records; isValidStatus: the ranges and nodes): time the same check here.
  return [
    {
      name: 'mps auxww, 10,000 processes', text: mpsText, json: JSON.stringify(mpsRows), rows: mpsRows.length, target: { on: 'ratio', atLeast: 0.5 },
      parse: (text) => { const result = parseMps(text); return result.ok ? result.value.processes.length : null; },
      validateOnly: () => mpsValue.ok && isValidMps(mpsValue.value),
    },
    {
      name: 'mtop, 10,000 processes', text: mtopText, json: JSON.stringify(mtopFrame), rows: mtopFrame.rows.length,
      parse: (text) => { const result = parseMtop(text); return result.ok ? result.value.processes.length : null; },
      validateOnly: () => mtopValue.ok && isValidMtop(mtopValue.value),
    },
    {
      name: 'openmosix status, 1,000 nodes', text: statusText, json: JSON.stringify(status), rows: status.ranges.length, target: { on: 'ratio', atLeast: 0.5 },
      parse: (text) => { const result = parseOpenMosixStatus(text); return result.ok ? result.value.nodes.length : null; },
      validateOnly: () => statusValue.ok && isValidStatus(statusValue.value),
    },
  ];
}

/** Median ms of the parser and of JSON.parse, sampled alternately; `gcFirst` collects before each sample. */
function alternate(parserCase: ParserCase, gcFirst: boolean): { parserMs: number; jsonMs: number; samples: number } {
  const parse = (): void => void parserCase.parse(parserCase.text);
  const json = (): void => void JSON.parse(parserCase.json);
  for (let index = 0; index < SAMPLING.warmup; index += 1) {
    parse();
    json();
  }
  const parserSamples: number[] = [];
  const jsonSamples: number[] = [];
  const started = performance.now();
  while (parserSamples.length < SAMPLING.maxSamples && (parserSamples.length < 5 || performance.now() - started < SAMPLING.budgetMs)) {
    if (gcFirst) fullGc();
    parserSamples.push(timeOnce(parse));
    if (gcFirst) fullGc();
    jsonSamples.push(timeOnce(json));
  }
  return { parserMs: median(parserSamples), jsonMs: median(jsonSamples), samples: parserSamples.length };
}

function measureCase(parserCase: ParserCase): BenchRow[] {
  const found = parserCase.parse(parserCase.text);
  const textBytes = Buffer.byteLength(parserCase.text);
  const jsonBytes = Buffer.byteLength(parserCase.json);
  const { parserMs, jsonMs, samples } = alternate(parserCase, false);
  const afterGc = alternate(parserCase, true);
  const zodMs = median(Array.from({ length: 15 }, () => timeOnce(parserCase.validateOnly)));
  const parserMBs = perSecond(textBytes, parserMs) / 1e6;
  const jsonMBs = perSecond(jsonBytes, jsonMs) / 1e6;
  const parserRows = perSecond(parserCase.rows, parserMs);
  const jsonRows = perSecond(parserCase.rows, jsonMs);
  const checked = found === parserCase.rows ? '' : `; WARNING: parser found ${found ?? 'an error'} instead of ${parserCase.rows} rows`;
  const lineLength = textBytes / (parserCase.text.split('\n').length - 1);
  return [
    {
      bench: BENCH, name: `${parserCase.name}: rows/s`, value: parserRows, unit: 'rows/s',
      baseline: `JSON.parse ${Math.round(jsonRows).toLocaleString('en-US')} rows/s`, ratio: ratio(parserRows, jsonRows),
      ...(parserCase.target ? { target: parserCase.target } : {}),
      note: `medians of ${samples} samples each, parser and JSON.parse alternating; GC as it falls; parse includes zod validation${parserCase.target ? '' : '; for information (no target)'}${checked}`,
    },
    {
      bench: BENCH, name: `${parserCase.name}: rows/s, full GC before each sample`, value: perSecond(parserCase.rows, afterGc.parserMs), unit: 'rows/s',
      baseline: `JSON.parse ${Math.round(perSecond(parserCase.rows, afterGc.jsonMs)).toLocaleString('en-US')} rows/s`,
      ratio: ratio(afterGc.jsonMs, afterGc.parserMs),
      note: `diagnostic: how much of the ratio above is garbage collection (${afterGc.samples} samples each)`,
    },
    {
      bench: BENCH, name: `${parserCase.name}: MB/s`, value: parserMBs, unit: 'MB/s',
      baseline: `JSON.parse ${jsonMBs.toFixed(1)} MB/s`, ratio: ratio(parserMBs, jsonMBs),
      note: `text ${(textBytes / 1e6).toFixed(2)} MB (lines of ${lineLength.toFixed(0)} characters on average) vs JSON ${(jsonBytes / 1e6).toFixed(2)} MB of the same data`,
    },
    {
      bench: BENCH, name: `${parserCase.name}: zod check share`, value: (zodMs / parserMs) * 100, unit: '% of parse',
      note: `the schema check alone takes ${zodMs.toFixed(2)} of ${parserMs.toFixed(2)} ms (diagnostic: where the time goes)`,
    },
  ];
}

export function benchParsers(): BenchRow[] {
  return cases().flatMap(measureCase);
}
