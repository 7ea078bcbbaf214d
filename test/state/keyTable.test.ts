import { describe, expect, it } from 'vitest';
import { KEYMAP, keyLabel, lookupKey, type KeyActionId } from '../../src/state/keyTable.js';
import { reduceUi } from '../../src/reducer/reduce.js';
import { initialUiState, PANES } from '../../src/state/ui.js';
import { fakeJob, fakeSnapshot } from '../helpers/fakeBackend.js';

describe('KEYMAP', () => {
  it('has no key bound twice in any pane (pane keys plus global keys)', () => {
    for (const pane of PANES) {
      const keys = KEYMAP.filter((b) => b.scope === pane || b.scope === 'global').flatMap((b) => b.keys);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i), pane).toEqual([]);
    }
  });

  it('gives every entry keys and a description', () => {
    for (const binding of KEYMAP) {
      expect(binding.keys.length, binding.action).toBeGreaterThan(0);
      expect(binding.description.length, binding.action).toBeGreaterThan(3);
    }
  });

  it('has a reducer case for every action: each one changes the state or emits an effect', () => {
    const ctx = { snapshot: fakeSnapshot(), jobs: [fakeJob({ id: 'r0' }), fakeJob()], pageSize: 5 };
    const ui = { ...initialUiState({ readonly: false, intervalMs: 2000 }), selectedPid: 4101 };
    for (const binding of KEYMAP) {
      const scoped = binding.scope === 'global' ? ui : { ...ui, focus: binding.scope };
      const start = binding.action === 'moveUp' || binding.action === 'pageUp' ? { ...scoped, selectedNode: 266, selectedPid: 1 } : scoped;
      const result = reduceUi(start, { type: 'key', id: binding.action }, ctx);
      expect(result.ui !== start || result.effects.length > 0, binding.action).toBe(true);
      expect(result.ui.status?.text ?? '', binding.action).not.toMatch(/^no handler/);
    }
  });

  it('marks the cluster-changing dangerous actions from the issue', () => {
    const dangerous = KEYMAP.filter((b) => b.dangerous).map((b) => b.action).sort();
    expect(dangerous).toEqual<KeyActionId[]>(['bring', 'cancelRender', 'expel', 'signal', 'toggleBlock']);
    for (const b of KEYMAP.filter((x) => x.dangerous)) expect(b.mutates).toBe(true);
  });

  it('binds the keys the issue asks for', () => {
    const expected: Array<[string, string, KeyActionId]> = [
      ['nodes', 'up', 'moveUp'], ['nodes', 'k', 'moveUp'], ['processes', 'j', 'moveDown'], ['nodes', 'pagedown', 'pageDown'],
      ['nodes', 'tab', 'nextPane'], ['nodes', '?', 'help'], ['nodes', 'f1', 'help'], ['nodes', 'q', 'quit'], ['nodes', 'f10', 'quit'],
      ['nodes', '+', 'intervalUp'], ['nodes', '-', 'intervalDown'], ['nodes', 'space', 'togglePause'],
      ['nodes', 'e', 'expel'], ['nodes', 'b', 'bring'], ['nodes', 's', 'toggleStay'], ['nodes', 'l', 'toggleLock'],
      ['nodes', 'S-b', 'toggleBlock'], ['nodes', 'S-q', 'toggleQuiet'], ['processes', 'm', 'migrate'], ['processes', 'h', 'sendHome'],
      ['processes', 'a', 'balance'], ['processes', 'k', 'signal'], ['processes', 'f9', 'signal'], ['render', 'r', 'openRenderForm'],
      ['render', 'c', 'cancelRender'], ['processes', '/', 'filterText'],
    ];
    for (const [pane, key, action] of expected) expect(lookupKey(pane as 'nodes', key)?.action, `${pane} ${key}`).toBe(action);
    expect(lookupKey('nodes', 'm')).toBeUndefined();
  });

  it('writes keys for people', () => {
    expect(['S-b', 'pagedown', 'f9', 'up', 'e', 'C-c'].map(keyLabel)).toEqual(['B', 'PgDn', 'F9', '↑', 'e', 'Ctrl-C']);
  });
});
