import { describe, expect, it } from 'vitest';
import { listWith } from '../../src/state/list.js';
import type { ProcessQuery } from '../../src/state/processQuery.js';
import { initialUiState } from '../../src/state/ui.js';
import { toProcessTableVm } from '../../src/view/processTable.js';
import { fakeProcess, fakeSnapshot } from '../helpers/fakeBackend.js';

const ui = initialUiState({ readonly: false, intervalMs: 2000 });
const all: ProcessQuery = { sort: { key: 'cpu', descending: true }, filterText: '', blenderOnly: false, kernelThreads: false, groupBy: null };

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
    const vm = toProcessTableVm(fakeSnapshot({ processes }), { ...ui, processes: listWith(5000) }, { cols: 80, rows: 21 }, all, new Set());
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
});
