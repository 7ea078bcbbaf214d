import { describe, expect, it } from 'vitest';
import { EMPTY_RENDER_FORM } from '../../src/reducer/renderForm.js';
import { reduceUi, type ReduceContext } from '../../src/reducer/reduce.js';
import type { UiEvent } from '../../src/reducer/events.js';
import type { KeyId } from '../../src/state/keyTable.js';
import { listWith } from '../../src/state/list.js';
import { initialUiState, type UiState } from '../../src/state/ui.js';
import { fakeJob, fakeSnapshot } from '../helpers/fakeBackend.js';

const ctx: ReduceContext = { snapshot: fakeSnapshot(), jobs: [], shown: { rows: 3, total: 4 } };
const base = initialUiState({ readonly: false, intervalMs: 2000 });
const key = (id: KeyId): UiEvent => ({ type: 'key', id });

/** Applies events in turn; returns the final state and every effect emitted on the way. */
function play(ui: UiState, events: UiEvent[], context: ReduceContext = ctx) {
  const effects = [];
  let state = ui;
  for (const event of events) {
    const r = reduceUi(state, event, context);
    state = r.ui;
    effects.push(...r.effects);
  }
  return { ui: state, effects };
}

describe('reduceUi: node commands that ask first', () => {
  it('expel asks first, then performs and shows "running…"', () => {
    const asked = play(base, [key('expel')]);
    expect(asked.effects).toEqual([]);
    expect(asked.ui.overlay).toMatchObject({ kind: 'confirm', question: 'Expel every guest process from node 261 (this node)?' });
    const done = play(asked.ui, [{ type: 'confirmYes' }]);
    expect(done.effects).toEqual([{ kind: 'perform', command: { type: 'expel' }, label: 'expel from 261' }]);
    expect(done.ui.overlay).toBeNull();
    expect(done.ui.status).toEqual({ text: 'expel from 261: running…', kind: 'running' });
  });

  it('saying no does nothing and says so', () => {
    const r = play(base, [key('bring'), { type: 'dismiss' }]);
    expect(r.effects).toEqual([]);
    expect(r.ui.status?.text).toBe('cancelled, nothing was done');
  });

  it('read-only refuses and says why', () => {
    const r = play({ ...base, readonly: true }, [key('expel'), key('toggleStay'), key('openRenderForm')]);
    expect(r.effects).toEqual([]);
    expect(r.ui.overlay).toBeNull();
    expect(r.ui.status).toEqual({ text: 'read-only mode: "start a split render (form)" is disabled (omtop was started with --readonly)', kind: 'error' });
  });

  it('flag toggles flip the local node\'s current flag; block asks first', () => {
    expect(play(base, [key('toggleStay')]).effects).toEqual([{ kind: 'perform', command: { type: 'setFlag', flag: 'stay', on: false }, label: 'node 261: stay off' }]);
    expect(play(base, [key('toggleQuiet')]).effects[0]).toMatchObject({ command: { type: 'setFlag', flag: 'quiet', on: true } });
    const block = play(base, [key('toggleBlock')]);
    expect(block.effects).toEqual([]);
    expect(play(block.ui, [{ type: 'confirmYes' }]).effects[0]).toMatchObject({ command: { type: 'setFlag', flag: 'block', on: true } });
  });

  it('with another node selected, every node key asks first and says only the local node changes', () => {
    const on266 = { ...base, nodes: listWith(266) };
    for (const id of ['toggleStay', 'toggleQuiet', 'expel'] as const) {
      const asked = play(on266, [key(id)]);
      expect(asked.effects, id).toEqual([]);
      expect(asked.ui.overlay, id).toMatchObject({ kind: 'confirm', question: expect.stringMatching(/^N266 is selected, but mosctl changes only this node \(261\)\. /) });
      expect(play(asked.ui, [{ type: 'confirmYes' }]).effects[0], id).toMatchObject({ kind: 'perform' });
    }
    expect(play(on266, [key('toggleStay')]).ui.overlay).toMatchObject({ question: expect.stringContaining('Turn stay off for node 261 (this node)?') });
  });

  it('a key the backend cannot run is refused in one sentence, before anything else is checked', () => {
    const local = { ...ctx, snapshot: fakeSnapshot({ backend: 'local' }) };
    const r = play({ ...base, readonly: true }, [key('toggleStay')], local);
    expect(r.effects).toEqual([]);
    expect(r.ui.status).toEqual({ text: '"stay on/off: no automatic migration away" needs openMosix (mosctl); the local backend cannot run it', kind: 'error' });
    const signal = play({ ...base, focus: 'processes', processes: listWith(4101) }, [key('signal')], local);
    expect(signal.ui.overlay).toMatchObject({ kind: 'picker', purpose: 'signal' });
  });
});

describe('reduceUi: the key table decides', () => {
  it('a pane\'s command is refused in another pane, whoever sends it', () => {
    const r = play(base, [key('sendHome')]);
    expect(r.effects).toEqual([]);
    expect(r.ui.status).toEqual({ text: '"send the process home" works in the Processes pane (Tab moves there)', kind: 'error' });
  });

  it('a command that does not ask first runs at once; one that asks opens a confirmation', () => {
    const onProcesses = { ...base, focus: 'processes' as const, processes: listWith(4103) };
    expect(play(onProcesses, [key('balance')]).ui.overlay).toBeNull();
    expect(play(base, [key('toggleBlock')]).ui.overlay).toMatchObject({ kind: 'confirm' });
  });
});

describe('reduceUi: process commands', () => {
  const onProcesses = { ...base, focus: 'processes' as const, processes: listWith(4103) };

  it('m opens a node list without the current node and migrates to the one chosen', () => {
    const picker = play(onProcesses, [key('migrate')]);
    expect(picker.ui.overlay).toMatchObject({ kind: 'picker', title: 'Migrate 4103 to' });
    const options = picker.ui.overlay?.kind === 'picker' ? picker.ui.overlay.options.map((o) => o.value) : [];
    expect(options).toEqual(['261', '262', '266']);
    const chosen = play(picker.ui, [{ type: 'overlayMove', delta: 1 }, { type: 'overlayChoose' }]);
    expect(chosen.effects).toEqual([{ kind: 'perform', command: { type: 'migrate', pid: 4103, to: 262 }, label: 'migrate 4103 to N262' }]);
  });

  it('h and a send the process home or to the balancer', () => {
    expect(play(onProcesses, [key('sendHome')]).effects[0]).toMatchObject({ command: { type: 'migrate', pid: 4103, to: 'home' } });
    expect(play(onProcesses, [key('balance')]).effects[0]).toMatchObject({ command: { type: 'migrate', pid: 4103, to: 'balance' } });
  });

  it('k picks a signal, then asks, then sends it', () => {
    const r = play(onProcesses, [key('signal'), { type: 'overlayMove', delta: 1 }, { type: 'overlayChoose' }]);
    expect(r.ui.overlay).toMatchObject({ kind: 'confirm', question: 'Send KILL to process 4103?' });
    expect(play(r.ui, [{ type: 'confirmYes' }]).effects).toEqual([{ kind: 'perform', command: { type: 'signal', pid: 4103, signal: 'KILL' }, label: 'KILL to 4103' }]);
  });

  it('moves the selection through the sorted, filtered list and pages by the pane height', () => {
    // Blender-only is on automatically (blender processes are running): 4103, 4104, 4101, 4102 by %CPU.
    const first = play({ ...base, focus: 'processes' }, [key('moveDown')]);
    expect(first.ui.processes.key).toBe(4104);
    expect(play(first.ui, [key('pageDown')]).ui.processes.key).toBe(4102);
    expect(play(first.ui, [key('moveUp'), key('moveUp')]).ui.processes.key).toBe(4103);
  });

  it('f toggles the blender-only filter; / edits the text filter', () => {
    expect(play(base, [key('toggleBlenderOnly')]).ui.blenderFilter).toBe('off');
    const typed = play(base, [key('filterText'), { type: 'textInput', text: 's' }, { type: 'textInput', text: 'x' },
      { type: 'textBackspace' }, { type: 'textInput', text: 'sh' }, { type: 'overlayChoose' }]);
    expect(typed.ui.filterText).toBe('ssh');
    expect(typed.ui.overlay).toBeNull();
  });

  it('sort keys cycle the column and invert the order', () => {
    const r = play(base, [key('sortNext')]);
    expect(r.ui.sort).toEqual({ key: 'mem', descending: true });
    expect(play(r.ui, [key('sortNext'), key('sortNext')]).ui.sort).toEqual({ key: 'command', descending: false });
    expect(play(base, [key('sortInvert')]).ui.sort.descending).toBe(false);
  });
});

describe('reduceUi: render pane', () => {
  it('r opens the form; Enter with bad input shows the problem, with good input starts the render', () => {
    const opened = play(base, [key('openRenderForm')]);
    expect(opened.ui.overlay).toMatchObject({ kind: 'renderForm', field: 'file' });
    const bad = play(opened.ui, [{ type: 'overlayChoose' }]);
    expect(bad.effects).toEqual([]);
    expect(bad.ui.overlay).toMatchObject({ error: 'the .blend file is required' });
    const typing = [...'scene.blend'].map((ch): UiEvent => ({ type: 'textInput', text: ch }));
    const filled = play(bad.ui, [...typing, { type: 'overlayMove', delta: 2 }, { type: 'textInput', text: '20' },
      { type: 'overlayMove', delta: 3 }, { type: 'textInput', text: ' ' }, { type: 'overlayChoose' }]);
    // Leaving the file field asks blender about the .blend; Enter starts the render, refusing frames already there (the app then asks).
    expect(filled.effects).toEqual([
      { kind: 'inspectBlend', file: 'scene.blend' },
      {
        kind: 'startRender', request: { blendFile: 'scene.blend', start: 1, end: 20, parts: 4, existing: 'refuse', movie: 'scene.mp4' },
        fields: { ...EMPTY_RENDER_FORM, file: 'scene.blend', end: '20', movie: true },
      },
    ]);
  });

  it('c asks before cancelling the selected running job', () => {
    const withJobs = { ...ctx, jobs: [fakeJob({ id: 'r1', state: 'finished' }), fakeJob({ id: 'r2' })] };
    const r = play({ ...base, focus: 'render' }, [key('cancelRender')], withJobs);
    expect(r.ui.overlay).toMatchObject({ kind: 'confirm' });
    expect(play(r.ui, [{ type: 'confirmYes' }], withJobs).effects).toEqual([{ kind: 'cancelRender', jobId: 'r2' }]);
    const finished = play({ ...base, focus: 'render', jobs: listWith('r1') }, [key('cancelRender')], withJobs);
    expect(finished.ui.status).toEqual({ text: 'no running render selected to cancel', kind: 'error' });
  });
});

describe('reduceUi: global keys', () => {
  it('+/- step the refresh interval and tell the collector', () => {
    expect(play(base, [key('intervalUp')]).effects).toEqual([{ kind: 'setIntervalMs', ms: 3000 }]);
    expect(play(base, [key('intervalDown'), key('intervalDown')]).ui.intervalMs).toBe(500);
    expect(play({ ...base, intervalMs: 60_000 }, [key('intervalUp')]).effects).toEqual([]);
  });

  it('space pauses and resumes', () => {
    expect(play(base, [key('togglePause')]).effects).toEqual([{ kind: 'setPaused', paused: true }]);
    expect(play(base, [key('togglePause'), key('togglePause')]).ui.paused).toBe(false);
  });

  it('Tab cycles the panes; quit works even with a dialog open', () => {
    expect(play(base, [key('nextPane')]).ui.focus).toBe('processes');
    expect(play(base, [key('prevPane')]).ui.focus).toBe('render');
    expect(play(base, [key('help'), key('quit')]).effects).toEqual([{ kind: 'quit' }]);
  });

  it('keys other than the dialog\'s do nothing while a dialog is open', () => {
    const help = play(base, [key('help')]).ui;
    expect(play(help, [key('expel')]).ui).toBe(help);
  });

  it('the app reports results through status and renderStarted', () => {
    const r = play(base, [{ type: 'status', status: { text: 'expel: ok', kind: 'ok' } }, { type: 'renderStarted', jobId: 'r3', message: 'render r3 started' }]);
    expect(r.ui.jobs.key).toBe('r3');
    expect(r.ui.status).toEqual({ text: 'render r3 started', kind: 'ok' });
  });
});
