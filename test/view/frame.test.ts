import { describe, expect, it } from 'vitest';
import { initialUiState } from '../../src/state/ui.js';
import { listAt } from '../../src/state/list.js';
import { toFrameVm, type FrameInput } from '../../src/view/frame.js';
import { fakeJob, fakeSnapshot } from '../helpers/fakeBackend.js';

const input: FrameInput = {
  snapshot: fakeSnapshot(), loadHistory: () => [100, 120], jobs: [], ui: initialUiState({ readonly: false, intervalMs: 2000 }),
  notice: null, cols: 120, rows: 40,
};

describe('toFrameVm', () => {
  it('builds every pane of a wide screen', () => {
    const frame = toFrameVm(input);
    if (frame.kind !== 'panes') throw new Error('expected panes');
    expect(frame.nodes.lines).toHaveLength(4);
    expect(frame.history?.series.map((s) => s.title)).toEqual(['N261*', 'N262', 'N265', 'N266']);
    expect(frame.processes.title).toContain('blender only');
    expect(frame.status).toEqual({ text: 'ready · ? for help', kind: 'info' });
    expect(frame.dialog).toBeNull();
    expect(frame.alert).toBeNull();
  });

  it('folds the history into the node table on a narrow screen', () => {
    const frame = toFrameVm({ ...input, cols: 80, rows: 24 });
    if (frame.kind !== 'panes') throw new Error('expected panes');
    expect(frame.history).toBeNull();
    expect(frame.nodes.header).toContain('HISTORY');
  });

  it('highlights the processes of a running render and keeps blender-only on while it runs', () => {
    const frame = toFrameVm({ ...input, jobs: [fakeJob()], snapshot: fakeSnapshot({ processes: fakeSnapshot().processes.map((p) => ({ ...p, isBlender: false })) }) });
    if (frame.kind !== 'panes') throw new Error('expected panes');
    expect(frame.processes.title).toContain('blender only');
    const all = toFrameVm({ ...input, jobs: [fakeJob()], ui: { ...input.ui, blenderFilter: 'off' } });
    if (all.kind !== 'panes') throw new Error('expected panes');
    expect(all.processes.lines.filter((l) => l.tone === 'render').map((l) => l.text.trim().split(' ')[0]).sort()).toEqual(['4101', '4102', '4103']);
  });

  it('shows the filter prompt on the status line and dialogs over the panes', () => {
    const frame = toFrameVm({ ...input, ui: { ...input.ui, filterText: 'blend', overlay: { kind: 'filter', text: 'blend', before: '' } } });
    if (frame.kind !== 'panes') throw new Error('expected panes');
    expect(frame.status.text).toMatch(/^Filter: blend_ {2}\d+ of \d+ match · Enter keeps · Esc undoes$/);
    const help = toFrameVm({ ...input, ui: { ...input.ui, overlay: { kind: 'help', scroll: listAt() } } });
    if (help.kind !== 'panes') throw new Error('expected panes');
    expect(help.dialog?.title).toMatch(/^Keys/);
  });

  it('says which size it needs when the terminal is too small', () => {
    expect(toFrameVm({ ...input, cols: 40, rows: 10 })).toEqual({ kind: 'tooSmall', message: 'omtop needs at least 60×16\nthis terminal is 40×10\nenlarge it, or press q to quit' });
  });
});
