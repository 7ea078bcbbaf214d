import { describe, expect, it } from 'vitest';
import { listWith } from '../../src/state/list.js';
import { listProcesses, type ProcessQuery } from '../../src/state/processQuery.js';
import { rowAt, selectedJobIndex, selectedNodeIndex, selectedProcessIndex } from '../../src/state/selectors.js';
import { initialUiState, type UiState } from '../../src/state/ui.js';
import { fakeJob, fakeSnapshot } from '../helpers/fakeBackend.js';

const ui = initialUiState({ readonly: false, intervalMs: 2000 });
const all: ProcessQuery = { sort: { key: 'cpu', descending: true }, filterText: '', blenderOnly: false, kernelThreads: false, groupBy: null };

describe('selected process', () => {
  it('follows the selected PID when the sort order changes', () => {
    const processes = fakeSnapshot().processes;
    const selected: UiState = { ...ui, processes: listWith(5000) };
    const byCpu = listProcesses(processes, all).rows;
    const byPid = listProcesses(processes, { ...all, sort: { key: 'pid', descending: false } }).rows;
    expect(rowAt(byCpu, selectedProcessIndex(byCpu, selected))).toMatchObject({ kind: 'process', process: { pid: 5000 } });
    expect(rowAt(byPid, selectedProcessIndex(byPid, selected))).toMatchObject({ kind: 'process', process: { pid: 5000 } });
  });

  it('stays near where it was when the selected process exits', () => {
    const order = listProcesses(fakeSnapshot().processes, all).rows;
    expect(selectedProcessIndex(order, { ...ui, processes: listWith(999, 2) })).toBe(2);
    expect(selectedProcessIndex(order, { ...ui, processes: listWith(999, 50) })).toBe(order.length - 1);
  });
});

describe('selected node and job', () => {
  it('a node is selected by id; the local node until one is chosen', () => {
    const snapshot = fakeSnapshot();
    expect(selectedNodeIndex(snapshot, ui)).toBe(0);
    expect(selectedNodeIndex(snapshot, { ...ui, nodes: listWith(266) })).toBe(3);
    const localLast = fakeSnapshot({ nodes: [...snapshot.nodes.slice(1), ...snapshot.nodes.slice(0, 1)] });
    expect(selectedNodeIndex(localLast, ui)).toBe(3);
  });

  it('a job is selected by id; the newest until one is chosen', () => {
    const jobs = [fakeJob({ id: 'r1' }), fakeJob({ id: 'r2' }), fakeJob({ id: 'r3' })];
    expect(selectedJobIndex(jobs, ui)).toBe(2);
    expect(selectedJobIndex(jobs, { ...ui, jobs: listWith('r1') })).toBe(0);
    expect(selectedJobIndex([], ui)).toBe(-1);
  });
});
