import { describe, expect, it } from 'vitest';
import { listWith } from '../../src/state/list.js';
import { initialUiState } from '../../src/state/ui.js';
import { nodeState } from '../../src/model/snapshot.js';
import { flagLetters, toNodeTableVm } from '../../src/view/nodeTable.js';
import { fakeNode, fakeProcess, fakeSnapshot } from '../helpers/fakeBackend.js';

const ui = initialUiState({ readonly: false, intervalMs: 2000 });
const noHistory = () => [];

describe('toNodeTableVm', () => {
  it('scales the history column over a large cluster without overflowing the argument list', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => fakeNode(i + 1, { isLocal: i === 0 }));
    const history = (id: number) => Array.from({ length: 120 }, (_, t) => (id === 4242 && t === 7 ? 900 : 50));
    const vm = toNodeTableVm(fakeSnapshot({ nodes, localNode: 1 }), ui, { cols: 120, rows: 10 }, history, true);
    expect(vm.header).toContain('HISTORY');
    expect(vm.lines.length).toBeGreaterThan(0);
  });

  it('has one row per node with id, IP, state, load, speed, memory, flags; the local node is starred', () => {
    const vm = toNodeTableVm(fakeSnapshot(), ui, { cols: 100, rows: 10 }, noHistory, false);
    expect(vm.header).toMatch(/N#\s+IP\s+STATE\s+LOAD.*SPEED FREE\/TOTAL\s+USED\s+UTIL OURS FLAG/);
    expect(vm.lines).toHaveLength(4);
    expect(vm.lines[0]?.text).toMatch(/^\s*\*261 192\.168\.1\.5\s+up\s+143 \S+\s+8240 256M\/512M/);
    expect(vm.lines[0]?.text).toMatch(/S··· *$/);
    expect(vm.lines[2]?.text).toMatch(/^\s+265 .* up .*26842 1\.5G\/2\.0G/);
    expect(vm.lines[0]?.tone).toBe('local');
  });

  it('counts our processes per node (home = local node)', () => {
    const snapshot = fakeSnapshot({ processes: [fakeProcess(1, { node: 265 }), fakeProcess(2, { node: 265 }), fakeProcess(3, { node: 265, home: 262 })] });
    const vm = toNodeTableVm(snapshot, ui, { cols: 100, rows: 10 }, noHistory, false);
    const row265 = vm.lines.find((l) => l.text.includes('265'));
    expect(row265?.text).toMatch(/ 2 ····$/);
  });

  it('shows down and stale nodes in words and hides the values of a down node', () => {
    const snapshot = fakeSnapshot({ nodes: [fakeNode(261, { isLocal: true }), fakeNode(262, { up: false, load: null }), fakeNode(265, { stale: true })] });
    const vm = toNodeTableVm(snapshot, ui, { cols: 100, rows: 10 }, noHistory, false);
    expect(vm.lines[1]?.text).toMatch(/262 \S+\s+down\s+-/);
    expect(vm.lines[1]?.tone).toBe('down');
    expect(vm.lines[2]?.text).toContain('stale');
    expect(nodeState(fakeNode(1, { up: false, stale: true }))).toBe('down');
  });

  it('drops low-priority columns on a narrow pane instead of wrapping', () => {
    const vm = toNodeTableVm(fakeSnapshot(), ui, { cols: 40, rows: 10 }, noHistory, false);
    for (const line of vm.lines) expect(line.text.length).toBeLessThanOrEqual(40);
    expect(vm.header).not.toContain('IP');
    expect(vm.lines[3]?.text).toContain('26842');
  });

  it('adds a load-history sparkline column when there is no history pane', () => {
    const history = (id: number) => (id === 265 ? [0, 100, 200] : [100]);
    const vm = toNodeTableVm(fakeSnapshot(), ui, { cols: 110, rows: 10 }, history, true);
    expect(vm.header).toContain('HISTORY');
    expect(vm.lines[2]?.text).toMatch(/ ▁▅█$/); // shared scale: 0-200
    expect(vm.lines[0]?.text).toMatch(/ ▅$/);
  });

  it('selects by node id and falls back to the local node', () => {
    const snapshot = fakeSnapshot();
    expect(toNodeTableVm(snapshot, ui, { cols: 100, rows: 10 }, noHistory, false).lines.findIndex((l) => l.selected)).toBe(0);
    const picked = toNodeTableVm(snapshot, { ...ui, nodes: listWith(266) }, { cols: 100, rows: 10 }, noHistory, false);
    expect(picked.lines.findIndex((l) => l.selected)).toBe(3);
  });

  it('flag letters', () => {
    expect(flagLetters(fakeNode(1, { flags: { stay: true, lstay: true, block: true, quiet: true } }))).toBe('SLBQ');
    expect(flagLetters(fakeNode(1, { flags: { block: true } }))).toBe('··B·');
  });
});

describe('toNodeTableVm on a map read over several ticks', () => {
  const pendingNode = (id: number) => fakeNode(id, { up: false, pending: true, load: null, speed: null, memFreeBytes: null, memTotalBytes: null, util: null, cpus: null });

  it('shows a node not read yet as pending, dimmed, with no values (not up, not down)', () => {
    const snapshot = fakeSnapshot({ nodes: [fakeNode(261, { isLocal: true }), pendingNode(262)] });
    const vm = toNodeTableVm(snapshot, ui, { cols: 100, rows: 10 }, noHistory, false);
    expect(vm.lines[1]?.text).toMatch(/262 \S+\s+pending\s+-/);
    expect(vm.lines[1]?.text).not.toMatch(/\bdown\b|\bup\b/);
    expect(vm.lines[1]?.tone).toBe('dim');
    expect(nodeState(pendingNode(262))).toBe('pending');
  });

  it('shows how old a node\'s values are when it missed a refresh, and no age column when none did', () => {
    const takenAt = fakeSnapshot().takenAt;
    const fresh = fakeSnapshot({ nodes: [fakeNode(261, { isLocal: true, readAt: takenAt }), fakeNode(262, { readAt: takenAt - 2000 })] });
    expect(toNodeTableVm(fresh, ui, { cols: 100, rows: 10 }, noHistory, false).header).not.toContain('AGE');
    const old = fakeSnapshot({ nodes: [fakeNode(261, { isLocal: true, readAt: takenAt }), fakeNode(262, { readAt: takenAt - 12_000 }), fakeNode(263, { readAt: takenAt - 95_000 })] });
    const vm = toNodeTableVm(old, ui, { cols: 100, rows: 10 }, noHistory, false);
    expect(vm.header).toMatch(/STATE\s+AGE/);
    // Read on this tick: the age cell is blank and the load follows.
    expect(vm.lines[0]?.text).toMatch(/261 \S+\s+up\s+100 /);
    expect(vm.lines[1]?.text).toMatch(/262 \S+\s+up\s+12s /);
    expect(vm.lines[2]?.text).toMatch(/263 \S+\s+up\s+1m35s /);
  });
});
