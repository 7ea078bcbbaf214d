import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../src/backends/backend.js';
import { createCollector } from '../../src/collector/collector.js';
import type { ClusterSnapshot } from '../../src/model/snapshot.js';
import { createStore } from '../../src/store/store.js';
import { node, snapshot } from '../helpers/snapshots.js';

/** A backend whose collects finish only when the test says so. */
function slowBackend() {
  const pending: ((snapshot: ClusterSnapshot) => void)[] = [];
  let calls = 0;
  const backend: Backend = {
    name: 'demo',
    collect: () => {
      calls += 1;
      return new Promise((resolve) => pending.push(resolve));
    },
    perform: (command) => Promise.resolve({ command, ok: true, message: 'ok' }),
    close: () => Promise.resolve(),
  };
  return {
    backend,
    calls: () => calls,
    finish(takenAt: number): void {
      pending.shift()?.(snapshot([node(261, { load: takenAt })], takenAt));
    },
  };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('createCollector', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refreshes on start and on every tick, into the store and subscribers', async () => {
    const fake = slowBackend();
    const store = createStore();
    const collector = createCollector({ backend: fake.backend, intervalMs: 1000, store });
    const seen: number[] = [];
    collector.subscribe((s) => seen.push(s.takenAt));
    collector.start();
    fake.finish(1);
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    fake.finish(2);
    await flush();
    collector.stop();
    expect(seen).toEqual([1, 2]);
    expect(store.history(261).load).toEqual([1, 2]);
    expect(collector.stats().completedTicks).toBe(2);
  });

  it('never runs two refreshes at once: ticks during a slow refresh are skipped and counted', async () => {
    const fake = slowBackend();
    const collector = createCollector({ backend: fake.backend, intervalMs: 1000 });
    collector.start();
    await vi.advanceTimersByTimeAsync(3500);
    expect(fake.calls()).toBe(1);
    expect(collector.stats().skippedTicks).toBe(3);
    fake.finish(1);
    await flush();
    await vi.advanceTimersByTimeAsync(500);
    expect(fake.calls()).toBe(2);
    collector.stop();
  });

  it('does nothing on ticks while paused, but pollNow still refreshes', async () => {
    const fake = slowBackend();
    const collector = createCollector({ backend: fake.backend, intervalMs: 1000 });
    collector.setPaused(true);
    collector.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.calls()).toBe(0);
    expect(collector.paused()).toBe(true);
    const polled = collector.pollNow();
    fake.finish(7);
    await polled;
    expect(fake.calls()).toBe(1);
    collector.stop();
  });

  it('pollNow during a refresh runs one more afterwards, shared by concurrent callers', async () => {
    const fake = slowBackend();
    const seen: number[] = [];
    const collector = createCollector({ backend: fake.backend, intervalMs: 60_000 });
    collector.subscribe((s) => seen.push(s.takenAt));
    collector.start();
    const first = collector.pollNow();
    const second = collector.pollNow();
    expect(first).toBe(second);
    fake.finish(1);
    await flush();
    expect(fake.calls()).toBe(2);
    fake.finish(2);
    await first;
    expect(seen).toEqual([1, 2]);
    collector.stop();
  });

  it('setIntervalMs re-arms the timer at the new pace', async () => {
    let calls = 0;
    const backend: Backend = {
      name: 'demo',
      collect: () => {
        calls += 1;
        return Promise.resolve(snapshot([node(1)]));
      },
      perform: (command) => Promise.resolve({ command, ok: true, message: 'ok' }),
      close: () => Promise.resolve(),
    };
    const collector = createCollector({ backend, intervalMs: 1000 });
    collector.start();
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toBe(3);
    collector.setIntervalMs(5000);
    expect(collector.intervalMs()).toBe(5000);
    await vi.advanceTimersByTimeAsync(4000);
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(4);
    collector.stop();
    expect(() => collector.setIntervalMs(0)).toThrow(RangeError);
  });

  it('turns a backend that breaks its promise and rejects into a snapshot error', async () => {
    const backend: Backend = {
      name: 'openmosix',
      collect: () => Promise.reject(new Error('bug in a backend\nsecond line')),
      perform: (command) => Promise.resolve({ command, ok: true, message: 'ok' }),
      close: () => Promise.resolve(),
    };
    const seen: ClusterSnapshot[] = [];
    const collector = createCollector({ backend, intervalMs: 1000 });
    collector.subscribe((s) => seen.push(s));
    await collector.pollNow();
    expect(seen[0]?.errors).toEqual([{ source: 'openmosix backend', message: 'bug in a backend' }]);
  });

  it('reports a throwing subscriber without stopping the others', async () => {
    const fake = slowBackend();
    const errors: unknown[] = [];
    const seen: number[] = [];
    const collector = createCollector({ backend: fake.backend, intervalMs: 1000, onListenerError: (e) => errors.push(e) });
    collector.subscribe(() => {
      throw new Error('view broke');
    });
    collector.subscribe((s) => seen.push(s.takenAt));
    const polled = collector.pollNow();
    fake.finish(3);
    await polled;
    expect(seen).toEqual([3]);
    expect(errors).toHaveLength(1);
  });
});
