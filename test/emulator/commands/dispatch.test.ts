import { describe, expect, it } from 'vitest';
import { quietCluster, stdoutOf } from '../emulatorHelpers.js';
import { real } from '../print/seedFixtures.js';

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

  it('finds tools by basename and prints the usage text on stderr, exit 1, with argv[0] as typed', async () => {
    const result = await quietCluster().run(['/sbin/mosctl']);
    expect(result).toMatchObject({ exitCode: 1, failure: 'exit', stdout: '', stderr: real('mosctl-usage.txt') });
    expect(await quietCluster().run(['/sbin/mosctl', 'bogus'])).toMatchObject({ exitCode: 1, stdout: real('mosctl-nosuchoption.txt'), stderr: '' });
  });

  it('answers node queries on the real streams: "not configured" on stderr with exit 0', async () => {
    const cluster = quietCluster();
    expect(await stdoutOf(cluster, 'mosctl', 'whois')).toBe(real('mosctl-whois.txt'));
    expect(await stdoutOf(cluster, 'mosctl', 'whois', '407')).toBe(real('mosctl-whois-node.txt'));
    expect(await stdoutOf(cluster, 'mosctl', 'whois', '10.0.1.10')).toBe('10.0.1.10 is openMosix #266\n');
    expect(await stdoutOf(cluster, 'mosctl', 'getutil', '266')).toMatch(/^Utilizability = \d+%\n$/);
    expect(await stdoutOf(cluster, 'mosctl', 'getutil', '261')).toMatch(/^Utilizability = \d+% \(of 200%\)\n$/);
    expect(await stdoutOf(cluster, 'mosctl', 'isup', '266')).toBe('yes\n');
    expect(await stdoutOf(cluster, 'mosctl', 'getdecay')).toBe(real('mosctl-getdecay.txt'));
    expect(await stdoutOf(cluster, 'mosctl', 'getyard')).toBe(real('mosctl-getyard.txt'));
    expect(await stdoutOf(cluster, 'mosctl', 'gettune')).toBe(real('mosctl-gettune.txt'));
    for (const query of ['getload', 'status', 'isup']) {
      expect(await cluster.run(['mosctl', query, '999'])).toEqual({
        argv: ['mosctl', query, '999'], exitCode: 0, stdout: '', stderr: real('mosctl-getload-notconf.txt'), durationMs: 0,
      });
    }
    expect(await cluster.run(['mosctl', 'whois', '10.0.1.99'])).toMatchObject({ exitCode: 0, stdout: '', stderr: real('mosctl-whois-ip-notconf.txt') });
  });

  it('sets speed and decay like mosctl setspeed / setdecay', async () => {
    const cluster = quietCluster();
    expect(await stdoutOf(cluster, 'mosctl', 'setspeed', '9000')).toBe('');
    expect(await stdoutOf(cluster, 'mosctl', 'getspeed')).toBe('speed=9000.\n');
    expect(await stdoutOf(cluster, 'mosctl', 'setdecay', '2', '950', '900')).toBe('');
    expect(await stdoutOf(cluster, 'mosctl', 'getdecay')).toBe(
      'Decaying statistics of active processes occurs every 2 seconds.\nSlow decay leaves 950/1000.\nFast decay leaves 900/1000.\n',
    );
    expect((await cluster.run(['mosctl', 'setspeed', 'fast'])).exitCode).toBe(1);
  });

  it('migrates on request', async () => {
    const cluster = quietCluster();
    expect(await stdoutOf(cluster, 'migrate', '1169', '261')).toBe('');
    expect(await stdoutOf(cluster, 'mps', 'ax')).toMatch(/^ 1169 {2}\? {5}0 R\s+\d+:\d\d blender -b /m);
    await stdoutOf(cluster, 'migrate', '1169', '258');
    expect(await stdoutOf(cluster, 'mps', 'ax')).toMatch(/^ 1169 {2}\? {3}258 S\s+\d+:\d\d \(blender\)$/m);
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

  it('says nothing about a migration that cannot happen, as the real migrate: exit 0, and nothing moves', async () => {
    const cluster = quietCluster();
    const where = (): number[] => cluster.inspect().processes.map((process) => process.node);
    const before = where();
    const guest = cluster.inspect().processes.find((process) => process.home !== 261);
    // No such process, a node that is not configured, and a guest, which is not ours to migrate.
    for (const argv of [['migrate', '4242', '266'], ['migrate', '1166', '999'], ['migrate', String(guest?.pid), '266']]) {
      expect(await cluster.run(argv)).toEqual({ argv, exitCode: 0, stdout: '', stderr: '', durationMs: 0 });
    }
    expect(where()).toEqual(before);
    expect(await cluster.run(['/sbin/migrate'])).toMatchObject({ exitCode: 1, stdout: real('migrate-usage.txt'), stderr: '' });
  });

  it('has no batch mode for mtop, as the real one: one screen without options', async () => {
    const cluster = quietCluster();
    expect(await cluster.run(['mtop', '-b', '-n', '1'])).toMatchObject({ exitCode: 1, stdout: '', stderr: real('mtop-b.txt') });
    expect(await stdoutOf(cluster, 'mtop')).toMatch(/^ 10:37pm {2}up 21:50, {2}0 users, {2}load average: /);
  });

  it('lists processes with a terminal for plain mps, all with x, the user columns with u, cut at 80 columns without w', async () => {
    const cluster = quietCluster();
    const pids = (text: string): number[] => text.split('\n').slice(1).filter((line) => line !== '').map((line) => Number(line.trim().split(/\s+/)[line.startsWith('USER') ? 1 : 0]));
    expect(pids(await stdoutOf(cluster, 'mps'))).not.toContain(1);
    expect(pids(await stdoutOf(cluster, 'mps', 'ax'))).toContain(1);
    const aux = await stdoutOf(cluster, 'mps', 'aux');
    expect(aux.split('\n')[0]).toBe('USER       PID %CPU %MEM  SIZE   RSS TTY NODE STAT START   TIME COMMAND');
    expect(Math.max(...aux.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    cluster.adoptProcess({ pid: 31337, command: `/usr/bin/blender -b ${'/very/long/path'.repeat(10)}/scene.blend -a` });
    expect(await stdoutOf(cluster, 'mps', 'auxww')).toContain('/scene.blend -a \n');
    expect(await cluster.run(['mps', 'axl'])).toMatchObject({ exitCode: 1 });
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
    expect(await stdoutOf(cluster, 'mps', 'ax')).toMatch(/^ 1169 {2}\?\s+\d+ T /m);
    await stdoutOf(cluster, 'kill', '-s', 'CONT', '1169');
    cluster.advance(10_000);
    expect(cpu()).toBeGreaterThan(frozen);
  });

  it('TERM and KILL end processes; a missing pid is an error', async () => {
    const cluster = quietCluster();
    await stdoutOf(cluster, 'kill', '-s', 'TERM', '1166');
    await stdoutOf(cluster, 'kill', '-KILL', '1172');
    const mps = await stdoutOf(cluster, 'mps', 'ax');
    expect(mps).not.toContain(' 1166 ');
    expect(mps).not.toContain(' 1172 ');
    expect(cluster.events().filter((event) => event.kind === 'killed').map((event) => event.pid)).toEqual([1166, 1172]);
    expect(await cluster.run(['kill', '-s', 'TERM', '1166'])).toMatchObject({ exitCode: 1, stderr: 'kill: (1166) - No such process\n' });
    expect(await cluster.run(['kill', '-s', 'HUP', '1100'])).toMatchObject({ exitCode: 1, stderr: 'kill: unknown signal: HUP\n' });
  });
});
