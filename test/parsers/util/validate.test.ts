import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MpsSchema, MtopSchema, OpenMosixStatusSchema, isValidMps, isValidMtop, isValidStatus } from '../../../parsers/index.js';
import { isStringRecord, validated, validatedAsBuilt, validatedAsBuiltBy } from '../../../parsers/util/validate.js';
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

  it('gives the same answers while a schema is checked uncompiled (its first uses) and once it is compiled', () => {
    // A schema of its own, so this test sees its every use from the first.
    const schema = z.object({ processes: z.array(z.object({ pid: z.number().int().nonnegative(), command: z.string() })) });
    const fine = { processes: [{ pid: 1, command: 'sh' }] };
    const wrong = { processes: [{ pid: -3, command: 'sh' }] };
    const issue = schema.safeParse(wrong).error?.issues[0];
    const refusal = { ok: false, error: { line: 0, message: `expected a valid value at processes.0.pid, got one that is not (${issue?.message})`, code: 'malformed' } };
    for (let use = 1; use <= 8; use += 1) {
      expect(validated(schema, fine), `use ${use}`).toEqual({ ok: true, value: fine, warnings: [] });
      const asBuilt = validatedAsBuilt(schema, fine);
      expect(asBuilt.ok && asBuilt.value, `use ${use}`).toBe(fine);
      expect(validated(schema, wrong), `use ${use}`).toEqual(refusal);
      expect(validatedAsBuilt(schema, wrong), `use ${use}`).toEqual(refusal);
    }
  });

  it('validatedAsBuiltBy hands back the value its check accepts, and lets the schema judge what the check refuses', () => {
    expect(validatedAsBuiltBy(MpsSchema, () => true, good)).toEqual({ ok: true, value: good, warnings: [] });
    const refused = validatedAsBuiltBy(MpsSchema, () => false, good);
    expect(refused.ok && refused.value).toStrictEqual(good);
    expect(validatedAsBuiltBy(MpsSchema, () => false, bad)).toEqual(validated(MpsSchema, bad));
  });
});

describe('the tables\' cheaper checks (isValidMps, isValidMtop)', () => {
  const CHECKS = { mps: [MpsSchema, isValidMps], mtop: [MtopSchema, isValidMtop] } as const;

  it('accept every table the fixtures parse to, and, with one value anywhere replaced, only what the schema accepts', () => {
    let accepted = 0;
    for (const [kind, [schema, check]] of Object.entries(CHECKS)) {
      for (const fixture of textFixtures().filter((candidate) => candidate.parser === TEXT_PARSERS[kind])) {
        const result = fixture.parser.parse(fixture.input);
        if (!result.ok) continue;
        const value = result.value as never;
        expect(check(value), fixture.id).toBe(true);
        const rows = (value as { processes: Record<string, unknown>[] }).processes;
        if (rows.length === 0) continue;
        const change = fc.tuple(fc.nat(rows.length - 1), fc.constantFrom(...Object.keys(rows[0] ?? {}), 'processes', 'other'), fc.anything({ withNullPrototype: true }));
        fc.assert(fc.property(change, ([at, key, replacement]) => {
          const changed = key === 'processes' ? { ...(value as object), processes: replacement }
            : { ...(value as object), processes: rows.map((row, index) => (index === at ? { ...row, [key]: replacement } : row)) };
          if (!check(changed as never)) return;
          accepted += 1;
          expect(schema.safeParse(changed).success).toBe(true);
        }), { numRuns: 200 });
      }
    }
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('the node map\'s cheaper check (isValidStatus)', () => {
  it('accepts every map the fixtures parse to, and, with one value anywhere replaced, only what the schema accepts', () => {
    let accepted = 0;
    let refused = 0;
    let maps = 0;
    for (const fixture of textFixtures().filter((candidate) => candidate.parser === TEXT_PARSERS['openmosix-status'])) {
      const result = fixture.parser.parse(fixture.input);
      if (!result.ok) continue;
      const value = result.value as Record<string, unknown> & { ranges: Record<string, unknown>[]; nodes: Record<string, unknown>[] };
      expect(isValidStatus(value as never), fixture.id).toBe(true);
      maps += 1;
      const where = fc.constantFrom('top', 'ranges', 'nodes');
      const key = fc.constantFrom('first', 'last', 'address', 'id', 'ranges', 'nodes', 'localNode', 'running', 'aliases', 'other');
      fc.assert(fc.property(where, key, fc.nat(), fc.anything({ withNullPrototype: true }), (place, field, at, replacement) => {
        let changed: unknown;
        if (place === 'top') changed = { ...value, [field]: replacement };
        else {
          const items = value[place];
          if (items.length === 0) return;
          const index = at % items.length;
          changed = { ...value, [place]: items.map((item, i) => (i === index ? { ...item, [field]: replacement } : item)) };
        }
        if (!isValidStatus(changed as never)) {
          refused += 1;
          return;
        }
        accepted += 1;
        expect(OpenMosixStatusSchema.safeParse(changed).success).toBe(true);
      }), { numRuns: 200 });
    }
    expect(maps).toBeGreaterThan(3);
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });

  it('refuses a range or node that is not a plain object, an id out of range, and a sparse list', () => {
    const parsed = OpenMosixStatusSchema.parse({
      running: true, disabled: false, localNode: 1, protocol: null, mapFile: null, autodiscovery: false, discoveryDaemon: null,
      ranges: [{ first: 1, last: 2, address: '10.0.0.1' }], nodes: [{ id: 1, address: '10.0.0.1' }, { id: 2, address: null }],
      aliases: [], totalConfigured: 2, aliasCount: 0,
    });
    expect(isValidStatus(parsed)).toBe(true);
    class Node { id = 1; address = null; }
    const variants: unknown[] = [
      { ...parsed, nodes: [new Node()] }, { ...parsed, nodes: [Object.assign(Object.create(null), { id: 1, address: null })] },
      { ...parsed, nodes: [{ id: 0, address: null }] }, { ...parsed, nodes: [{ id: 65536, address: null }] },
      { ...parsed, nodes: [{ id: 1.5, address: null }] }, { ...parsed, nodes: [{ id: 1 }] }, { ...parsed, nodes: [, { id: 1, address: null }] },
      { ...parsed, ranges: [{ first: 1, last: 2, address: null }] }, { ...parsed, ranges: {} }, { ...parsed, running: 'yes' },
    ];
    for (const variant of variants) expect(isValidStatus(variant as never)).toBe(false);
  });
});

describe('isStringRecord', () => {
  const zodRecord = z.record(z.string(), z.string());
  const symbol = Symbol('k');
  class Cells { a = 'x'; }
  const odd: unknown[] = [
    {}, { a: 'x', b: '' }, { a: 1 }, { a: 'x', b: undefined }, [], ['x'], null, 'x', 3, new Map(), new Date(0), new Cells(),
    Object.create(null), Object.assign(Object.create(null), { a: 'x' }), Object.create({ inherited: 'x' }), Object.create({ inherited: 1 }),
    { [symbol]: 'x' }, Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }), Object.defineProperty({ a: 'x' }, symbol, { value: 'x', enumerable: false }),
    JSON.parse('{"__proto__": "x"}'), JSON.parse('{"__proto__": 1}'), { constructor: 'x' }, { constructor: () => 1 },
    Object.defineProperty({}, 'constructor', { value: function Other() {}, enumerable: false }), { get a() { return 'x'; } }, { get a() { return 1; } },
  ];

  it('accepts only what z.record(z.string(), z.string()) accepts, and every plain record of strings', () => {
    for (const [index, value] of odd.entries()) if (isStringRecord(value)) expect(zodRecord.safeParse(value).success, `case ${index}`).toBe(true);
    // Accepted: the plain records of strings (with or without a prototype), a hidden key, an own
    // `__proto__` or `constructor` key holding a string, a getter of a string. Refused, though zod
    // accepts it, and so left to zod: a record with a hidden symbol key (18).
    expect([...odd.keys()].filter((index) => isStringRecord(odd[index]))).toEqual([0, 1, 12, 13, 17, 19, 21, 24]);
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withMap: true, withSet: true, withDate: true }), (value) => {
      if (isStringRecord(value)) expect(zodRecord.safeParse(value).success).toBe(true);
    }), { numRuns: 5000 });
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.string()), (record) => {
      expect(isStringRecord(record)).toBe(zodRecord.safeParse(record).success);
    }), { numRuns: 2000 });
    expect(isStringRecord({ START: '10:16', WCHAN: '' })).toBe(true);
  });
});
