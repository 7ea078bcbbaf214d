// 1. Parsers: mps and mtop text of 10,000 processes and `openmosix status` of 1,000 nodes, printed
// by the emulator's printers, against JSON.parse of the same data as JSON, timed in the same run.
import { MpsSchema, MtopSchema, OpenMosixStatusSchema, parseMps, parseMtop, parseOpenMosixStatus } from '../parsers/index.js';
import { printMpsAux, printMtop, printOpenMosixStatus } from '../src/emulator/index.js';
import { createSyntheticCluster, toMpsRows, toMtopFrame, toOpenMosixStatus } from './gen/syntheticCluster.js';
import { z } from 'zod';
import type { BenchRow } from './lib/row.js';
import { median, perSecond, ratio } from './lib/stats.js';
import { sample } from './lib/timing.js';

const BENCH = '1 parsers';
const SAMPLING = { warmup: 3, maxSamples: 30, budgetMs: 2500 };

interface ParserCase {
  readonly name: string;
  readonly text: string;
  readonly json: string;
  readonly rows: number;
  /** Parses the text and returns the number of rows it found (null on a parse error). */
  readonly parse: (text: string) => number | null;
  /** Runs only the zod schema check the parser ends with, on an already parsed value. */
  readonly validateOnly: () => void;
}

function cases(): ParserCase[] {
  const processes = createSyntheticCluster(16, 10_000);
  const nodes = createSyntheticCluster(1_000, 0);
  const mpsRows = toMpsRows(processes);
  const mtopFrame = toMtopFrame(processes);
  const status = toOpenMosixStatus(nodes);
  const mpsText = printMpsAux(mpsRows);
  const mtopText = printMtop(mtopFrame);
  const statusText = printOpenMosixStatus(status);
  const mpsValue = parseMps(mpsText);
  const mtopValue = parseMtop(mtopText);
  const statusValue = parseOpenMosixStatus(statusText);
  // The parsers check with compiled schemas (parsers/util/validate.ts): time the same check here.
  const compiledMps = z.compile(MpsSchema);
  const compiledMtop = z.compile(MtopSchema);
  const compiledStatus = z.compile(OpenMosixStatusSchema);
  return [
    {
      name: 'mps, 10,000 processes', text: mpsText, json: JSON.stringify(mpsRows), rows: mpsRows.length,
      parse: (text) => { const result = parseMps(text); return result.ok ? result.value.processes.length : null; },
      validateOnly: () => compiledMps.validate(mpsValue.ok ? mpsValue.value : null),
    },
    {
      name: 'mtop, 10,000 processes', text: mtopText, json: JSON.stringify(mtopFrame), rows: mtopFrame.rows.length,
      parse: (text) => { const result = parseMtop(text); return result.ok ? result.value.processes.length : null; },
      validateOnly: () => compiledMtop.validate(mtopValue.ok ? mtopValue.value : null),
    },
    {
      name: 'openmosix status, 1,000 nodes', text: statusText, json: JSON.stringify(status), rows: status.ranges.length,
      parse: (text) => { const result = parseOpenMosixStatus(text); return result.ok ? result.value.nodes.length : null; },
      validateOnly: () => compiledStatus.safeParse(statusValue.ok ? statusValue.value : null),
    },
  ];
}

function measureCase(parserCase: ParserCase): BenchRow[] {
  const found = parserCase.parse(parserCase.text);
  const textBytes = Buffer.byteLength(parserCase.text);
  const jsonBytes = Buffer.byteLength(parserCase.json);
  const parserMs = median(sample(() => parserCase.parse(parserCase.text), SAMPLING));
  const jsonMs = median(sample(() => JSON.parse(parserCase.json), SAMPLING));
  const zodMs = median(sample(parserCase.validateOnly, SAMPLING));
  const parserMBs = perSecond(textBytes, parserMs) / 1e6;
  const jsonMBs = perSecond(jsonBytes, jsonMs) / 1e6;
  const parserRows = perSecond(parserCase.rows, parserMs);
  const jsonRows = perSecond(parserCase.rows, jsonMs);
  const checked = found === parserCase.rows ? '' : `; WARNING: parser found ${found ?? 'an error'} instead of ${parserCase.rows} rows`;
  return [
    {
      bench: BENCH, name: `${parserCase.name}: rows/s`, value: parserRows, unit: 'rows/s',
      baseline: `JSON.parse ${Math.round(jsonRows).toLocaleString('en-US')} rows/s`, ratio: ratio(parserRows, jsonRows),
      target: { on: 'ratio', atLeast: 0.5 },
      note: `median of ${SAMPLING.maxSamples} max; parse includes zod validation${checked}`,
    },
    {
      bench: BENCH, name: `${parserCase.name}: MB/s`, value: parserMBs, unit: 'MB/s',
      baseline: `JSON.parse ${jsonMBs.toFixed(1)} MB/s`, ratio: ratio(parserMBs, jsonMBs),
      note: `text ${(textBytes / 1e6).toFixed(2)} MB vs JSON ${(jsonBytes / 1e6).toFixed(2)} MB of the same data`,
    },
    {
      bench: BENCH, name: `${parserCase.name}: zod check share`, value: (zodMs / parserMs) * 100, unit: '% of parse',
      note: `the schema check alone takes ${zodMs.toFixed(1)} of ${parserMs.toFixed(1)} ms (diagnostic: where the time goes)`,
    },
  ];
}

export function benchParsers(): BenchRow[] {
  return cases().flatMap(measureCase);
}
