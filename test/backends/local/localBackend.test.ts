import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { cpus as osCpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalBackend } from '../../../src/backends/local/localBackend.js';
import { ClusterSnapshotSchema } from '../../../src/model/snapshot.js';
import { createExecaRunner } from '../../../src/runner/execaRunner.js';
import { fakeToolsEnv } from '../../helpers/fakeTools.js';

const identity = { id: 261, ip: '10.0.1.5' };

function fakeProc(): { root: string; passwd: string } {
  const root = mkdtempSync(join(tmpdir(), 'omtop-proc-'));
  writeFileSync(join(root, 'loadavg'), '1.50 0.80 0.40 2/120 4321\n');
  writeFileSync(join(root, 'meminfo'), 'MemTotal:        1048576 kB\nMemFree:          262144 kB\nMemAvailable:     524288 kB\n');
  writeFileSync(join(root, 'cpuinfo'), 'processor\t: 0\ncpu MHz\t\t: 1000.000\n\nprocessor\t: 1\ncpu MHz\t\t: 1000.000\n');
  writeFileSync(join(root, 'stat'), 'cpu  300 0 100 500 100 0 0 0 0 0\n');
  writeFileSync(join(root, 'uptime'), '1000.00 1800.00\n');
  const pid = join(root, '4321');
  mkdirSync(pid);
  // 250+50 ticks of CPU, started 900 s after boot → 3 s over 100 s of life = 3 %.
  writeFileSync(join(pid, 'stat'), '4321 (blender) R 1 4321 4321 0 -1 0 0 0 0 0 250 50 0 0 20 0 1 0 90000 0 0\n');
  writeFileSync(join(pid, 'status'), 'Name:\tblender\nUid:\t1000\t1000\t1000\t1000\nVmRSS:\t  104858 kB\n');
  writeFileSync(join(pid, 'cmdline'), 'blender\0-b\0blacksmith-jpeg.blend\0-s\x001\0');
  // A kernel thread: no command line, PF_KTHREAD (0x200000) in its flags, no resident memory.
  const kthread = join(root, '2');
  mkdirSync(kthread);
  writeFileSync(join(kthread, 'stat'), '2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 20 0 0\n');
  writeFileSync(join(kthread, 'status'), 'Name:\tkthreadd\nUid:\t0\t0\t0\t0\n');
  writeFileSync(join(kthread, 'cmdline'), '');
  const passwd = join(root, 'passwd');
  writeFileSync(passwd, 'root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n');
  return { root, passwd };
}

describe('createLocalBackend on a fixture /proc', () => {
  it('builds one local node in openMosix units and its processes', async () => {
    const { root, passwd } = fakeProc();
    const backend = createLocalBackend({ procRoot: root, passwdPath: passwd, runner: createExecaRunner(), identity, now: () => 5000 });
    const snap = await backend.collect();
    expect(snap.backend).toBe('local');
    expect(snap.localNode).toBe(261);
    expect(snap.errors).toEqual([]);
    expect(snap.nodes).toEqual([
      {
        id: 261, ip: '10.0.1.5', up: true, load: 75, speed: 10000, memFreeBytes: 524288 * 1024, memTotalBytes: 1048576 * 1024,
        util: 40, cpus: 2, loadAverage: 1.5, flags: {}, stale: false, isLocal: true,
      },
    ]);
    expect(snap.processes).toEqual([
      {
        pid: 2, user: 'root', node: 261, home: 261, migrated: false, stat: 'S', cpu: 0, mem: 0,
        timeSeconds: 0, command: '[kthreadd]', isBlender: false, kernelThread: true,
      },
      {
        pid: 4321, user: 'alice', node: 261, home: 261, migrated: false, stat: 'R', cpu: 3, mem: 10,
        timeSeconds: 3, command: 'blender -b blacksmith-jpeg.blend -s 1', isBlender: true,
      },
    ]);
  });

  it('measures %CPU from the tick delta between two collects', async () => {
    const { root, passwd } = fakeProc();
    let now = 5000;
    const backend = createLocalBackend({ procRoot: root, passwdPath: passwd, runner: createExecaRunner(), identity, now: () => now });
    await backend.collect();
    // 200 more ticks (2 s of CPU) in 4 s of wall time → 50 %.
    writeFileSync(join(root, '4321', 'stat'), '4321 (blender) R 1 4321 4321 0 -1 0 0 0 0 0 450 50 0 0 20 0 1 0 90000 0 0\n');
    now = 9000;
    const snap = await backend.collect();
    const blender = snap.processes.find((p) => p.pid === 4321);
    expect(blender?.cpu).toBe(50);
    expect(blender?.timeSeconds).toBe(5);
  });

  it("reads a known process's command line again after an exec (a new name) and at least every 10 collects", async () => {
    const { root, passwd } = fakeProc();
    const backend = createLocalBackend({ procRoot: root, passwdPath: passwd, runner: createExecaRunner(), identity });
    const command = async (): Promise<string | undefined> => (await backend.collect()).processes.find((p) => p.pid === 4321)?.command;
    expect(await command()).toBe('blender -b blacksmith-jpeg.blend -s 1');
    // Same name, same start: the command line read at first sight stands for a few ticks.
    writeFileSync(join(root, '4321', 'cmdline'), 'blender\0-b\0other.blend\0');
    expect(await command()).toBe('blender -b blacksmith-jpeg.blend -s 1');
    const seen: (string | undefined)[] = [];
    for (let i = 0; i < 10; i += 1) seen.push(await command());
    expect(seen).toContain('blender -b other.blend');
    // An exec changes the name in stat: the new command line shows at once.
    writeFileSync(join(root, '4321', 'stat'), '4321 (sh) R 1 4321 4321 0 -1 0 0 0 0 0 250 50 0 0 20 0 1 0 90000 0 0\n');
    writeFileSync(join(root, '4321', 'cmdline'), 'sh\0-c\0true\0');
    expect(await command()).toBe('sh -c true');
  });

  it('between status reads, takes resident memory from the page count in stat', async () => {
    const { root, passwd } = fakeProc();
    // 25,600 pages; status says the same in kB (100 MiB of the 1 GiB), as the kernel does.
    const statWith = (pages: number): string => `4321 (blender) R 1 4321 4321 0 -1 0 0 0 0 0 250 50 0 0 20 0 1 0 90000 0 ${pages} 0\n`;
    writeFileSync(join(root, '4321', 'stat'), statWith(25_600));
    writeFileSync(join(root, '4321', 'status'), 'Name:\tblender\nUid:\t1000\t1000\t1000\t1000\nVmRSS:\t  102400 kB\n');
    const backend = createLocalBackend({ procRoot: root, passwdPath: passwd, runner: createExecaRunner(), identity });
    const mem = async (): Promise<number | null | undefined> => (await backend.collect()).processes.find((p) => p.pid === 4321)?.mem;
    expect(await mem()).toBe(9.8);
    writeFileSync(join(root, '4321', 'stat'), statWith(51_200));
    expect(await mem()).toBe(19.5);
  });

  it('reads /etc/passwd again when it changes', async () => {
    const { root, passwd } = fakeProc();
    const backend = createLocalBackend({ procRoot: root, passwdPath: passwd, runner: createExecaRunner(), identity });
    const user = async (): Promise<string | null | undefined> => (await backend.collect()).processes.find((p) => p.pid === 4321)?.user;
    expect(await user()).toBe('alice');
    writeFileSync(passwd, 'root:x:0:0::/root:/bin/sh\nbob:x:1000:1000::/home/bob:/bin/sh\n');
    expect(await user()).toBe('bob');
  });

  it('marks the node stale with the failing file, keeping its last values', async () => {
    const { root, passwd } = fakeProc();
    const backend = createLocalBackend({ procRoot: root, passwdPath: passwd, runner: createExecaRunner(), identity });
    await backend.collect();
    writeFileSync(join(root, 'loadavg'), 'garbage\n');
    const snap = await backend.collect();
    expect(snap.nodes[0]?.stale).toBe(true);
    expect(snap.nodes[0]?.load).toBe(75);
    expect(snap.nodes[0]?.error).toBe(`${join(root, 'loadavg')}: unexpected contents`);
    expect(snap.errors.map((e) => e.source)).toEqual([join(root, 'loadavg')]);
  });

  it('keeps its /proc files open between collects, reading what they hold now, and closes them all on close', async () => {
    const { root, passwd } = fakeProc();
    const openUnderRoot = (): string[] => readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        const target = readlinkSync(`/proc/self/fd/${fd}`);
        return target.startsWith(`${root}/`) ? [target.slice(root.length + 1)] : [];
      } catch {
        return [];
      }
    }).sort();
    const backend = createLocalBackend({ procRoot: root, passwdPath: passwd, runner: createExecaRunner(), identity });
    await backend.collect();
    expect(openUnderRoot()).toEqual(['2/stat', '4321/stat', 'cpuinfo', 'loadavg', 'meminfo', 'stat', 'uptime']);
    writeFileSync(join(root, 'loadavg'), '3.00 0.80 0.40 2/120 4321\n');
    expect((await backend.collect()).nodes[0]?.loadAverage).toBe(3);
    await backend.close();
    expect(openUnderRoot()).toEqual([]);
  });

  it('never rejects when /proc is not there at all', async () => {
    const backend = createLocalBackend({ procRoot: join(tmpdir(), 'omtop-no-proc'), runner: createExecaRunner(), identity });
    const snap = await backend.collect();
    expect(snap.errors.length).toBeGreaterThan(0);
    expect(ClusterSnapshotSchema.safeParse(snap).success).toBe(true);
  });
});

describe('createLocalBackend on this machine', () => {
  it('agrees with /proc read here: memory, CPU count, and this test process', async () => {
    const backend = createLocalBackend({ runner: createExecaRunner() });
    const snap = await backend.collect();
    const memTotalKiB = Number(/^MemTotal:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]);
    const processors = readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((l) => /^processor\s*:/.test(l)).length;
    const self = snap.processes.find((p) => p.pid === process.pid);
    const cmdline = readFileSync(`/proc/${process.pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    expect(snap.nodes).toHaveLength(1);
    expect(snap.nodes[0]?.memTotalBytes).toBe(memTotalKiB * 1024);
    expect(snap.nodes[0]?.cpus).toBe(processors);
    expect(snap.nodes[0]?.cpus).toBe(osCpus().length);
    expect(self?.command).toBe(cmdline);
    expect(self?.node).toBe(snap.localNode);
    expect(self?.timeSeconds).toBeGreaterThan(0);
    expect(ClusterSnapshotSchema.safeParse(snap).success).toBe(true);
  });
});

describe('createLocalBackend actions', () => {
  it('sends signals through kill and refuses openMosix actions', async () => {
    const fake = fakeToolsEnv();
    const backend = createLocalBackend({ runner: createExecaRunner({ env: fake.env }), identity });
    const term = await backend.perform({ type: 'signal', pid: 4321, signal: 'TERM' });
    expect(term).toMatchObject({ ok: true, message: 'kill -TERM 4321: ok', argv: ['kill', '-TERM', '4321'] });
    expect(fake.calls()).toEqual([['kill', '-TERM', '4321']]);
    const expel = await backend.perform({ type: 'expel' });
    expect(expel).toEqual({ command: { type: 'expel' }, ok: false, message: 'expel needs openMosix (mosctl); the local backend cannot run it' });
    const migrate = await backend.perform({ type: 'migrate', pid: 4321, to: 266 });
    expect(migrate.ok).toBe(false);
    expect(fake.calls()).toHaveLength(1);
  });
});
