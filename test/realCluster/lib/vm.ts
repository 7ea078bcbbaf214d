// One CHAOS 1.5 VM in QEMU (TCG: with KVM the 2.4 kernel stalls while uncompressing), its files
// in the run directory, and stopping it by the PID QEMU wrote, never by name.
import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QEMU, type Images } from './images.js';
import { sleep, waitUntil } from './wait.js';

/** The VMs' LAN: one TCP connection on the loopback address (node 1 listens, node 2 connects). */
export interface LanEnd {
  readonly role: 'listen' | 'connect';
  readonly port: number;
}

export interface VmSpec {
  /** 1, 2, …: the VM is 10.0.0.N on the virtual LAN, with MAC 52:54:00:00:00:0N. */
  readonly node: number;
  readonly images: Images;
  readonly runDir: string;
  readonly lan: LanEnd;
  /** @default 128 */
  readonly memoryMb?: number;
}

export interface VmFiles {
  readonly serial: string;
  readonly monitor: string;
  readonly pidfile: string;
  /** Everything the VM printed on its serial port (QEMU's own copy). */
  readonly console: string;
  /** QEMU's own stdout and stderr. */
  readonly qemuLog: string;
}

export function vmFiles(runDir: string, node: number): VmFiles {
  const at = (suffix: string): string => join(runDir, `${node}.${suffix}`);
  return { serial: at('serial'), monitor: at('monitor'), pidfile: at('pid'), console: at('console.log'), qemuLog: at('qemu.log') };
}

/** CHAOS's boot line: a static address (the gateway field is needed or omdiscd never joins), autodiscovery, the boot log on ttyS0. */
export function kernelCommandLine(node: number): string {
  return [
    `ip=10.0.0.${node}::10.0.0.254:255.255.255.0:::`,
    'panic=10 root=/dev/ram0 rw init=/sbin/init',
    'SHELL=1 HTTPD=0 SSHD=0 OMAUTO=1 DHCP=0 CONSOLE=/dev/ttyS0',
  ].join(' ');
}

export function qemuArgv(spec: VmSpec): string[] {
  const { node, lan } = spec;
  if (!Number.isInteger(node) || node < 1 || node > 9) throw new RangeError(`node must be 1..9, not ${node}`);
  if (!Number.isInteger(lan.port) || lan.port < 1024 || lan.port > 65535) throw new RangeError(`bad LAN port ${lan.port}`);
  const files = vmFiles(spec.runDir, node);
  return [
    '-accel', 'tcg', '-m', String(spec.memoryMb ?? 128), '-smp', '1',
    '-kernel', spec.images.kernel, '-initrd', spec.images.ramdisk, '-append', kernelCommandLine(node),
    '-vga', 'std', '-display', 'none', '-no-reboot',
    '-monitor', `unix:${files.monitor},server=on,wait=off`,
    '-chardev', `socket,id=s0,path=${files.serial},server=on,wait=off,logfile=${files.console}`, '-serial', 'chardev:s0',
    // Only ever 127.0.0.1: the 10.0.0.x addresses exist inside the virtual LAN alone.
    '-netdev', `socket,id=n0,${lan.role}=127.0.0.1:${lan.port}`,
    '-device', `ne2k_pci,netdev=n0,mac=52:54:00:00:00:0${node}`,
    '-pidfile', files.pidfile,
  ];
}

export interface RunningVm {
  readonly node: number;
  readonly pid: number;
  readonly files: VmFiles;
  /** Resolves when QEMU has exited. */
  readonly exited: Promise<void>;
}

/** Starts QEMU and waits until it has written its pidfile (or fails with QEMU's own words). */
export async function startVm(spec: VmSpec): Promise<RunningVm> {
  const files = vmFiles(spec.runDir, spec.node);
  const out = openSync(files.qemuLog, 'a');
  const child = spawn(QEMU, qemuArgv(spec), { stdio: ['ignore', out, out] });
  closeSync(out);
  let exitedEarly = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => { exitedEarly = true; resolve(); }));
  child.once('error', () => { exitedEarly = true; });
  const pid = await waitUntil(`QEMU's pidfile for node ${spec.node}`, 30_000, () => {
    if (exitedEarly) throw new Error(`QEMU for node ${spec.node} exited at once: ${lastLines(files.qemuLog)}`);
    const written = readPid(files.pidfile);
    return written === child.pid ? written : null;
  });
  return { node: spec.node, pid, files, exited };
}

export function readPid(pidfile: string): number | null {
  try {
    const pid = Number(readFileSync(pidfile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** True while `pid` is a live process (not a zombie) whose command line mentions `mustMention`. */
export function isOurProcess(pid: number, mustMention: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) Z /.test(stat)) return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(mustMention);
  } catch {
    return false;
  }
}

/**
 * Stops the QEMU with this PID: TERM, then KILL if it is still there after `graceMs`. Checks first
 * that the PID is still a QEMU of this run directory, so a reused PID is never signalled.
 */
export async function stopPid(pid: number, runDir: string, graceMs = 5_000): Promise<void> {
  if (!isOurProcess(pid, runDir)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(pid, runDir)) return;
    await sleep(100);
  }
  if (isOurProcess(pid, runDir)) process.kill(pid, 'SIGKILL');
  await waitUntil(`QEMU ${pid} to exit after SIGKILL`, 10_000, () => (isOurProcess(pid, runDir) ? null : true));
}

function lastLines(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' / ') || '(no output)';
  } catch {
    return '(no output)';
  }
}
