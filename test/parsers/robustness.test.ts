// Mutated fixtures through every parser: whatever the bytes, a parser returns either a value its
// schema accepts or an error whose line lies within the input, and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HPC_NODE_FILES, HpcNodeSchema, parseHpcNode } from '../../parsers/hpc.js';
import type { ParseResult } from '../../parsers/result.js';
import { lineCount } from '../../parsers/util/lines.js';
import { TEXT_PARSERS, textFixtures } from './fixtureCases.js';

const CODES = ['malformed', 'empty', 'usage', 'not-configured', 'not-up', 'not-openmosix', 'permission-denied', 'tool-error'];
const HUGE = ['99999999999999999999999', '9007199254740993', '4294967296', '65536', '-1', '1e400', '0x10', 'NaN', '-0', '1.5'];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace-char'; at: number; text: string }
  | { kind: 'shuffle-lines'; order: number[] }
  | { kind: 'huge-numbers'; picks: number[] }
  | { kind: 'line-ends'; ending: '\r\n' | '\r' | '\n\n' }
  | { kind: 'repeat'; times: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const junk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\x1b[7m', '\x00', '\t', ' ', '\r', '#', ':', '-', '%', 'K', 'M', '(', ')', '%CPU', 'PID', 'COMMAND', 'N#'),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: junk }),
  fc.record({ kind: fc.constant('replace-char' as const), at: position, text: junk }),
  fc.record({ kind: fc.constant('shuffle-lines' as const), order: fc.array(fc.nat(), { maxLength: 40 }) }),
  fc.record({ kind: fc.constant('huge-numbers' as const), picks: fc.array(fc.nat(HUGE.length - 1), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('line-ends' as const), ending: fc.constantFrom('\r\n' as const, '\r' as const, '\n\n' as const) }),
  fc.record({ kind: fc.constant('repeat' as const), times: fc.integer({ min: 2, max: 4 }) }),
);

function apply(text: string, change: Mutation): string {
  const at = 'at' in change ? Math.floor(change.at * text.length) : 0;
  switch (change.kind) {
    case 'truncate': return text.slice(0, at);
    case 'insert': return text.slice(0, at) + change.text + text.slice(at);
    case 'replace-char': return text.slice(0, at) + change.text + text.slice(at + 1);
    case 'shuffle-lines': {
      const lines = text.split('\n');
      // order[i] picks which remaining line comes next: a permutation, or fewer lines when short.
      const shuffled = change.order.map((pick) => lines.splice(pick % Math.max(lines.length, 1), 1)[0] ?? '');
      return [...shuffled, ...lines].join('\n');
    }
    case 'huge-numbers': {
      let index = 0;
      return text.replace(/\d+/g, (digits) => HUGE[change.picks[index++ % change.picks.length] ?? 0] ?? digits);
    }
    case 'line-ends': return text.replace(/\n/g, change.ending);
    case 'repeat': return text.repeat(change.times);
  }
}

function checkResult(result: ParseResult<unknown>, input: string, schema: { safeParse: (value: unknown) => { success: boolean } }): void {
  const lines = lineCount(input);
  if (result.ok) {
    expect(schema.safeParse(result.value).success).toBe(true);
    for (const warning of result.warnings) {
      expect(warning.line >= 0 && warning.line <= lines).toBe(true);
    }
  } else {
    expect(Number.isInteger(result.error.line)).toBe(true);
    expect(result.error.line >= 0 && result.error.line <= lines).toBe(true);
    expect(CODES).toContain(result.error.code);
    expect(result.error.message).not.toMatch(/[\r\n]/);
    expect(result.error.message.length).toBeGreaterThan(0);
    // A value the parser built but its own schema refused would be a parser bug, not bad input.
    expect(result.error.message).not.toMatch(/^expected a valid value/);
  }
}

const fixtures = textFixtures();
const parsers = Object.values(TEXT_PARSERS);

describe('parser robustness under mutation', () => {
  it('every parser gives a schema-valid value or a located error for every mutated fixture', () => {
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (pick, changes) => {
        const source = fixtures[pick]?.input ?? '';
        const input = changes.reduce(apply, source);
        for (const parser of parsers) checkResult(parser.parse(input), input, parser.schema);
      }),
      { numRuns: 600 },
    );
  });

  it('every parser survives arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (input) => {
        for (const parser of parsers) checkResult(parser.parse(input), input, parser.schema);
      }),
      { numRuns: 300 },
    );
  });

  it('parseHpcNode gives a schema-valid value or an error for any file contents', () => {
    const contents = fc.oneof(fc.constantFrom(...HUGE, '-101\n', '153\n', ''), fc.string({ unit: 'binary', maxLength: 20 }));
    const files = fc.record(Object.fromEntries(HPC_NODE_FILES.map((name) => [name, contents])), { requiredKeys: [] });
    fc.assert(
      fc.property(files, (node) => {
        const result = parseHpcNode(node);
        if (result.ok) expect(HpcNodeSchema.safeParse(result.value).success).toBe(true);
        else expect(result.error.code).toBe('empty');
      }),
      { numRuns: 300 },
    );
  });

  it('the mutations do change the inputs (the property is not vacuous)', () => {
    const tutorial = fixtures.find((fixture) => fixture.id === 'mps/tutorial')?.input ?? '';
    expect(apply(tutorial, { kind: 'huge-numbers', picks: [0] })).toContain(HUGE[0]);
    expect(apply(tutorial, { kind: 'line-ends', ending: '\r\n' })).toContain('\r\n');
    expect(apply(tutorial, { kind: 'shuffle-lines', order: [3, 0] }).split('\n')[0]).toBe(tutorial.split('\n')[3]);
    expect(TEXT_PARSERS.mps?.parse(apply(tutorial, { kind: 'truncate', at: 0.5 })).ok).toBe(true);
  });
});
