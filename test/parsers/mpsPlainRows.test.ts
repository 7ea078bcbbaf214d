// parseMps reads plain rows (every number unsigned, every cell there) with its in-place reader and
// every other row cell by cell. A `+` before a PID reads as the same PID but keeps the row from the
// in-place reader, so a table and its `+PID` twin must parse alike: the same processes, and the
// same warning and error lines. Rows here are random mixes of real and damaged cells.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MpsSchema, isValidMps, parseMps } from '../../parsers/mps.js';

const HEADER = 'USER       PID %CPU %MEM  SIZE   RSS TTY NODE STAT START   TIME COMMAND';
const cell = (good: readonly string[], bad: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });

const row = fc.tuple(
  cell(['root', '#1000', 'alice'], ['', '-']),
  cell(['1', '64', '1175', '4194304', '0012'], ['4194305', '-5', '1e3', 'x', '99999999999999999999']),
  cell(['0.0', '47.9', '160.8', '5'], ['-1.0', '1.', '.5', 'NaN']),
  cell(['0.1', '10.0', '100', '16.4'], ['100.1', '-0.1', 'x']),
  cell(['1752', '0', '42436'], ['-1', '1.5', '12K']),
  cell(['144', '0', '41984'], ['-1', 'x']),
  cell(['?', 'tty1', 'pts/0'], ['']),
  cell(['0', '2', '266', '2780', '-1'], ['65536', '-2', 'x']),
  cell(['S', 'R', 'SWN', 'R N', 'S <'], ['1', '']),
  cell(['10:16', '22:37'], ['']),
  cell(['0:05', '227:33', '1234m', '1:02:03', '31h'], ['0:60', 'x', '']),
  cell(['(blender)', 'sh -c while :; do :; done ', 'init [3]   ', '/sbin/mps auxww '], ['', '   ']),
);

function render(rows: readonly (readonly string[])[], plusPid: boolean): string {
  const lines = rows.map((cells) => cells.map((text, index) => (index === 1 && plusPid && /^\d+$/.test(text) ? `+${text}` : text)).join(' '));
  return [HEADER, ...lines].join('\n');
}

function outline(text: string): unknown {
  const result = parseMps(text);
  return result.ok
    ? { processes: result.value.processes, warnings: result.warnings.map((warning) => warning.line) }
    : { line: result.error.line, code: result.error.code };
}

describe('parseMps: in-place rows and cell-by-cell rows agree', () => {
  it('a table parses as its +PID twin does', () => {
    let read = 0;
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
      const plain = outline(render(rows, false));
      if (typeof plain === 'object' && plain !== null && 'processes' in plain) read += 1;
      expect(plain).toEqual(outline(render(rows, true)));
    }), { numRuns: 3000 });
    expect(read).toBeGreaterThan(150);
  });

  it('builds rows key for key as zod would copy them, whichever reader read them', () => {
    let read = 0;
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.boolean(), (rows, plusPid) => {
      const result = parseMps(render(rows, plusPid));
      if (!result.ok) return;
      read += 1;
      expect(JSON.stringify(result.value)).toBe(JSON.stringify(MpsSchema.parse(result.value)));
    }), { numRuns: 1000 });
    expect(read).toBeGreaterThan(50);
  });
});

describe('isValidMps', () => {
  const parsed = parseMps(`${HEADER}\nroot 64 47.9 0.1 1752 144 ? 2 S 10:16 0:05 sh -c while :; do :; done\n`);
  if (!parsed.ok) throw new Error('the sample table does not parse');
  const sample = parsed.value.processes[0];

  it('accepts what the parser builds, and only values MpsSchema accepts', () => {
    expect(isValidMps(parsed.value)).toBe(true);
    const key = fc.constantFrom(...Object.keys(sample ?? {}), 'other');
    const broken = fc.tuple(key, fc.anything({ withNullPrototype: true, withMap: true })).map(([name, value]) => ({ processes: [{ ...sample, [name]: value }] }));
    let accepted = 0;
    fc.assert(fc.property(broken, (value) => {
      const fast = isValidMps(value as never);
      if (fast) accepted += 1;
      if (fast) expect(MpsSchema.safeParse(value).success).toBe(true);
    }), { numRuns: 5000 });
    expect(accepted).toBeGreaterThan(50);
    expect(isValidMps({ processes: [{ ...sample, extra: { START: 5 } }] } as never)).toBe(false);
    expect(isValidMps({ processes: [{ ...sample, mem: 101 }] } as never)).toBe(false);
  });
});
