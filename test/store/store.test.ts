import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.js';
import { node, snapshot } from '../helpers/snapshots.js';

describe('createStore', () => {
  it('keeps the latest snapshot', () => {
    const store = createStore();
    expect(store.latest()).toBeNull();
    store.ingest(snapshot([node(261)], 1));
    store.ingest(snapshot([node(261)], 2));
    expect(store.latest()?.takenAt).toBe(2);
  });

  it('bounds each node’s history to historyLength points', () => {
    const store = createStore({ historyLength: 5 });
    for (let i = 0; i < 12; i++) store.ingest(snapshot([node(261, { load: i })], i));
    expect(store.history(261).load).toEqual([7, 8, 9, 10, 11]);
  });

  it('records a gap (null) for a stale, down or missing node, keeping the series aligned', () => {
    const store = createStore();
    store.ingest(snapshot([node(261, { load: 5 }), node(266, { load: 50 })]));
    store.ingest(snapshot([node(261, { load: 6 }), node(266, { load: 50, stale: true })]));
    store.ingest(snapshot([node(261, { load: 7 }), node(266, { up: false })]));
    store.ingest(snapshot([node(261, { load: 8 })]));
    expect(store.history(261).load).toEqual([5, 6, 7, 8]);
    expect(store.history(266).load).toEqual([50, null, null, null]);
  });

  it('gives an empty history for a node it never saw', () => {
    expect(createStore().history(999)).toEqual({ load: [] });
  });
});
