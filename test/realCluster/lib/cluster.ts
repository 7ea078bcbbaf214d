// A real openMosix cluster of two CHAOS VMs on one machine: boots them on a loopback TCP LAN,
// moves each root shell onto its serial port, waits until both list both nodes up, and gives
// host programs each VM's tools as executables (binDir). Every VM it started is stopped by its
// PID: by stop(), by an exit handler, and by a detached watchdog if this process dies first.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveTools } from './broker.js';
import type { GuestResult } from './guestProtocol.js';
import { GuestShell } from './guestShell.js';
import type { Images } from './images.js';
import { typeOnConsole } from './monitor.js';
import { writeWrappers } from './tools.js';
import { isOurProcess, startVm, stopPid, type LanEnd, type RunningVm } from './vm.js';
import { waitUntil } from './wait.js';

export interface ClusterOptions {
  readonly images: Images;
  /** @default a fresh directory under the system's temporary directory */
  readonly runDir?: string;
  /** Progress lines (boot, formed, stopped). @default none */
  readonly log?: (line: string) => void;
  /** Per VM, from QEMU's start to a shell on the serial port. @default 240000 */
  readonly bootTimeoutMs?: number;
}

interface Node {
  vm: RunningVm;
  shell: GuestShell;
  broker: Server;
}

const SHELL_TO_SERIAL = 'exec /bin/ash </dev/ttyS0 >/dev/ttyS0 2>&1';
const NODE_COUNT = 2;
const REAPER = fileURLToPath(new URL('./reaper.mjs', import.meta.url));

export class RealCluster {
  readonly #nodes = new Map<number, Node>();
  /** Every QEMU started and not yet seen to exit, booted or still booting. */
  readonly #vms = new Set<RunningVm>();
  readonly #log: (line: string) => void;
  readonly #bootTimeoutMs: number;
  #stopped = false;
  readonly #onExit = (): void => this.#killNow();

  private constructor(
    readonly runDir: string,
    readonly port: number,
    private readonly images: Images,
    options: ClusterOptions,
  ) {
    this.#log = options.log ?? (() => undefined);
    this.#bootTimeoutMs = options.bootTimeoutMs ?? 240_000;
  }

  /**
   * Boots both VMs and waits until the cluster has formed; on any failure stops what it started.
   * A VM that stops while booting, with nothing on its serial console (3 of 12 starts on a loaded
   * host, either node; node 2 alone is booted again below, node 1 holds the LAN's listening end),
   * gets the whole cluster started once more, in a fresh run directory.
   */
  static async start(options: ClusterOptions): Promise<RealCluster> {
    try {
      return await RealCluster.#startOnce(options);
    } catch (error) {
      const message = (error as Error).message;
      if (!/the VM stopped/.test(message)) throw error;
      options.log?.(`${message}; starting the cluster once more`);
      const { runDir, ...rest } = options;
      return RealCluster.#startOnce(runDir === undefined ? rest : { ...rest, runDir: `${runDir}-again` });
    }
  }

  static async #startOnce(options: ClusterOptions): Promise<RealCluster> {
    const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), 'omtop-real-cluster-'));
    mkdirSync(runDir, { recursive: true });
    const cluster = new RealCluster(runDir, await freePort(), options.images, options);
    process.once('exit', cluster.#onExit);
    startReaper(runDir);
    try {
      const started = Date.now();
      const first = cluster.#boot(1, { role: 'listen', port: cluster.port });
      first.catch(() => undefined); // awaited below; handled here so a failure while waiting is not "unhandled"
      await waitUntil(`node 1 to listen on 127.0.0.1:${cluster.port}`, 30_000, () => (isListening(cluster.port) ? true : null));
      await Promise.all([first, cluster.#bootConnecting(2)]);
      await cluster.waitFormed();
      cluster.#log(`cluster formed in ${((Date.now() - started) / 1000).toFixed(1)} s (${runDir})`);
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  get nodeIds(): number[] {
    return [...this.#nodes.keys()].sort((a, b) => a - b);
  }

  /** The directory of node N's wrapped tools: put it first on PATH. */
  binDir(node: number): string {
    return join(this.runDir, 'bin', String(node));
  }

  vmPid(node: number): number | null {
    return this.#nodes.get(node)?.vm.pid ?? null;
  }

  /** Runs argv in node N's VM. */
  run(node: number, argv: readonly string[], timeoutMs = 120_000): Promise<GuestResult> {
    const entry = this.#nodes.get(node);
    if (!entry) return Promise.reject(new Error(`node ${node} is not running`));
    return entry.shell.run(argv, { timeoutMs });
  }

  /** Hands every byte node N's serial port sends from now on to `listener` (null: stop). */
  tapSerial(node: number, listener: ((chunk: Buffer) => void) | null): void {
    this.#nodes.get(node)?.shell.tap(listener);
  }

  /** stdout of argv in node N's VM; throws with the tool's stderr when it exits non-zero. */
  async text(node: number, argv: readonly string[]): Promise<string> {
    const result = await this.run(node, argv);
    if (result.exitCode !== 0) throw new Error(`node ${node}: ${argv.join(' ')} exited ${result.exitCode}: ${result.stderr.toString('latin1').trim()}`);
    return result.stdout.toString('latin1');
  }

  /** What /proc/hpc/nodes/M/status holds for every node M that node N knows. */
  async statuses(node: number): Promise<Map<number, number>> {
    const out = await this.text(node, ['/bin/sh', '-c', 'for n in /proc/hpc/nodes/*; do echo ${n##*/} $(cat $n/status); done']);
    const map = new Map<number, number>();
    for (const [, id, status] of out.matchAll(/^(\d+) (-?\d+)$/gm)) map.set(Number(id), Number(status));
    return map;
  }

  /** Waits until every running VM lists every node of the cluster as up (status bit 0x2). */
  async waitFormed(timeoutMs = 180_000): Promise<void> {
    let seen = '';
    await waitUntil('both nodes to list both nodes up', timeoutMs, async () => {
      const views = await Promise.all(this.nodeIds.map(async (node) => [node, await this.statuses(node)] as const));
      seen = views.map(([node, map]) => `node ${node} sees ${[...map].map(([id, s]) => `${id}:${s}`).join(' ') || 'nothing'}`).join('; ');
      const complete = views.length === NODE_COUNT && views.every(([, map]) => Array.from({ length: NODE_COUNT }, (_, i) => map.get(i + 1) ?? 0).every((s) => (s & 2) === 2));
      return complete ? true : null;
    }, () => seen, 1000);
  }

  /**
   * Starts a long-running process in node N's VM, named `sh /tmp/omtop-busy LABEL` (a CPU loop,
   * which openMosix migrates) or `sh /tmp/omtop-idle LABEL` (sleeps); returns its PID.
   */
  async startWork(node: number, label: string, kind: 'busy' | 'idle' = 'busy'): Promise<number> {
    if (!/^[a-z0-9-]{1,20}$/.test(label)) throw new RangeError(`label must be [a-z0-9-], not ${label}`);
    const body = kind === 'busy' ? 'while :; do :; done' : 'while :; do sleep 5; done';
    const script = `/tmp/omtop-${kind}`;
    const out = await this.text(node, ['/bin/sh', '-c', `echo '${body}' >${script}; sh ${script} ${label} </dev/null >/dev/null 2>&1 & echo $!`]);
    const pid = Number(out.trim());
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`node ${node}: starting ${label} printed ${JSON.stringify(out)}`);
    return pid;
  }

  /** Kills node N's VM (SIGKILL by PID, as a crash would) and waits until QEMU is gone. */
  async killVm(node: number): Promise<void> {
    const entry = this.#nodes.get(node);
    if (!entry) return;
    this.#nodes.delete(node);
    entry.broker.close();
    entry.shell.close();
    if (isOurProcess(entry.vm.pid, this.runDir)) process.kill(entry.vm.pid, 'SIGKILL');
    await entry.vm.exited;
    this.#log(`node ${node}'s VM (PID ${entry.vm.pid}) killed`);
  }

  /** Boots node N again after killVm (node 2 and up: they connect to node 1's end of the LAN). */
  async restartVm(node: number): Promise<void> {
    if (node === 1) throw new RangeError('node 1 holds the listening end of the LAN: restart the whole cluster instead');
    if (this.#nodes.has(node)) throw new Error(`node ${node} is running`);
    await this.#boot(node, { role: 'connect', port: this.port });
  }

  /**
   * Stops every VM this cluster started, by PID; idempotent. Removes the run directory (its
   * serial logs are the first thing to read when a boot fails) unless kept, or
   * OMTOP_REAL_CLUSTER_KEEP=1.
   */
  async stop(options: { keepRunDir?: boolean } = {}): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const nodes = [...this.#nodes.values()];
    this.#nodes.clear();
    for (const { broker, shell } of nodes) {
      broker.close();
      shell.close();
    }
    const vms = [...this.#vms];
    await Promise.all(vms.map((vm) => stopPid(vm.pid, this.runDir)));
    writeFileSync(join(this.runDir, 'stopped'), '');
    process.removeListener('exit', this.#onExit);
    this.#log(`stopped ${vms.length} VM(s)`);
    const keep = options.keepRunDir ?? process.env.OMTOP_REAL_CLUSTER_KEEP === '1';
    if (keep) this.#log(`run directory kept: ${this.runDir}`);
    else rmSync(this.runDir, { recursive: true, force: true });
  }

  /**
   * Boots a node that connects to node 1's end of the LAN; once again if its VM stopped while
   * booting (seen 2 times in 5 on a loaded host, node 2 only, with QEMU's -no-reboot).
   */
  async #bootConnecting(node: number): Promise<void> {
    try {
      await this.#boot(node, { role: 'connect', port: this.port });
    } catch (error) {
      if (this.#stopped || !/the VM stopped/.test((error as Error).message)) throw error;
      this.#log(`${(error as Error).message}; booting it once more`);
      await this.#boot(node, { role: 'connect', port: this.port });
    }
  }

  async #boot(node: number, lan: LanEnd): Promise<void> {
    if (this.#stopped) throw new Error('the cluster was stopped');
    const started = Date.now();
    const vm = await startVm({ node, images: this.images, runDir: this.runDir, lan });
    this.#vms.add(vm);
    void vm.exited.then(() => this.#vms.delete(vm));
    let shell: GuestShell | null = null;
    try {
      shell = await GuestShell.connect(vm.files.serial, `node ${node}`);
      await shell.waitForText('Initialized CHAOS', this.#bootTimeoutMs);
      await shell.takeOver(() => typeOnConsole(vm.files.monitor, SHELL_TO_SERIAL));
      const socket = join(this.runDir, `${node}.tools`);
      rmSync(socket, { force: true });
      const broker = await serveTools(shell, socket);
      writeWrappers(this.binDir(node), socket, node);
      if (this.#stopped) throw new Error('the cluster was stopped while booting');
      this.#nodes.set(node, { vm, shell, broker });
      this.#log(`node ${node} up in ${((Date.now() - started) / 1000).toFixed(1)} s (QEMU PID ${vm.pid})`);
    } catch (error) {
      shell?.close();
      await stopPid(vm.pid, this.runDir);
      const console = shell ? ` (its serial console last said ${JSON.stringify(shell.bootLog.slice(-200))})` : '';
      throw new Error(`node ${node}: ${(error as Error).message}${console}`);
    }
  }

  /** Last resort on process exit: signal what is left, synchronously. */
  #killNow(): void {
    for (const vm of this.#vms) if (isOurProcess(vm.pid, this.runDir)) process.kill(vm.pid, 'SIGKILL');
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port on 127.0.0.1');
  return address.port;
}

/** True when something listens on 127.0.0.1:port (read from /proc/net/tcp, without connecting: QEMU takes one peer only). */
export function isListening(port: number, table = readFileSync('/proc/net/tcp', 'utf8')): boolean {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return table.split('\n').some((line) => {
    const cells = line.trim().split(/\s+/);
    return cells[1] === local && cells[3] === '0A';
  });
}

function startReaper(runDir: string): void {
  const child = spawn(process.execPath, [REAPER, String(process.pid), runDir], { detached: true, stdio: 'ignore' });
  child.unref();
}
