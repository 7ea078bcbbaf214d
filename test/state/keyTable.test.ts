import { describe, expect, it } from 'vitest';
import { reduceUi } from '../../src/reducer/reduce.js';
import { KEYMAP, lookupKey, policyOf, type KeyId } from '../../src/state/keyTable.js';
import { listWith } from '../../src/state/list.js';
import { initialUiState, PANES } from '../../src/state/ui.js';
import { keyLabel } from '../../src/view/keyLabels.js';
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
      expect(binding.keys.length, binding.id).toBeGreaterThan(0);
      expect(binding.description.length, binding.id).toBeGreaterThan(3);
    }
  });

  it('has a reducer case for every command: each one changes the state or emits an effect', () => {
    const ctx = { snapshot: fakeSnapshot(), jobs: [fakeJob({ id: 'r0' }), fakeJob()], shown: { rows: 5, total: 6 } };
    // Slurm's own commands, on a Slurm cluster with one pending job to act on.
    const job = { id: '12', name: 'render', user: 'alice', state: 'PENDING', reason: 'Resources', partition: 'debug', nodes: [], nodeIds: [],
      cpus: 1, elapsedSeconds: 0, timeLimitMinutes: null, isRender: false };
    const slurm = { ...ctx, snapshot: fakeSnapshot({ backend: 'slurm', jobs: [job] }) };
    const ui = { ...initialUiState({ readonly: false, intervalMs: 2000 }), processes: listWith(4101) };
    for (const binding of KEYMAP) {
      const scoped = binding.scope === 'global' ? ui : { ...ui, focus: binding.scope };
      const start = binding.id === 'moveUp' || binding.id === 'pageUp' ? { ...scoped, nodes: listWith(266), processes: listWith(1) } : scoped;
      // R works on a render that has ended with frames missing.
      const ended = fakeJob({ state: 'failed', resume: { request: { blendFile: 'b.blend', start: 1, end: 40, parts: 4 }, command: 'omtop render …' } });
      const context = binding.slurmOnly === true ? slurm : binding.id === 'renderMissing' ? { ...ctx, jobs: [ended] } : ctx;
      const result = reduceUi(start, { type: 'key', id: binding.id }, context);
      expect(result.ui !== start || result.effects.length > 0, binding.id).toBe(true);
      expect(result.ui.status?.kind ?? 'info', binding.id).not.toBe('error');
    }
  });

  it('marks the cluster-changing commands that ask first, as the issue lists them', () => {
    const asking = [...new Set(KEYMAP.filter((b) => b.policy.confirm).map((b) => b.id))].sort();
    expect(asking).toEqual<KeyId[]>(['bring', 'cancelRender', 'expel', 'jobCancel', 'jobHold', 'jobRequeue', 'signal', 'toggleBlock']);
    for (const b of KEYMAP.filter((x) => x.policy.confirm)) expect(b.policy.mutates).toBe(true);
  });

  it('gives every binding of one command the same policy, and a pane command only keys in that pane', () => {
    for (const binding of KEYMAP) {
      expect(binding.policy, binding.id).toBe(policyOf(binding.id));
      if (binding.policy.pane !== null) expect(binding.scope, binding.id).toBe(binding.policy.pane);
    }
  });

  it('binds the keys the issue asks for', () => {
    const expected: Array<[string, string, KeyId]> = [
      ['nodes', 'up', 'moveUp'], ['nodes', 'k', 'moveUp'], ['processes', 'j', 'moveDown'], ['nodes', 'pagedown', 'pageDown'],
      ['nodes', 'tab', 'nextPane'], ['nodes', '?', 'help'], ['nodes', 'f1', 'help'], ['nodes', 'q', 'quit'], ['nodes', 'f10', 'quit'],
      ['nodes', '+', 'intervalUp'], ['nodes', '-', 'intervalDown'], ['nodes', 'space', 'togglePause'],
      ['nodes', 'e', 'expel'], ['nodes', 'b', 'bring'], ['nodes', 's', 'toggleStay'], ['nodes', 'l', 'toggleLock'],
      ['nodes', 'S-b', 'toggleBlock'], ['nodes', 'S-q', 'toggleQuiet'], ['processes', 'm', 'migrate'], ['processes', 'h', 'sendHome'],
      ['processes', 'a', 'balance'], ['processes', 'k', 'signal'], ['processes', 'f9', 'signal'], ['render', 'r', 'openRenderForm'],
      ['render', 'c', 'cancelRender'], ['processes', '/', 'filterText'],
    ];
    for (const [pane, key, id] of expected) expect(lookupKey(pane as 'nodes', key)?.id, `${pane} ${key}`).toBe(id);
    expect(lookupKey('nodes', 'm')).toBeUndefined();
  });

  it('writes keys for people', () => {
    expect(['S-b', 'pagedown', 'f9', 'up', 'e', 'C-c'].map(keyLabel)).toEqual(['B', 'PgDn', 'F9', '↑', 'e', 'Ctrl-C']);
  });
});
