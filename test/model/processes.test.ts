import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMps, type MpsProcess } from '../../parsers/index.js';
import { processesFromMps } from '../../src/model/processes.js';
import { ProcessSnapshotSchema, nodeLabel } from '../../src/model/snapshot.js';

function fixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
}

function rows(text: string): MpsProcess[] {
  const result = parseMps(text);
  if (!result.ok) throw new Error(`fixture did not parse: ${result.error.message}`);
  return result.value.processes;
}

describe('processesFromMps', () => {
  it('resolves NODE 0 to the local node and marks the others migrated (the tutorial’s mps)', () => {
    const procs = processesFromMps(rows(fixture('mps/tutorial.txt')), 261);
    expect(procs.map((p) => [p.pid, p.node, p.migrated])).toEqual([
      [1100, 261, false], [1146, 261, false], [1147, 261, false], [1159, 261, false],
      [1166, 266, true], [1169, 266, true], [1172, 258, true], [1175, 258, true], [1199, 261, false],
    ]);
    expect(procs.every((p) => p.home === 261)).toBe(true);
    expect(procs.filter((p) => p.isBlender).map((p) => p.pid)).toEqual([1166, 1169, 1172, 1175]);
    expect(procs.find((p) => p.pid === 1169)).toMatchObject({ command: '(blender)', timeSeconds: 351, stat: 'S', user: null, cpu: null });
    for (const p of procs) expect(ProcessSnapshotSchema.safeParse(p).success).toBe(true);
  });

  it('takes user, %CPU and %MEM from mps auxww, with the full command line of a migrated process (the live cluster)', () => {
    const procs = processesFromMps(rows(fixture('real/live/mps-auxww.stdout')), 1);
    expect(procs.find((p) => p.pid === 66)).toEqual({
      pid: 66, user: 'root', cpu: 82.5, mem: 0.1, node: 2, home: 1, migrated: true, stat: 'S', timeSeconds: 9,
      command: 'sh -c while :; do :; done', isBlender: false,
    });
    expect(procs.find((p) => p.pid === 65)).toMatchObject({ node: 1, migrated: false, cpu: 48.1 });
    expect(procs).toHaveLength(24);
  });

  it('shows a process whose node cannot be read (NODE -1) as unknown, not as a node number', () => {
    const procs = processesFromMps(rows(fixture('real/mps-ax-nowhere.txt')), 261);
    const xterm = procs.find((p) => p.pid === 1146);
    expect(xterm).toMatchObject({ node: null, migrated: false });
    expect(nodeLabel(xterm?.node ?? null)).toBe('N?');
    expect(procs.find((p) => p.pid === 1181)).toMatchObject({ node: 2780, migrated: true });
    for (const p of procs) expect(ProcessSnapshotSchema.safeParse(p).success).toBe(true);
  });
});
