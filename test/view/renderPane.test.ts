import { describe, expect, it } from 'vitest';
import { initialUiState } from '../../src/state/ui.js';
import { nodeOfPid, renderPids, toRenderPaneVm } from '../../src/view/renderPane.js';
import { fakeJob as job, fakePart, fakeSnapshot } from '../helpers/fakeBackend.js';

const ui = initialUiState({ readonly: false, intervalMs: 2000 });

describe('toRenderPaneVm', () => {
  it('invites to press r when there is no job', () => {
    expect(toRenderPaneVm([], null, ui, { cols: 50, rows: 8 }).lines[0]?.text).toContain('Press r');
  });

  it('shows the job, its progress, ETA, last saved frame and each part with the node its PID runs on now', () => {
    const vm = toRenderPaneVm([job()], fakeSnapshot(), ui, { cols: 56, rows: 12 });
    const text = vm.lines.map((l) => l.text);
    expect(text[0]).toMatch(/^1\. blacksmith\.blend running 16\/40 40% ETA 1m35s/);
    expect(text[1]).toMatch(/^█+[▏▎▍▌▋▊▉]?·+ 16\/40 40%$/);
    expect(text[2]).toMatch(/^ETA 1m35s · last saved frame_0016\.jpg/);
    expect(text[3]).toMatch(/PART FRAMES\s+CUR NODE\s+DONE\s+S\/FR STATE/);
    expect(text[4]).toMatch(/^\s+1 1-10\s+5 N261\s+4\/10\s+2\.5 rendering/);
    expect(text[6]).toMatch(/^\s+3 21-30\s+25 N265 /);
    expect(text[7]).toMatch(/^\s+4 31-40\s+- -\s+4\/10 .* waiting/);
    expect(vm.lines[0]?.selected).toBe(true);
  });

  it('a Slurm render\'s tasks show the node Slurm put them on (no PID to look up)', () => {
    const slurmJob = job({ parts: [
      fakePart(1, { pid: null, node: 'n3', taskId: '15_1', state: 'rendering' }),
      fakePart(2, { pid: null, node: null, taskId: '15_2', state: 'pending', currentFrame: null }),
    ] });
    const text = toRenderPaneVm([slurmJob], null, ui, { cols: 56, rows: 12 }).lines.map((l) => l.text);
    expect(text[4]).toMatch(/^\s+1 1-10\s+5 n3\s+4\/10\s+2\.5 rendering/);
    expect(text[5]).toMatch(/^\s+2 11-20\s+- -\s+4\/10 .* waiting/);
  });

  it('cuts the parts table first when the pane is short', () => {
    const vm = toRenderPaneVm([job()], fakeSnapshot(), ui, { cols: 56, rows: 3 });
    expect(vm.lines.map((l) => l.text.slice(0, 3))).toEqual(['1. ', '███', 'ETA']);
  });

  it('collects the PIDs of all parts for highlighting, and looks a PID up in the snapshot', () => {
    expect([...renderPids([job()])].sort()).toEqual([4101, 4102, 4103]);
    expect(nodeOfPid(fakeSnapshot(), 4104)).toBe('N266');
    expect(nodeOfPid(fakeSnapshot(), 12345)).toBe('-');
  });
});
