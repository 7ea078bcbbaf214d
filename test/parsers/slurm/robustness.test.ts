// The Slurm parsers on bad input: never a throw; a typed error with a line inside the input, or a
// value; JSON values mutated to every shape (null, strings, objects, huge numbers) still parse.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifySlurmError, elapsedOf, parseScontrolPing, parseScontrolShow, parseSinfoJson, parseSinfoText, parseSqueueJson, parseSqueueText,
  SinfoSchema, SqueueSchema, type ParseResult,
} from '../../../parsers/index.js';
import { MAX_JSON_CHARS } from '../../../parsers/slurm/json.js';
import { lineCount } from '../../../parsers/util/lines.js';

const ROOT = new URL('../../../fixtures/slurm/', import.meta.url).pathname;
const read = (name: string): string => readFileSync(`${ROOT}${name}`, 'utf8');

const TEXT_CASES: readonly (readonly [string, (text: string) => ParseResult<unknown>])[] = [
  ['22.05.8/cluster.sinfo-json.stdout', parseSinfoJson],
  ['22.05.8/cluster.squeue-json.stdout', parseSqueueJson],
  ['23.02.4/cluster.sinfo-json.stdout', parseSinfoJson],
  ['24.11-shape/cluster.squeue-json.stdout', parseSqueueJson],
  ['22.05.8/cluster.sinfo-text.stdout', parseSinfoText],
  ['22.05.8/cluster.squeue-text.stdout', parseSqueueText],
  ['22.05.8/cluster.scontrol-job.stdout', parseScontrolShow],
  ['22.05.8/ping-up.stdout', parseScontrolPing],
];

function wellFormed(result: ParseResult<unknown>, input: string): void {
  if (result.ok) return;
  expect(result.error.line).toBeGreaterThanOrEqual(0);
  expect(result.error.line).toBeLessThanOrEqual(lineCount(input));
  expect(result.error.message.length).toBeGreaterThan(0);
}

describe('Slurm parsers on mutated input', () => {
  it.each(TEXT_CASES)('%s: byte edits never throw', (name, parse) => {
    const original = read(name);
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(64), fc.string({ maxLength: 8 }), (at, cut, text) => {
      const i = Math.floor(at * original.length);
      for (const input of [original.slice(0, i), original.slice(0, i) + text + original.slice(i + cut)]) wellFormed(parse(input), input);
    }), { numRuns: 150 });
  });

  it('every JSON field replaced by another shape still gives a valid value or an error', () => {
    const shapes: unknown[] = [null, 'x', '', -5, 1e300, 3.5, [], {}, { set: false, infinite: true, number: 7 }, ['A', 7], true];
    for (const [name, parse, schema, key] of [
      ['22.05.8/cluster.sinfo-json.stdout', parseSinfoJson, SinfoSchema, 'nodes'],
      ['22.05.8/cluster.squeue-json.stdout', parseSqueueJson, SqueueSchema, 'jobs'],
      ['23.02.4/cluster.sinfo-json.stdout', parseSinfoJson, SinfoSchema, 'sinfo'],
      ['23.02.4/cluster.squeue-json.stdout', parseSqueueJson, SqueueSchema, 'jobs'],
    ] as const) {
      const document = JSON.parse(read(name)) as Record<string, Record<string, unknown>[]>;
      const first = document[key]?.[0] ?? {};
      for (const field of Object.keys(first)) {
        for (const shape of shapes) {
          const changed = { ...document, [key]: [{ ...first, [field]: shape }] };
          const result = parse(JSON.stringify(changed));
          if (result.ok) expect(schema.safeParse(result.value).success).toBe(true);
          else expect(result.error.message).not.toBe('');
        }
      }
    }
  });
});

describe('Slurm parser errors', () => {
  it('not JSON: the line where JSON.parse stopped', () => {
    const result = parseSinfoJson('{\n  "meta": {},\n  "nodes": [ oops ]\n}');
    expect(result.ok ? null : result.error).toMatchObject({ line: 3, code: 'malformed' });
  });

  it('empty output is the empty error; a JSON array or a document without records is malformed', () => {
    expect(parseSqueueJson('').ok ? null : parseSqueueJson('') ).toMatchObject({ error: { code: 'empty', line: 0 } });
    expect(parseSqueueJson('[]')).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(parseSinfoJson('{"meta":{}}')).toMatchObject({ ok: false, error: { message: expect.stringContaining('"nodes" or "sinfo"') } });
  });

  it('input over the cap is refused without being parsed', () => {
    const result = parseSqueueJson(' '.repeat(MAX_JSON_CHARS + 1));
    expect(result).toMatchObject({ ok: false, error: { line: 0, message: expect.stringContaining('larger than') } });
  });

  it('a text row that is not the format: an error on line 1 when first, a warning with its line after', () => {
    expect(parseSqueueText('JOBID PARTITION NAME\n')).toMatchObject({ ok: false, error: { line: 1 } });
    const good = read('22.05.8/cluster.squeue-text.stdout');
    const result = parseSqueueText(`${good}garbage line\n`);
    expect(result.ok && result.warnings).toEqual([{ line: good.split('\n').length, message: expect.stringContaining('line skipped') }]);
  });

  it('a job name holding "|" stays whole (the name is the last field)', () => {
    const result = parseSqueueText('7|7|RUNNING|ann|1:02:03|4|1|debug|n1|None|a|b c\n');
    expect(result.ok && result.value.jobs[0]).toMatchObject({ name: 'a|b c', elapsedSeconds: 3723, cpus: 4 });
  });

  it('elapsed times in every squeue form', () => {
    expect([elapsedOf('0:05'), elapsedOf('12:34'), elapsedOf('1:02:03'), elapsedOf('2-01:02:03'), elapsedOf('INVALID')])
      .toEqual([5, 754, 3723, 176523, null]);
  });

  it('a permission problem is classified; ordinary text is not an error', () => {
    expect(classifySlurmError('scontrol: error: Access/permission denied')).toMatchObject({ code: 'permission-denied', line: 1 });
    expect(classifySlurmError('Slurmctld(primary) at vm is UP\n')).toBeNull();
  });

  it('linear time: 20,000 jobs parse in one pass (a quadratic parser would take minutes)', () => {
    const line = '5_1|6|RUNNING|root|0:01|1|1|debug|n1|None|frames\n';
    const result = parseSqueueText(line.repeat(20_000));
    expect(result.ok && result.value.jobs.length).toBe(20_000);
  });
});
