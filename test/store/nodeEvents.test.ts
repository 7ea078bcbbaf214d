import { describe, expect, it } from 'vitest';
import { createEventLog } from '../../src/store/eventLog.js';
import { snapshotEvents } from '../../src/store/nodeEvents.js';
import { createStore } from '../../src/store/store.js';
import { node, snapshot } from '../helpers/snapshots.js';

const texts = (events: { text: string }[]): string[] => events.map((e) => e.text);

describe('snapshotEvents', () => {
  it('on the first snapshot reports only what is already wrong', () => {
    const first = snapshot([node(261), node(258, { up: false, error: 'Error: Network is unreachable' }), node(407, { stale: true })], 1000);
    expect(snapshotEvents(null, first)).toEqual([
      { at: 1000, source: 'node', severity: 'error', text: 'node 258 is down (Error: Network is unreachable)' },
      { at: 1000, source: 'node', severity: 'warning', text: 'node 407 did not answer' },
    ]);
  });

  it('reports a node going down, coming back, stopping and starting to answer, joining and leaving', () => {
    const a = snapshot([node(261), node(258), node(407)], 1);
    const b = snapshot([node(261), node(258, { up: false }), node(407, { stale: true, error: 'timed out after 2s' }), node(300)], 2);
    expect(texts(snapshotEvents(a, b))).toEqual(['node 258 is down', 'node 407 did not answer (timed out after 2s)', 'node 300 joined (10.0.1.44)']);
    const c = snapshot([node(261), node(258), node(407)], 3);
    expect(texts(snapshotEvents(b, c))).toEqual(['node 258 is up again', 'node 407 answers again', 'node 300 left the node list']);
    expect(snapshotEvents(c, { ...c, takenAt: 4 })).toEqual([]);
  });

  it('reports a data source failing once, and when it works again', () => {
    const ok = snapshot([node(261)], 1);
    const failing = { ...ok, takenAt: 2, errors: [{ source: 'mps', message: 'mps: command not found' }] };
    expect(snapshotEvents(ok, failing)).toEqual([{ at: 2, source: 'source', severity: 'error', text: 'mps failed: mps: command not found' }]);
    expect(snapshotEvents(failing, { ...failing, takenAt: 3 })).toEqual([]);
    expect(texts(snapshotEvents(failing, { ...ok, takenAt: 4 }))).toEqual(['mps works again']);
  });

  it('the store logs them as it ingests, and keeps a bounded log anyone may add to', () => {
    const store = createStore();
    store.ingest(snapshot([node(261), node(258)], 1));
    store.ingest(snapshot([node(261), node(258, { up: false })], 2));
    store.events.add({ at: 3, source: 'action', severity: 'ok', text: 'node 261: stay on (no automatic migration away)' });
    expect(texts([...store.events.entries()])).toEqual(['node 258 is down', 'node 261: stay on (no automatic migration away)']);
    expect(store.events.count).toBe(2);
    const log = createEventLog(3);
    for (let i = 0; i < 5; i++) log.add({ at: i, source: 'render', severity: 'info', text: `e${i}` });
    expect(texts([...log.entries()])).toEqual(['e2', 'e3', 'e4']);
    expect(log.count).toBe(5);
  });
});

describe('snapshotEvents with nodes not read yet', () => {
  const pending = (id: number) => node(id, { up: false, pending: true, load: null });

  it('says nothing of a pending node, nor when its first reading finds it up; a first reading of down is news', () => {
    const first = snapshot([node(261), pending(262), pending(263)]);
    expect(snapshotEvents(null, first)).toEqual([]);
    const second = snapshot([node(261), node(262), node(263, { up: false, load: null, error: 'unreachable' })]);
    expect(snapshotEvents(first, second).map((event) => event.text)).toEqual(['node 263 is down (unreachable)']);
  });
});
