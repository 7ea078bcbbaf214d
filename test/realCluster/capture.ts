// npm run real-cluster:capture [-- --out DIR]: boots the real cluster, walks it through the states
// omtop shows (formed, busy with migrated loops, every action, a node down, the node back) and
// records what the tools print and what /proc/hpc holds into DIR (default fixtures/real-cluster).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RealCluster } from './lib/cluster.js';
import { runWithCluster } from './lib/program.js';
import { Recorder } from './lib/recorder.js';
import { waitUntil } from './lib/wait.js';

const NODE_QUERIES = ['getload', 'getspeed', 'getmem', 'getfree', 'getutil', 'status', 'isup', 'whois'] as const;
const FLAGS = ['stay', 'lstay', 'block', 'quiet'] as const;

async function where(cluster: RealCluster, node: number, pids: readonly number[]): Promise<Map<number, number>> {
  const out = await cluster.text(node, ['/bin/sh', '-c', `for p in ${pids.join(' ')}; do echo $p $(cat /proc/$p/where 2>/dev/null || echo gone); done`]);
  return new Map([...out.matchAll(/^(\d+) (-?\d+)$/gm)].map(([, pid, at]) => [Number(pid), Number(at)]));
}

async function waitWhere(cluster: RealCluster, pids: readonly number[], test: (at: Map<number, number>) => boolean, what: string): Promise<Map<number, number>> {
  let last = new Map<number, number>();
  return waitUntil(what, 120_000, async () => {
    last = await where(cluster, 1, pids);
    return test(last) ? last : null;
  }, () => `where: ${JSON.stringify([...last])}`, 1000);
}

/**
 * What node 1's serial port carried while four commands ran (two side by side, one printing no
 * final newline and exiting 3), with what each should read as: the protocol's own fixture.
 */
async function recordTranscript(cluster: RealCluster, dir: string): Promise<void> {
  const chunks: Buffer[] = [];
  const commands = [
    ['/sbin/mosctl', 'getload', '1'],
    ['/sbin/mosctl', 'getload', '3'],
    ['/bin/sh', '-c', "printf 'no final newline'; echo 'to stderr' >&2; exit 3"],
    ['/bin/echo', "it's", 'a "quoted" word'],
  ];
  cluster.tapSerial(1, (chunk) => chunks.push(chunk));
  const [first, second] = await Promise.all([cluster.run(1, commands[0] ?? []), cluster.run(1, commands[1] ?? [])]);
  const rest = [await cluster.run(1, commands[2] ?? []), await cluster.run(1, commands[3] ?? [])];
  cluster.tapSerial(1, null);
  const results = [first, second, ...rest].map((result, i) => ({
    argv: commands[i],
    exitCode: result.exitCode,
    stdout: result.stdout.toString('latin1'),
    stderr: result.stderr.toString('latin1'),
  }));
  mkdirSync(join(dir, 'serial'), { recursive: true });
  writeFileSync(join(dir, 'serial', 'transcript.bin'), Buffer.concat(chunks));
  writeFileSync(join(dir, 'serial', 'transcript.json'), `${JSON.stringify(results, null, 2)}\n`);
}

/** Everything omtop's openmosix backend may run at node 1 to draw one snapshot, recorded as `scenario`. */
async function snapshotCommands(rec: Recorder, scenario: string, withMps = true): Promise<void> {
  await rec.command(scenario, 'openmosix-status', 1, ['openmosix', 'status']);
  await rec.command(scenario, 'setpe-r', 1, ['setpe', '-r']);
  await rec.command(scenario, 'mosctl-whois', 1, ['mosctl', 'whois']);
  for (const node of [1, 2]) for (const query of NODE_QUERIES) await rec.command(scenario, `mosctl-${query}-${node}`, 1, ['mosctl', query, String(node)]);
  if (withMps) await rec.command(scenario, 'mps-auxww', 1, ['mps', 'auxww']);
}

async function capture(cluster: RealCluster, rec: Recorder, out: string, log: (line: string) => void): Promise<void> {
  log('serial: the raw bytes of a few commands, two of them at once');
  await recordTranscript(cluster, out);
  log('formed: node queries, process lists, /proc/hpc');
  await snapshotCommands(rec, 'formed');
  for (const query of ['getload', 'status', 'isup', 'whois']) await rec.command('formed', `mosctl-${query}-3`, 1, ['mosctl', query, '3']);
  await rec.command('formed', 'mosctl-usage', 1, ['mosctl']);
  await rec.command('formed', 'mosctl-nosuchoption', 1, ['mosctl', 'frobnicate']);
  await rec.command('formed', 'migrate-usage', 1, ['migrate']);
  await rec.procHpc('formed', 1);

  log('busy: three loops on node 1, waiting for the kernel to migrate one');
  const loops = [await cluster.startWork(1, 'loop-1'), await cluster.startWork(1, 'loop-2'), await cluster.startWork(1, 'loop-3')];
  const busy = await waitWhere(cluster, loops, (at) => [...at.values()].some((node) => node === 2), 'a loop to migrate to node 2');
  rec.fact('busy', 'loops', Object.fromEntries(busy));
  await snapshotCommands(rec, 'busy', false);
  // Where each loop ran just before and just after mps looked (the kernel may move one meanwhile).
  rec.fact('busy', 'whereBeforeMps', Object.fromEntries(await waitWhere(cluster, loops, (at) => [...at.values()].some((node) => node === 2), 'a loop on node 2 for mps')));
  await rec.command('busy', 'mps-auxww', 1, ['mps', 'auxww']);
  rec.fact('busy', 'whereAfterMps', Object.fromEntries(await where(cluster, 1, loops)));
  await rec.command('busy', 'mps-axww', 1, ['mps', 'axww']);
  await rec.command('busy', 'mps', 1, ['mps']);
  await rec.procHpc('busy', 1);

  const away = [...busy].find(([, node]) => node === 2)?.[0] ?? 0;
  log(`migrate: PID ${away} home, back to 2, to nowhere`);
  await rec.command('migrate', 'migrate-home', 1, ['migrate', String(away), 'home']);
  rec.fact('migrate', 'afterHome', Object.fromEntries(await waitWhere(cluster, [away], (at) => at.get(away) === 0, `${away} to come home`)));
  await rec.command('migrate', 'mps-auxww-home', 1, ['mps', 'auxww']);
  await rec.command('migrate', 'migrate-to-2', 1, ['migrate', String(away), '2']);
  rec.fact('migrate', 'afterTo2', Object.fromEntries(await waitWhere(cluster, [away], (at) => at.get(away) === 2, `${away} to go to node 2`)));
  await rec.command('migrate', 'migrate-to-9', 1, ['migrate', String(away), '9']);
  await rec.command('migrate', 'migrate-nosuch', 1, ['migrate', '31999', '2']);
  await rec.command('migrate', 'migrate-balance', 1, ['migrate', String(away), 'balance']);
  await rec.command('migrate', 'migrate-badtarget', 1, ['migrate', String(away), 'nowhere']);

  log('bring: node 1 calls its processes home');
  await waitWhere(cluster, loops, (at) => [...at.values()].some((node) => node === 2), 'a loop on node 2 before bring');
  await rec.command('bring', 'mosctl-bring', 1, ['mosctl', 'bring']);
  rec.fact('bring', 'after', Object.fromEntries(await waitWhere(cluster, loops, (at) => [...at.values()].every((node) => node === 0), 'every loop home after bring')));
  await rec.command('bring', 'mosctl-status-1', 1, ['mosctl', 'status', '1']);
  await rec.command('bring', 'mosctl-nolstay', 1, ['mosctl', 'nolstay']);
  await rec.command('bring', 'mosctl-status-1-after', 1, ['mosctl', 'status', '1']);

  log('flags: stay, lstay, block, quiet on and off, then all four at once');
  for (const flag of FLAGS) {
    await rec.command('flags', `mosctl-${flag}`, 1, ['mosctl', flag]);
    await rec.command('flags', `mosctl-${flag}-again`, 1, ['mosctl', flag]);
    await rec.command('flags', `mosctl-status-1-${flag}`, 1, ['mosctl', 'status', '1']);
    await rec.command('flags', `mosctl-status-1-${flag}-from-2`, 2, ['mosctl', 'status', '1']);
    await rec.command('flags', `mosctl-no${flag}`, 1, ['mosctl', `no${flag}`]);
    await rec.command('flags', `mosctl-no${flag}-again`, 1, ['mosctl', `no${flag}`]);
  }
  for (const flag of FLAGS) await cluster.text(1, ['/sbin/mosctl', flag]);
  await rec.command('flags-all', 'mosctl-status-1', 1, ['mosctl', 'status', '1']);
  await rec.command('flags-all', 'mosctl-status-1-from-2', 2, ['mosctl', 'status', '1']);
  await rec.procHpc('flags-all', 1);
  for (const flag of FLAGS) await cluster.text(1, ['/sbin/mosctl', `no${flag}`]);
  await rec.command('flags-all', 'mosctl-status-1-none', 1, ['mosctl', 'status', '1']);

  log('expel: node 2 sends its guests home');
  await waitWhere(cluster, loops, (at) => [...at.values()].some((node) => node === 2), 'a loop on node 2 before expel');
  await rec.command('expel', 'mosctl-expel', 2, ['mosctl', 'expel']);
  rec.fact('expel', 'after', Object.fromEntries(await waitWhere(cluster, loops, (at) => [...at.values()].every((node) => node === 0), 'every loop home after expel')));
  await rec.command('expel', 'mosctl-status-2', 2, ['mosctl', 'status', '2']);
  await rec.command('expel', 'mosctl-status-2-from-1', 1, ['mosctl', 'status', '2']);
  await rec.procHpc('expel', 2);
  await rec.command('expel', 'mosctl-noblock', 2, ['mosctl', 'noblock']);
  await rec.command('expel', 'mosctl-status-2-after', 2, ['mosctl', 'status', '2']);

  log('kill: BusyBox kill, both spellings');
  const [first = 0, ...others] = loops;
  await rec.command('kill', 'kill-s-term', 1, ['kill', '-s', 'TERM', String(first)]);
  await rec.command('kill', 'kill-term', 1, ['kill', '-TERM', String(first)]);
  await rec.command('kill', 'kill-term-nosuch', 1, ['kill', '-TERM', '31999']);
  for (const pid of others) await cluster.text(1, ['/bin/kill', '-KILL', String(pid)]);
  rec.fact('kill', 'after', Object.fromEntries(await where(cluster, 1, loops)));

  log('node-down: node 2\'s VM killed');
  await cluster.killVm(2);
  const down = await waitUntil('node 1 to see node 2 down', 180_000, async () => {
    const status = (await cluster.statuses(1)).get(2);
    return status !== undefined && (status & 2) === 0 ? status : null;
  }, () => '', 1000);
  rec.fact('node-down', 'status', down);
  await snapshotCommands(rec, 'node-down');
  await rec.command('node-down', 'migrate-to-2', 1, ['migrate', '1', '2']);
  await rec.procHpc('node-down', 1);

  log('rejoined: node 2 booted again');
  await cluster.restartVm(2);
  await cluster.waitFormed();
  await snapshotCommands(rec, 'rejoined');
}

const args = process.argv.slice(2);
const out = args[0] === '--out' && args[1] ? resolve(args[1]) : resolve(import.meta.dirname, '../../fixtures/real-cluster');

runWithCluster('real-cluster:capture', async (cluster, log) => {
  const rec = new Recorder(cluster, out);
  await capture(cluster, rec, out, log);
  rec.save();
  log(`${rec.index.commands.length} commands and ${rec.index.procHpc.length} /proc/hpc files recorded in ${out}`);
  return 0;
});
