import { describe, expect, it } from 'vitest';
import { createExecaRunner } from '../../src/runner/execaRunner.js';
import { fakeToolsEnv } from '../helpers/fakeTools.js';

describe('createExecaRunner', () => {
  it('runs an argv array and returns the output', async () => {
    const fake = fakeToolsEnv();
    const result = await createExecaRunner({ env: fake.env }).run(['mosctl', 'getload', '266']);
    expect(result.failure).toBeUndefined();
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('load=75\n');
    expect(fake.calls()).toEqual([['mosctl', 'getload', '266']]);
  });

  it('passes words with spaces and shell characters as one argument, never through a shell', async () => {
    const fake = fakeToolsEnv();
    await createExecaRunner({ env: fake.env }).run(['migrate', '1169; rm -rf /', '$(home)']);
    expect(fake.calls()).toEqual([['migrate', '1169; rm -rf /', '$(home)']]);
  });

  it('kills a command that hangs and says so in one line', async () => {
    const fake = fakeToolsEnv({ OMTOP_FAKE_HANG: 'mosctl:getload:266' });
    const result = await createExecaRunner({ env: fake.env, timeoutMs: 300 }).run(['mosctl', 'getload', '266']);
    expect(result.failure).toBe('timeout');
    expect(result.message).toBe('mosctl getload 266: timed out after 0.3 s');
    expect(result.exitCode).toBeNull();
  });

  it('ends a hung script together with the child that holds its output', async () => {
    // `sh -c 'sleep 30; …'` keeps sh alive with sleep as its child: killing sh alone would leave
    // sleep holding the pipe for 30 s.
    const started = Date.now();
    const result = await createExecaRunner({ timeoutMs: 300 }).run(['sh', '-c', 'sleep 30; echo late']);
    expect(result.failure).toBe('timeout');
    expect(result.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('formats the default timeout in whole seconds', async () => {
    const fake = fakeToolsEnv({ OMTOP_FAKE_HANG: 'mps' });
    const result = await createExecaRunner({ env: fake.env, timeoutMs: 5000 }).run(['mps'], { timeoutMs: 1000 });
    expect(result.message).toBe('mps: timed out after 1 s');
  });

  it('reports a missing binary as "command not found"', async () => {
    const fake = fakeToolsEnv({}, false);
    const result = await createExecaRunner({ env: fake.env }).run(['mps']);
    expect(result.failure).toBe('missing');
    expect(result.message).toBe('mps: command not found');
  });

  it('reports a non-zero exit with the tool’s first line', async () => {
    const fake = fakeToolsEnv({ OMTOP_FAKE_FAIL: 'mosctl:getload:407=Node #407 is not up' });
    const result = await createExecaRunner({ env: fake.env }).run(['mosctl', 'getload', '407']);
    expect(result.failure).toBe('exit');
    expect(result.exitCode).toBe(1);
    expect(result.message).toBe('Node #407 is not up');
  });

  it('honours an abort signal, before and during the run', async () => {
    const fake = fakeToolsEnv({ OMTOP_FAKE_HANG: 'mps' });
    const runner = createExecaRunner({ env: fake.env, timeoutMs: 10_000 });
    const before = new AbortController();
    before.abort();
    const notStarted = await runner.run(['mps'], { signal: before.signal });
    expect(notStarted.failure).toBe('aborted');
    expect(fake.calls()).toEqual([]);

    const during = new AbortController();
    const pending = runner.run(['mps'], { signal: during.signal });
    setTimeout(() => during.abort(), 200);
    const result = await pending;
    expect(result.failure).toBe('aborted');
    expect(result.message).toBe('mps: cancelled');
  });

  it('runs at most `concurrency` commands at once', async () => {
    const fake = fakeToolsEnv({ OMTOP_FAKE_HANG: 'mps' });
    const runner = createExecaRunner({ env: fake.env, timeoutMs: 1500, concurrency: 2 });
    let finished = 0;
    const all = Promise.all([1, 2, 3, 4].map(() => runner.run(['mps']).finally(() => { finished += 1; })));
    // The third command starts only when a slot is free, that is after one of the first two ended:
    // its result is settled (a microtask) long before the third tool has started and logged its call.
    await until(() => fake.calls().length >= 3);
    expect(finished).toBeGreaterThanOrEqual(1);
    const results = await all;
    expect(results.map((r) => r.failure)).toEqual(['timeout', 'timeout', 'timeout', 'timeout']);
    expect(fake.calls()).toHaveLength(4);
  });

  it('rejects an empty argv as data, not an exception', async () => {
    const result = await createExecaRunner().run([]);
    expect(result.failure).toBe('spawn');
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
