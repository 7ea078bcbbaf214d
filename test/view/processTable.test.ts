import { describe, expect, it } from 'vitest';
import { initialUiState, type UiState } from '../../src/state/ui.js';
import { effectiveBlenderOnly, orderProcesses, processAt, selectedProcessIndex, toProcessTableVm, type ProcessView } from '../../src/view/processTable.js';
import type { ProcessSnapshot } from '../../src/model/snapshot.js';

const pids = (processes: readonly ProcessSnapshot[], view: ProcessView): number[] => {
  const order = orderProcesses(processes, view);
  return order.window(0, order.length).map((p) => p.pid);
};
import { fakeProcess, fakeSnapshot } from '../helpers/fakeBackend.js';

const ui = initialUiState({ readonly: false, intervalMs: 2000 });
const all: ProcessView = { sort: { key: 'cpu', descending: true }, filterText: '', blenderOnly: false };

describe('orderProcesses', () => {
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

  it('reuses the order for the same snapshot and view, recomputes for another view', () => {
    const processes = fakeSnapshot().processes;
    const first = orderProcesses(processes, all);
    expect(orderProcesses(processes, { ...all })).toBe(first);
    expect(orderProcesses(processes, { ...all, filterText: 'x' })).not.toBe(first);
  });
});

describe('selection', () => {
  it('follows the selected PID when the sort order changes', () => {
    const processes = fakeSnapshot().processes;
    const selected: UiState = { ...ui, selectedPid: 5000 };
    const byCpu = orderProcesses(processes, all);
    const byPid = orderProcesses(processes, { ...all, sort: { key: 'pid', descending: false } });
    expect(processAt(byCpu, selectedProcessIndex(byCpu, selected))?.pid).toBe(5000);
    expect(processAt(byPid, selectedProcessIndex(byPid, selected))?.pid).toBe(5000);
  });

  it('stays near where it was when the selected process exits', () => {
    const order = orderProcesses(fakeSnapshot().processes, all);
    expect(selectedProcessIndex(order, { ...ui, selectedPid: 999, processIndexHint: 2 })).toBe(2);
    expect(selectedProcessIndex(order, { ...ui, selectedPid: 999, processIndexHint: 50 })).toBe(order.length - 1);
  });
});

describe('toProcessTableVm', () => {
  it('shows PID, user, node, state, %CPU, %MEM, time and command; migrated and render rows are marked', () => {
    const vm = toProcessTableVm(fakeSnapshot(), ui, { cols: 80, rows: 10 }, all, new Set([4101]));
    expect(vm.header).toMatch(/^\s+PID USER\s+NODE S\s+%CPU\s+%MEM\s+TIME COMMAND/);
    expect(vm.lines[0]?.text).toMatch(/^\s+4103 root\s+N265 R\s+99\.0\s+1\.0\s+01:00 \(blender\)/);
    expect(vm.lines[0]?.tone).toBe('migrated');
    expect(vm.lines.find((l) => l.text.includes('4101'))?.tone).toBe('render');
    expect(vm.lines.find((l) => l.text.includes('sshd'))?.tone).toBe('normal');
    expect(vm.title).toBe('Processes 6/6 · sort %CPU ▼');
  });

  it('formats only the visible rows of 10,000 processes', () => {
    const processes = Array.from({ length: 10_000 }, (_, i) => fakeProcess(i + 2, { cpu: i % 100 }));
    const vm = toProcessTableVm(fakeSnapshot({ processes }), { ...ui, selectedPid: 5000 }, { cols: 80, rows: 21 }, all, new Set());
    expect(vm.lines).toHaveLength(20);
    expect(vm.lines.filter((l) => l.selected)).toHaveLength(1);
    expect(vm.lines.find((l) => l.selected)?.text).toMatch(/^\s+5000 /);
    expect(vm.title).toContain('10000/10000');
  });

  it('says why the list is empty when filters hide everything', () => {
    const vm = toProcessTableVm(fakeSnapshot(), ui, { cols: 80, rows: 10 }, { ...all, filterText: 'nothing-like-this' }, new Set());
    expect(vm.lines[0]?.text).toContain('no process matches');
    expect(vm.title).toContain('filter "nothing-like-this"');
  });

  it('blender-only is on automatically while a render runs, and follows an explicit toggle', () => {
    const withBlender = fakeSnapshot();
    const without = fakeSnapshot({ processes: [fakeProcess(1)] });
    expect(effectiveBlenderOnly(ui, withBlender, false)).toBe(true);
    expect(effectiveBlenderOnly(ui, without, false)).toBe(false);
    expect(effectiveBlenderOnly(ui, without, true)).toBe(true);
    expect(effectiveBlenderOnly({ ...ui, blenderFilter: 'off' }, withBlender, true)).toBe(false);
  });
});
