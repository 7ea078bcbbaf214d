// Booting and stopping VMs without booting one: QEMU's argv, the console keys, where the images
// are, the loopback listener check, and stopping by PID (also by the watchdog when the owner dies).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isListening } from './lib/cluster.js';
import { findImages, IMAGES_ENV } from './lib/images.js';
import { keysFor } from './lib/monitor.js';
import { isOurProcess, kernelCommandLine, qemuArgv, stopPid } from './lib/vm.js';
import { waitUntil } from './lib/wait.js';

const images = { kernel: '/img/BZIMAGE', ramdisk: '/img/CHAOS.RDZ' };

describe('qemuArgv', () => {
  const argv = (node: number, role: 'listen' | 'connect') => qemuArgv({ node, images, runDir: '/run/x', lan: { role, port: 34567 } });

  it('boots CHAOS under TCG with the boot line its autodiscovery needs', () => {
    const first = argv(1, 'listen');
    expect(first.slice(0, 2)).toEqual(['-accel', 'tcg']);
    expect(first[first.indexOf('-append') + 1]).toBe(kernelCommandLine(1));
    expect(kernelCommandLine(2)).toMatch(/^ip=10\.0\.0\.2::10\.0\.0\.254:255\.255\.255\.0::: /);
    expect(kernelCommandLine(2)).toContain('OMAUTO=1');
    expect(kernelCommandLine(2)).toContain('CONSOLE=/dev/ttyS0');
  });

  it('puts the LAN on one loopback TCP connection, never multicast or another address', () => {
    expect(argv(1, 'listen')).toContain('socket,id=n0,listen=127.0.0.1:34567');
    expect(argv(2, 'connect')).toContain('socket,id=n0,connect=127.0.0.1:34567');
    for (const word of [...argv(1, 'listen'), ...argv(2, 'connect')]) {
      expect(word).not.toMatch(/mcast|0\.0\.0\.0|22[4-9]\.|23\d\./);
    }
    expect(argv(2, 'connect')).toContain('ne2k_pci,netdev=n0,mac=52:54:00:00:00:02');
  });

  it('keeps its sockets, logs and pidfile in the run directory', () => {
    const words = argv(1, 'listen');
    expect(words).toContain('unix:/run/x/1.monitor,server=on,wait=off');
    expect(words).toContain('socket,id=s0,path=/run/x/1.serial,server=on,wait=off,logfile=/run/x/1.console.log');
    expect(words[words.indexOf('-pidfile') + 1]).toBe('/run/x/1.pid');
  });

  it('refuses a node or port it cannot use', () => {
    expect(() => qemuArgv({ node: 0, images, runDir: '/r', lan: { role: 'listen', port: 34567 } })).toThrow(/node/);
    expect(() => qemuArgv({ node: 1, images, runDir: '/r', lan: { role: 'listen', port: 80 } })).toThrow(/port/);
  });
});

describe('keysFor', () => {
  it('types the line that moves the shell to the serial port', () => {
    expect(keysFor('exec /bin/ash </dev/ttyS0 2>&1')).toEqual([
      'e', 'x', 'e', 'c', 'spc', 'slash', 'b', 'i', 'n', 'slash', 'a', 's', 'h', 'spc', 'shift-comma', 'slash', 'd', 'e', 'v',
      'slash', 't', 't', 'y', 'shift-s', '0', 'spc', '2', 'shift-dot', 'shift-7', '1',
    ]);
    expect(() => keysFor('é')).toThrow(/no key/);
  });
});

describe('findImages', () => {
  it('says why there are no images', () => {
    expect(findImages({})).toEqual({ ok: false, reason: expect.stringMatching(new RegExp(`^${IMAGES_ENV} is not set .*Saimonokuma/Chaos-SymbioseOS`)) });
    const dir = mkdtempSync(join(tmpdir(), 'omtop-images-'));
    writeFileSync(join(dir, 'BZIMAGE'), '');
    expect(findImages({ [IMAGES_ENV]: dir })).toEqual({ ok: false, reason: expect.stringContaining('has no CHAOS.RDZ') });
    writeFileSync(join(dir, 'CHAOS.RDZ'), '');
    expect(findImages({ [IMAGES_ENV]: dir })).toEqual({ ok: true, images: { kernel: join(dir, 'BZIMAGE'), ramdisk: join(dir, 'CHAOS.RDZ') } });
  });
});

describe('isListening', () => {
  const table = [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 0100007F:86E7 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0',
    '   1: 0100007F:86E8 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 20 4 30 10 -1',
  ].join('\n');

  it('finds a listening socket on 127.0.0.1 by port, not an established one', () => {
    expect(isListening(34535, table)).toBe(true);
    expect(isListening(34536, table)).toBe(false);
  });

  it('sees a real listener on 127.0.0.1', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect(isListening(port)).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(isListening(port)).toBe(false);
  });
});

/**
 * A stand-in for QEMU: a process with no children of its own (stopping it by its PID leaves
 * nothing behind) that waits, and whose command line names the run directory.
 */
function fakeVm(runDir: string): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300_000)', runDir], { stdio: 'ignore', detached: true });
  child.unref();
  return child.pid ?? 0;
}

describe('stopping by PID', () => {
  it('stops a process of this run directory, and leaves one that does not name it alone', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'omtop-run-'));
    const ours = fakeVm(runDir);
    const stranger = fakeVm(mkdtempSync(join(tmpdir(), 'omtop-other-')));
    expect(isOurProcess(ours, runDir)).toBe(true);
    expect(isOurProcess(stranger, runDir)).toBe(false);
    await stopPid(stranger, runDir);
    await stopPid(ours, runDir);
    expect(isOurProcess(ours, runDir)).toBe(false);
    expect(isOurProcess(stranger, join(tmpdir(), 'omtop-other-'))).toBe(true);
    process.kill(stranger, 'SIGKILL');
  });

  it('the watchdog stops the VMs when their owner dies without stopping them', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'omtop-run-'));
    const vm = fakeVm(runDir);
    writeFileSync(join(runDir, '1.pid'), `${vm}\n`);
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300_000)'], { stdio: 'ignore' });
    const reaper = spawn(process.execPath, [fileURLToPath(new URL('./lib/reaper.mjs', import.meta.url)), String(owner.pid), runDir], { stdio: 'ignore' });
    const reaperExit = new Promise((resolve) => reaper.once('exit', resolve));
    owner.kill('SIGKILL');
    await waitUntil('the watchdog to stop the VM', 15_000, () => (isOurProcess(vm, runDir) ? null : true));
    await reaperExit;
  });

  it('the watchdog leaves the VMs alone once the owner has said it stopped them', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'omtop-run-'));
    mkdirSync(runDir, { recursive: true });
    const reaper = spawn(process.execPath, [fileURLToPath(new URL('./lib/reaper.mjs', import.meta.url)), String(process.pid), runDir], { stdio: 'ignore' });
    const reaperExit = new Promise((resolve) => reaper.once('exit', resolve));
    writeFileSync(join(runDir, 'stopped'), '');
    expect(await reaperExit).toBe(0);
  });
});
