// The process rows checked in place (processesAsParsed): kept only where zod's parse would give back
// the same rows, key for key and in the same order; anything else goes to zod.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processesAsParsed, validateAndFreeze, InvalidSnapshotError } from '../../src/model/validateSnapshot.js';
import { ClusterSnapshotSchema, ProcessSnapshotSchema, type ProcessSnapshot } from '../../src/model/snapshot.js';
import { node, snapshot } from '../helpers/snapshots.js';

function row(values: Partial<ProcessSnapshot> = {}): ProcessSnapshot {
  return {
    pid: 42, user: 'alice', node: 1, home: 1, migrated: false, stat: 'S', cpu: 1.5, mem: 0.3,
    timeSeconds: 12.5, command: 'blender -b scene.blend', isBlender: true, ...values,
  };
}

/** Odd values of every kind, for any key. */
const anyValue = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -0, -1, 1.5, 2 ** 53, -(2 ** 53) + 1, Number.NaN, Infinity, -Infinity, '', 'x', 7n),
  fc.integer(), fc.double(), fc.string(), fc.constant({}), fc.constant([]),
);

/** A row as a backend builds it, then changed: a value replaced, a key deleted or added, keys reordered. */
const changedRow = fc.record({
  base: fc.record({ kernelThread: fc.option(fc.boolean(), { nil: undefined }), pid: fc.nat(), cpu: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })) }),
  change: fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom(...Object.keys(ProcessSnapshotSchema.shape), 'extra'), value: anyValue }),
    fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...Object.keys(ProcessSnapshotSchema.shape)) }),
    fc.record({ kind: fc.constant('reorder' as const), seed: fc.nat() }),
    fc.record({ kind: fc.constant('none' as const) }),
  ),
}).map(({ base, change }) => {
  const { kernelThread, ...rest } = base;
  const built: Record<string, unknown> = { ...row(rest), ...(kernelThread === undefined ? {} : { kernelThread }) };
  if (change.kind === 'set') built[change.key] = change.value;
  if (change.kind === 'delete') delete built[change.key];
  if (change.kind === 'reorder') {
    const keys = Object.keys(built);
    const moved = keys.splice(change.seed % keys.length, 1);
    return Object.fromEntries([...moved, ...keys].map((key) => [key, built[key]]));
  }
  return built;
});

describe('processesAsParsed', () => {
  it('accepts only rows that zod accepts and copies unchanged (same keys, same order, same values)', () => {
    let accepted = 0;
    fc.assert(fc.property(fc.array(changedRow, { maxLength: 3 }), (rows) => {
      if (!processesAsParsed(rows)) return;
      accepted += 1;
      const parsed = ClusterSnapshotSchema.shape.processes.safeParse(rows);
      expect(parsed.success).toBe(true);
      expect(parsed.data?.map((p) => Object.keys(p))).toEqual(rows.map((p) => Object.keys(p)));
      expect(parsed.data).toEqual(rows);
    }), { numRuns: 3000 });
    // The property is not vacuous: plain rows do reach the fast path.
    expect(accepted).toBeGreaterThan(100);
  });

  it('sends to zod a row with a wrong value, a missing or extra key, keys out of order or an undefined optional key', () => {
    expect(processesAsParsed([row()])).toBe(true);
    expect(processesAsParsed([row({ kernelThread: true })])).toBe(true);
    expect(processesAsParsed([row({ pid: -1 })])).toBe(false);
    expect(processesAsParsed([row({ cpu: Number.NaN })])).toBe(false);
    expect(processesAsParsed([row({ kernelThread: undefined })])).toBe(false);
    expect(processesAsParsed([{ ...row(), extra: 1 }])).toBe(false);
    const { pid, ...noPid } = row();
    expect(processesAsParsed([noPid])).toBe(false);
    expect(processesAsParsed([{ ...noPid, pid }])).toBe(false);
    expect(processesAsParsed([Object.assign(Object.create(null) as object, row())])).toBe(false);
    expect(processesAsParsed('rows')).toBe(false);
  });
});

describe('validateAndFreeze with process rows', () => {
  it('gives what zod gives, frozen, whether the rows were checked in place or by zod', () => {
    const rows = [row(), row({ pid: 43, kernelThread: true, command: '[kthreadd]', isBlender: false })];
    const draft = { ...snapshot([node(1)]), processes: rows };
    const expected = ClusterSnapshotSchema.parse(draft);
    const built = validateAndFreeze(draft);
    expect(built).toEqual(expected);
    expect(Object.keys(built)).toEqual(Object.keys(expected));
    expect(Object.isFrozen(built.processes)).toBe(true);
    expect(built.processes.every((p) => Object.isFrozen(p))).toBe(true);
    expect(Object.isFrozen(built.nodes[0])).toBe(true);
    // A row with a key the schema does not know: zod's copy, without it.
    const stripped = validateAndFreeze({ ...draft, processes: [{ ...row(), extra: 1 } as ProcessSnapshot] });
    expect(stripped.processes).toEqual([row()]);
  });

  it('still refuses a bad row with zod\'s message, and a bad node next to good rows', () => {
    expect(() => validateAndFreeze({ ...snapshot([node(1)]), processes: [row(), row({ pid: -3 })] }))
      .toThrow(/^invalid snapshot: processes\.1\.pid: /);
    expect(() => validateAndFreeze({ ...snapshot([node(1, { cpus: 0 })]), processes: [row()] }))
      .toThrow(InvalidSnapshotError);
  });
});
