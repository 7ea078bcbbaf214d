import { describe, expect, it } from 'vitest';
import { effectiveBlenderOnly, listProcesses, type ProcessQuery } from '../../src/state/processQuery.js';
import { initialUiState } from '../../src/state/ui.js';
import type { ProcessSnapshot } from '../../src/model/snapshot.js';
import { groupKey } from '../../src/state/processRows.js';
import { fakeProcess, fakeSnapshot } from '../helpers/fakeBackend.js';

const pids = (processes: readonly ProcessSnapshot[], query: ProcessQuery): number[] => {
  const { rows } = listProcesses(processes, query);
  return rows.window(0, rows.length).map((row) => (row.kind === 'process' ? row.process.pid : groupKey(row.node)));
};

const ui = initialUiState({ readonly: false, intervalMs: 2000 });
const all: ProcessQuery = { sort: { key: 'cpu', descending: true }, filterText: '', blenderOnly: false, kernelThreads: false, groupBy: null };

describe('listProcesses', () => {
  it('sorts by the chosen column, ties by PID', () => {
    const processes = fakeSnapshot().processes;
    expect(pids(processes, all)).toEqual([4103, 4104, 4101, 4102, 5000, 1]);
    expect(pids(processes, { ...all, sort: { key: 'node', descending: false } }))
      .toEqual([1, 4101, 5000, 4102, 4103, 4104]);
  });

  it('filters blender-only and by text (command, user or exact PID)', () => {
    const processes = fakeSnapshot().processes;
    expect(pids(processes, { ...all, blenderOnly: true }).sort()).toEqual([4101, 4102, 4103, 4104]);
    expect(pids(processes, { ...all, filterText: 'SSHD' })).toEqual([5000]);
    expect(pids(processes, { ...all, filterText: 'user' })).toEqual([5000]);
    expect(pids(processes, { ...all, filterText: '4102' })).toEqual([4102]);
  });

  it('reuses the order for the same snapshot and query, recomputes for another query', () => {
    const processes = fakeSnapshot().processes;
    const first = listProcesses(processes, all);
    expect(listProcesses(processes, { ...all })).toBe(first);
    expect(listProcesses(processes, { ...all, filterText: 'x' })).not.toBe(first);
  });
});

describe('effectiveBlenderOnly', () => {
  it('is on automatically while a render runs, and follows an explicit toggle', () => {
    const withBlender = fakeSnapshot();
    const without = fakeSnapshot({ processes: [fakeProcess(1)] });
    expect(effectiveBlenderOnly(ui, withBlender, false)).toBe(true);
    expect(effectiveBlenderOnly(ui, without, false)).toBe(false);
    expect(effectiveBlenderOnly(ui, without, true)).toBe(true);
    expect(effectiveBlenderOnly({ ...ui, blenderFilter: 'off' }, withBlender, true)).toBe(false);
  });
});
