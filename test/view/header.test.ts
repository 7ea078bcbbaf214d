import { describe, expect, it } from 'vitest';
import { initialUiState } from '../../src/state/ui.js';
import { describeProblems, toHeaderVm } from '../../src/view/header.js';
import { formatClock } from '../../src/text/format.js';
import { fakeNode, fakeSnapshot } from '../helpers/fakeBackend.js';

const ui = initialUiState({ readonly: false, intervalMs: 2000 });

describe('toHeaderVm', () => {
  it('names the backend, local node, totals, interval and update time', () => {
    const snapshot = fakeSnapshot();
    const vm = toHeaderVm(snapshot, ui, null);
    expect(vm.text).toBe(`omtop · demo backend · local N261 · 4/4 nodes up · load 638 · mem 3.2G free of 5.0G · 6 procs, 3 migrated · every 2s · updated ${formatClock(snapshot.takenAt)}`);
    expect(vm.alert).toBeNull();
  });

  it('says paused and read-only', () => {
    expect(toHeaderVm(null, { ...ui, paused: true, readonly: true, intervalMs: 500 }, null).text).toBe('omtop · READ-ONLY · PAUSED · every 0.5s · waiting for data');
  });

  it('counts refreshes skipped because the one before was still running', () => {
    expect(toHeaderVm(null, ui, null, Infinity, 0).text).not.toContain('skipped');
    expect(toHeaderVm(null, ui, null, Infinity, 1).text).toContain('1 slow refresh skipped');
    expect(toHeaderVm(null, ui, null, Infinity, 3).text).toContain('3 slow refreshes skipped');
  });

  it('leaves out the least important totals to fit a narrow terminal', () => {
    const snapshot = fakeSnapshot();
    const narrow = toHeaderVm(snapshot, { ...ui, readonly: true }, null, 80).text;
    expect(narrow.length).toBeLessThanOrEqual(80);
    expect(narrow).toMatch(/^omtop · READ-ONLY · demo backend · local N261 · 4\/4 nodes up/);
    expect(narrow).toContain(`updated ${formatClock(snapshot.takenAt)}`);
    expect(narrow).not.toContain('procs');
  });

  it('puts stale nodes, failed sources and the fallback notice in plain words on the alert line', () => {
    const snapshot = fakeSnapshot({
      nodes: [fakeNode(261, { isLocal: true }), fakeNode(262, { stale: true, error: 'timed out after 2s' })],
      errors: [{ source: 'mps', message: 'command not found' }],
    });
    const vm = toHeaderVm(snapshot, ui, 'no openMosix here (no /proc/hpc): showing an emulated cluster');
    expect(vm.alert).toBe('no openMosix here (no /proc/hpc): showing an emulated cluster · node 262 did not answer, showing older values (timed out after 2s) · mps failed: command not found');
    expect(describeProblems(fakeSnapshot())).toEqual([]);
  });
});
