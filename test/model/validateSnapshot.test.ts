import { describe, expect, it } from 'vitest';
import { validateAndFreeze, failedSnapshot, InvalidSnapshotError } from '../../src/model/validateSnapshot.js';
import { ClusterSnapshotSchema } from '../../src/model/snapshot.js';
import { node, snapshot } from '../helpers/snapshots.js';

describe('validateAndFreeze', () => {
  it('returns a deeply frozen copy that fits the schema', () => {
    const built = validateAndFreeze(snapshot([node(261, { flags: { stay: true } })]));
    expect(ClusterSnapshotSchema.safeParse(built).success).toBe(true);
    expect(Object.isFrozen(built)).toBe(true);
    expect(Object.isFrozen(built.nodes)).toBe(true);
    expect(Object.isFrozen(built.nodes[0]?.flags)).toBe(true);
    expect(() => (built.nodes as unknown[]).push(node(1))).toThrow(TypeError);
  });

  it('names the field when a backend builds something the schema refuses', () => {
    const bad = snapshot([node(261, { cpus: 0 })]);
    expect(() => validateAndFreeze(bad)).toThrow(InvalidSnapshotError);
    expect(() => validateAndFreeze(bad)).toThrow(/^invalid snapshot: nodes\.0\.cpus: /);
  });

  it('failedSnapshot carries only the errors', () => {
    const failed = failedSnapshot('openmosix', 5, [{ source: 'mps', message: 'mps: command not found' }]);
    expect(failed.nodes).toEqual([]);
    expect(failed.errors).toEqual([{ source: 'mps', message: 'mps: command not found' }]);
    expect(ClusterSnapshotSchema.safeParse(failed).success).toBe(true);
  });
});
