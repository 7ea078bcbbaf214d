import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMps, parseMtop, type MpsProcess, type MtopProcess } from '../../parsers/index.js';
import { processesFromTools } from '../../src/model/processes.js';
import { ProcessSnapshotSchema } from '../../src/model/snapshot.js';

function fixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
}

function rows<T>(result: { ok: true; value: { processes: T[] } } | { ok: false }): T[] {
  if (!result.ok) throw new Error('fixture did not parse');
  return result.value.processes;
}

const mps: MpsProcess[] = rows(parseMps(fixture('mps/tutorial.txt')));
const mtop: MtopProcess[] = rows(parseMtop(fixture('mtop/tutorial.txt')));

describe('processesFromTools', () => {
  it('resolves NODE 0 to the local node and marks the others migrated (the tutorial’s mps)', () => {
    const procs = processesFromTools({ mps, mtop: null, localNode: 261 }) ?? [];
    expect(procs.map((p) => [p.pid, p.node, p.migrated])).toEqual([
      [1100, 261, false], [1146, 261, false], [1147, 261, false], [1159, 261, false],
      [1166, 266, true], [1169, 266, true], [1172, 258, true], [1175, 258, true], [1199, 261, false],
    ]);
    expect(procs.every((p) => p.home === 261)).toBe(true);
    expect(procs.filter((p) => p.isBlender).map((p) => p.pid)).toEqual([1166, 1169, 1172, 1175]);
    expect(procs.find((p) => p.pid === 1169)).toMatchObject({ command: '(blender)', timeSeconds: 351, stat: 'S', user: null, cpu: null });
    for (const p of procs) expect(ProcessSnapshotSchema.safeParse(p).success).toBe(true);
  });

  it('takes user, %CPU and %MEM from mtop, but the node from mps', () => {
    const procs = processesFromTools({ mps, mtop, localNode: 261 }) ?? [];
    // mtop saw 1169 on 407 a moment earlier; mps's 266 is what the snapshot says.
    expect(procs.find((p) => p.pid === 1169)).toMatchObject({ node: 266, user: 'root', cpu: 85.5, mem: 15.4 });
    expect(procs.find((p) => p.pid === 1100)).toMatchObject({ user: null, cpu: null, mem: null });
  });

  it('falls back to mtop rows when mps could not be read, and to null with neither', () => {
    const procs = processesFromTools({ mps: null, mtop, localNode: 261 }) ?? [];
    expect(procs.find((p) => p.pid === 1169)).toMatchObject({ node: 407, migrated: true, user: 'root', isBlender: true });
    expect(procs.find((p) => p.pid === 1175)).toMatchObject({ node: 261, migrated: false });
    expect(processesFromTools({ mps: null, mtop: null, localNode: 261 })).toBeNull();
  });
});
