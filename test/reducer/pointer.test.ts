import { describe, expect, it } from 'vitest';
import { reduceUi, type ReduceContext } from '../../src/reducer/reduce.js';
import { initialUiState } from '../../src/state/ui.js';
import { fakeSnapshot } from '../helpers/fakeBackend.js';

const ctx: ReduceContext = { snapshot: fakeSnapshot(), jobs: [], shown: { rows: 3, total: 4 } };
const base = { ...initialUiState({ readonly: false, intervalMs: 2000 }), blenderFilter: 'off' as const };

describe('reduceUi: the mouse', () => {
  it('a click focuses the pane and selects the row; on no row it only focuses', () => {
    // By %CPU: 4103, 4104, 4101, 4102, 5000, 1.
    const clicked = reduceUi(base, { type: 'pointAt', pane: 'processes', row: 3 }, ctx).ui;
    expect(clicked.focus).toBe('processes');
    expect(clicked.processes.key).toBe(4102);
    const node = reduceUi(clicked, { type: 'pointAt', pane: 'nodes', row: 2 }, ctx).ui;
    expect(node.focus).toBe('nodes');
    expect(node.nodes.key).toBe(265);
    const header = reduceUi(node, { type: 'pointAt', pane: 'processes', row: null }, ctx).ui;
    expect(header.focus).toBe('processes');
    expect(header.processes.key).toBe(4102);
  });

  it('the wheel moves the selection in the pane under it, or scrolls an open dialog', () => {
    const down = reduceUi(base, { type: 'wheel', pane: 'processes', delta: 3 }, ctx).ui;
    expect(down.focus).toBe('processes');
    expect(down.processes.key).toBe(4102);
    const help = reduceUi(base, { type: 'key', id: 'help' }, ctx).ui;
    const scrolled = reduceUi(help, { type: 'wheel', pane: null, delta: 3 }, { ...ctx, shown: { rows: 5, total: 40 } }).ui;
    expect(scrolled.overlay).toMatchObject({ kind: 'help', scroll: { index: 3 } });
    expect(scrolled.focus).toBe(base.focus);
  });

  it('a click under a dialog or the detail view does nothing', () => {
    const help = reduceUi(base, { type: 'key', id: 'help' }, ctx).ui;
    expect(reduceUi(help, { type: 'pointAt', pane: 'processes', row: 2 }, ctx).ui).toBe(help);
    const detail = { ...base, focus: 'processes' as const, detail: { pid: 4103 } };
    expect(reduceUi(detail, { type: 'pointAt', pane: 'nodes', row: 2 }, ctx).ui).toBe(detail);
  });
});
