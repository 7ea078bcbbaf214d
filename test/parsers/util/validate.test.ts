import { describe, expect, it } from 'vitest';
import { MpsSchema, MtopSchema, OpenMosixStatusSchema } from '../../../parsers/index.js';
import { validated, validatedAsBuilt } from '../../../parsers/util/validate.js';
import { TEXT_PARSERS, textFixtures } from '../fixtureCases.js';

const AS_BUILT = { mps: MpsSchema, mtop: MtopSchema, 'openmosix-status': OpenMosixStatusSchema };

describe('validated values', () => {
  it('the table parsers return values equal, key for key, to the copy zod would have made', () => {
    let compared = 0;
    for (const [kind, schema] of Object.entries(AS_BUILT)) {
      for (const fixture of textFixtures().filter((candidate) => candidate.parser === TEXT_PARSERS[kind])) {
        const result = fixture.parser.parse(fixture.input);
        if (!result.ok) continue;
        const copy = schema.parse(result.value);
        expect(result.value, fixture.id).toStrictEqual(copy);
        expect(JSON.stringify(result.value), fixture.id).toBe(JSON.stringify(copy));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  const row = { pid: 1, tty: '?', node: 0, stat: 'S', time: '0:00', timeSeconds: 0, command: 'sh', extra: {} };
  const good = { processes: [row] };
  const bad = { processes: [{ ...row, pid: -3 }] };

  it('validatedAsBuilt hands back the very value it checked', () => {
    const result = validatedAsBuilt(MpsSchema, good);
    expect(result.ok && result.value).toBe(good);
  });

  it('names the first issue as the uncompiled schema does, whichever way the value was checked', () => {
    const issue = MpsSchema.safeParse(bad).error?.issues[0];
    const expected = `expected a valid value at processes.0.pid, got one that is not (${issue?.message})`;
    expect(validated(MpsSchema, bad)).toEqual({ ok: false, error: { line: 0, message: expected, code: 'malformed' } });
    expect(validatedAsBuilt(MpsSchema, bad)).toEqual(validated(MpsSchema, bad));
  });
});
