import { describe, expect, it } from 'vitest';
import { quietCluster, stdoutOf } from '../emulatorHelpers.js';

describe('the emulated tools', () => {
  it('reports an unknown program the way the execa runner reports a missing binary', async () => {
    const result = await quietCluster().run(['povray', '-h']);
    expect(result).toEqual({
      argv: ['povray', '-h'],
      exitCode: null,
      stdout: '',
      stderr: '',
      failure: 'missing',
      message: 'povray: command not found',
      durationMs: 0,
    });
  });

  it('honours an aborted signal and an empty argv', async () => {
    const cluster = quietCluster();
    const controller = new AbortController();
    controller.abort();
    expect(await cluster.run(['mps'], { signal: controller.signal })).toMatchObject({ failure: 'aborted', exitCode: null });
    expect(await cluster.run([])).toMatchObject({ failure: 'spawn', exitCode: null });
  });

  it('finds tools by basename and prints the usage text with argv[0] as typed', async () => {
    const result = await quietCluster().run(['/usr/mosix/bin/mosctl']);
    expect(result.exitCode).toBe(1);
    expect(result.failure).toBe('exit');
    expect(result.stdout.split('\n')[0]).toBe('Usage: /usr/mosix/bin/mosctl command');
    expect((await quietCluster().run(['mosctl', 'frobnicate'])).stdout).toContain('Available commands:');
  });

  it('answers node queries, with "not configured" for a node it does not know', async () => {
    const cluster = quietCluster();
    expect(await stdoutOf(cluster, 'mosctl', 'whois')).toBe('This is MOSIX #261\n');
    expect(await stdoutOf(cluster, 'mosctl', 'whois', '10.0.1.10')).toBe('MOSIX #266 is at 10.0.1.10\n');
    expect(await stdoutOf(cluster, 'mosctl', 'getutil', '266')).toMatch(/^util=\d+%\n$/);
    expect(await stdoutOf(cluster, 'mosctl', 'isup', '266')).toBe('yes\n');
    expect(await stdoutOf(cluster, 'mosctl', 'getdecay')).toBe('interval=1 slow=975 fast=926\n');
    const unknown = await cluster.run(['mosctl', 'getload', '999']);
    expect(unknown).toMatchObject({ exitCode: 1, stdout: 'Node #999 is not configured\n', message: 'Node #999 is not configured' });
  });

  it('sets speed and decay like mosctl setspeed / setdecay', async () => {
    const cluster = quietCluster();
    expect(await stdoutOf(cluster, 'mosctl', 'setspeed', '9000')).toBe('');
    expect(await stdoutOf(cluster, 'mosctl', 'getspeed')).toBe('speed=9000.\n');
    expect(await stdoutOf(cluster, 'mosctl', 'setdecay', '2', '950', '900')).toBe('');
    expect(await stdoutOf(cluster, 'mosctl', 'getdecay')).toBe('interval=2 slow=950 fast=900\n');
    expect((await cluster.run(['mosctl', 'setspeed', 'fast'])).exitCode).toBe(1);
  });

  it('migrates on request', async () => {
    const cluster = quietCluster();
    expect(await stdoutOf(cluster, 'migrate', '1169', '261')).toBe('');
    expect(await stdoutOf(cluster, 'mps')).toMatch(/^ 1169 \?\s+0 R\s+\d+:\d\d blender -b /m);
    await stdoutOf(cluster, 'migrate', '1169', '258');
    expect(await stdoutOf(cluster, 'mps')).toMatch(/^ 1169 \?\s+258 S\s+\d+:\d\d \(blender\)$/m);
  });

  it('holds a manual placement against the balancer for 30 s, unless handed back with balance', async () => {
    const cluster = quietCluster({ withRender: false });
    await stdoutOf(cluster, 'mosctl', 'block');
    await stdoutOf(cluster, 'mosctl', 'expel');
    cluster.adoptProcess({ pid: 5001, command: 'blender -b scene.blend -a' });
    const nodeOf5001 = (): number | undefined => cluster.inspect().processes.find((process) => process.pid === 5001)?.node;
    // Alone on the slowest node, it would leave within a balancing round or two...
    await stdoutOf(cluster, 'migrate', '5001', 'home');
    cluster.advance(25_000);
    expect(nodeOf5001()).toBe(261);
    await stdoutOf(cluster, 'migrate', '5001', 'balance');
    cluster.advance(5_000);
    expect(nodeOf5001()).not.toBe(261);
    await stdoutOf(cluster, 'migrate', '5001', 'home');
    expect(nodeOf5001()).toBe(261);
  });

  it('refuses bad migrations with one line on stderr', async () => {
    const cluster = quietCluster();
    expect(await cluster.run(['migrate', '4242', '266'])).toMatchObject({ exitCode: 1, stderr: 'migrate: no such process\n' });
    expect(await cluster.run(['migrate', '1166', '999'])).toMatchObject({ exitCode: 1, stderr: 'Node #999 is not configured\n' });
    expect(await cluster.run(['migrate', '1166'])).toMatchObject({ exitCode: 1, stderr: 'Usage: migrate pid {openMosix_ID|home|balance}\n' });
    // Guests belong to other nodes: they are not ours to migrate.
    const guest = cluster.inspect().processes.find((process) => process.home !== 261);
    expect((await cluster.run(['migrate', String(guest?.pid), '266'])).stderr).toBe('migrate: no such process\n');
  });

  it('needs batch mode for mtop', async () => {
    const cluster = quietCluster();
    expect((await cluster.run(['mtop'])).exitCode).toBe(1);
    expect(await stdoutOf(cluster, 'mtop', '-b', '-n', '1')).toMatch(/^ 10:37pm {2}up 21:50, {2}0 users, {2}load average: /);
  });
});

describe('kill', () => {
  it('STOP freezes a process (state T, no CPU), CONT resumes it', async () => {
    const cluster = quietCluster();
    await stdoutOf(cluster, 'kill', '-s', 'STOP', '1169');
    const cpu = (): number => cluster.inspect().processes.find((process) => process.pid === 1169)?.cpuSeconds ?? -1;
    const frozen = cpu();
    cluster.advance(10_000);
    expect(cpu()).toBe(frozen);
    expect(await stdoutOf(cluster, 'mps')).toMatch(/^ 1169 \?\s+\d+ T /m);
    await stdoutOf(cluster, 'kill', '-s', 'CONT', '1169');
    cluster.advance(10_000);
    expect(cpu()).toBeGreaterThan(frozen);
  });

  it('TERM and KILL end processes; a missing pid is an error', async () => {
    const cluster = quietCluster();
    await stdoutOf(cluster, 'kill', '-s', 'TERM', '1166');
    await stdoutOf(cluster, 'kill', '-KILL', '1172');
    const mps = await stdoutOf(cluster, 'mps');
    expect(mps).not.toContain(' 1166 ');
    expect(mps).not.toContain(' 1172 ');
    expect(cluster.events().filter((event) => event.kind === 'killed').map((event) => event.pid)).toEqual([1166, 1172]);
    expect(await cluster.run(['kill', '-s', 'TERM', '1166'])).toMatchObject({ exitCode: 1, stderr: 'kill: (1166) - No such process\n' });
    expect(await cluster.run(['kill', '-s', 'HUP', '1100'])).toMatchObject({ exitCode: 1, stderr: 'kill: unknown signal: HUP\n' });
  });
});
