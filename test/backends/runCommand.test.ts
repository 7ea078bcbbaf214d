import { describe, expect, it } from 'vitest';
import type { ClusterCommand } from '../../src/cluster/commands.js';
import { createOpenMosixBackend } from '../../src/backends/openmosix/openmosixBackend.js';
import { createExecaRunner } from '../../src/runner/execaRunner.js';
import { fakeToolsEnv } from '../helpers/fakeTools.js';

describe('cluster commands through the fake openMosix tools', () => {
  it('runs the exact argv of each command, and reports what the tool said (migrate says nothing)', async () => {
    const fake = fakeToolsEnv();
    const backend = createOpenMosixBackend({ hpcRoot: null, runner: createExecaRunner({ env: fake.env, timeoutMs: 15_000 }) });
    const commands: ClusterCommand[] = [
      { type: 'expel' },
      { type: 'bring' },
      { type: 'migrate', pid: 1169, to: 266 },
      { type: 'migrate', pid: 1169, to: 'home' },
      { type: 'migrate', pid: 1169, to: 'balance' },
      { type: 'setFlag', flag: 'stay', on: true },
      { type: 'setFlag', flag: 'quiet', on: false },
      { type: 'signal', pid: 1169, signal: 'TERM' },
    ];
    const results = [];
    for (const command of commands) results.push(await backend.perform(command));
    expect(fake.calls()).toEqual([
      ['mosctl', 'expel'],
      ['mosctl', 'bring'],
      ['migrate', '1169', '266'],
      ['migrate', '1169', 'home'],
      ['migrate', '1169', 'balance'],
      ['mosctl', 'stay'],
      ['mosctl', 'noquiet'],
      ['kill', '-TERM', '1169'],
    ]);
    const sent = 'sent (migrate does not report; the NODE column shows where it runs)';
    expect(results.map((r) => r.message)).toEqual([
      'expel: All remote processes were expelled and no further remote processes accepted.',
      'bring: All local processes were brought back and will stay here.',
      `migrate 1169 266: ${sent}`, `migrate 1169 home: ${sent}`, `migrate 1169 balance: ${sent}`,
      'stay: Automatic load-balancing disabled: no processes will leave This node (except by an explicit request)',
      'noquiet: ok', 'kill -TERM 1169: ok',
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
  }, 60_000);

  it('gives back the tool’s own error, with a hint, as data', async () => {
    const fake = fakeToolsEnv({ OMTOP_FAKE_FAIL: 'migrate;mosctl:expel=This is NOT an openMosix system!' });
    const backend = createOpenMosixBackend({ hpcRoot: null, runner: createExecaRunner({ env: fake.env, timeoutMs: 15_000 }) });
    expect(await backend.perform({ type: 'migrate', pid: 1169, to: 266 })).toEqual({
      command: { type: 'migrate', pid: 1169, to: 266 },
      ok: false,
      message: 'migrate 1169 266: migrate: Permission denied (openMosix actions need root)',
      argv: ['migrate', '1169', '266'],
    });
    expect((await backend.perform({ type: 'expel' })).message).toBe('expel: This is NOT an openMosix system! (this kernel has no openMosix)');
  }, 60_000);

  it('takes an error on stderr for a failure even with exit 0, in the tool\'s words', async () => {
    const fake = fakeToolsEnv({ OMTOP_FAKE_STDERR: 'migrate=Process #1169 is unmovable.' });
    const backend = createOpenMosixBackend({ hpcRoot: null, runner: createExecaRunner({ env: fake.env, timeoutMs: 15_000 }) });
    expect(await backend.perform({ type: 'migrate', pid: 1169, to: 266 })).toMatchObject({ ok: false, message: 'migrate 1169 266: Process #1169 is unmovable.' });
  }, 60_000);

  it('refuses an impossible command before running anything', async () => {
    const fake = fakeToolsEnv();
    const backend = createOpenMosixBackend({ hpcRoot: null, runner: createExecaRunner({ env: fake.env }) });
    const result = await backend.perform({ type: 'migrate', pid: -3, to: 266 });
    expect(result).toEqual({ command: { type: 'migrate', pid: -3, to: 266 }, ok: false, message: 'migrate -3 266: not a process id: -3' });
    expect(fake.calls()).toEqual([]);
  });

  it('reports a missing tool', async () => {
    const fake = fakeToolsEnv({}, false);
    const backend = createOpenMosixBackend({ hpcRoot: null, runner: createExecaRunner({ env: fake.env }) });
    expect((await backend.perform({ type: 'bring' })).message).toBe('bring: mosctl: command not found (is openMosix installed and on PATH?)');
  });
});
