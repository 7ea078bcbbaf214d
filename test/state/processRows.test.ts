import { describe, expect, it } from 'vitest';
import { listProcesses, type ProcessQuery } from '../../src/state/processQuery.js';
import { groupKey, type PaneRow } from '../../src/state/processRows.js';
import { fakeProcess } from '../helpers/fakeBackend.js';

const name = (row: PaneRow): string => (row.kind === 'group' ? `N${row.node}` : String(row.process.pid));
const query = (groupBy: readonly number[] | null): ProcessQuery =>
  ({ sort: { key: 'cpu', descending: true }, filterText: '', blenderOnly: false, kernelThreads: false, groupBy });

describe('grouped rows', () => {
  const processes = [
    fakeProcess(1, { node: 261, cpu: 1 }), fakeProcess(2, { node: 266, cpu: 50, command: 'blender -b x' }), fakeProcess(3, { node: 261, cpu: 30 }),
    fakeProcess(4, { node: 407, cpu: 5 }), fakeProcess(5, { node: 266, cpu: 60, mem: null }), fakeProcess(6, { node: 999, cpu: 2 }),
  ];

  it('puts each node\'s total row before its processes, nodes in the node pane\'s order, unknown nodes last', () => {
    const { rows } = listProcesses(processes, query([261, 407, 266]));
    expect(rows.window(0, rows.length).map(name)).toEqual(['N261', '3', '1', 'N407', '4', 'N266', '5', '2', 'N999', '6']);
    expect(rows.length).toBe(10);
    expect(rows.processCount).toBe(6);
    expect(rows.groups?.find((g) => g.node === 266)).toEqual({ kind: 'group', node: 266, count: 2, blender: 1, cpu: 110, mem: 1 });
  });

  it('any window, key and position agree with the whole list', () => {
    const { rows } = listProcesses(processes, query([261, 407, 266]));
    const all = rows.window(0, rows.length).map(name);
    for (let start = 0; start <= rows.length; start++) {
      for (let end = start; end <= rows.length + 2; end++) expect(rows.window(start, end).map(name), `${start}-${end}`).toEqual(all.slice(start, end));
    }
    all.forEach((label, i) => {
      const key = label.startsWith('N') ? groupKey(Number(label.slice(1))) : Number(label);
      expect(rows.indexOfKey(key), label).toBe(i);
      expect(rows.keyAt(i), label).toBe(key);
    });
    expect(rows.indexOfKey(77)).toBe(-1);
    expect(rows.indexOfKey(groupKey(300))).toBe(-1);
  });

  it('puts processes whose node the tools could not read (mps NODE -1) in one N? group after every other', () => {
    const withUnknown = [...processes, fakeProcess(8, { node: null, cpu: 9 }), fakeProcess(9, { node: null, cpu: 3 })];
    const { rows } = listProcesses(withUnknown, query([261, 407, 266]));
    expect(rows.window(0, rows.length).map(name)).toEqual(['N261', '3', '1', 'N407', '4', 'N266', '5', '2', 'N999', '6', 'Nnull', '8', '9']);
    expect(rows.indexOfKey(groupKey(null))).toBe(10);
    expect(rows.keyAt(10)).toBe(groupKey(null));
    expect(rows.groups?.at(-1)).toMatchObject({ node: null, count: 2 });
  });

  it('is one flat list when not grouped, where no node row can be found', () => {
    const { rows } = listProcesses(processes, query(null));
    expect(rows.window(0, rows.length).map(name)).toEqual(['5', '2', '3', '4', '6', '1']);
    expect(rows.groups).toBeNull();
    expect(rows.indexOfKey(groupKey(261))).toBe(-1);
  });

  it('hides kernel threads unless asked, and counts them', () => {
    const withThreads = [...processes, fakeProcess(7, { command: '[kthreadd]', kernelThread: true })];
    expect(listProcesses(withThreads, query(null))).toMatchObject({ kernelThreadsHidden: 1, rows: { processCount: 6 } });
    expect(listProcesses(withThreads, { ...query(null), kernelThreads: true })).toMatchObject({ kernelThreadsHidden: 0, rows: { processCount: 7 } });
  });
});
