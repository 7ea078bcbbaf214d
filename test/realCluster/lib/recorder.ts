// Records what a running real cluster prints into a fixture folder: per command its stdout and
// stderr byte for byte and its exit status (commands/<scenario>/<name>.stdout|.stderr, listed
// in captures.json), and copies of /proc/hpc (proc-hpc/<scenario>/nodes/N/*, admin/*).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RealCluster } from './cluster.js';
import type { GuestResult } from './guestProtocol.js';
import { guestCommand } from './tools.js';

export interface CaptureEntry {
  readonly scenario: string;
  readonly name: string;
  /** The node whose tools ran it. */
  readonly node: number;
  /** As a host program runs it through the wrappers (`openmosix status`, not `setpe -r`). */
  readonly argv: readonly string[];
  readonly exitCode: number;
  readonly stdoutBytes: number;
  readonly stderrBytes: number;
}

export interface HpcFileEntry {
  readonly scenario: string;
  readonly node: number;
  /** Relative to /proc/hpc, e.g. nodes/2/load. */
  readonly path: string;
  /** null when the kernel refused the read (admin files that are write-only); `error` says how. */
  readonly bytes: number | null;
  readonly error?: string;
}

export interface CaptureIndex {
  readonly recordedAt: string;
  readonly cluster: string;
  readonly commands: CaptureEntry[];
  readonly procHpc: HpcFileEntry[];
  /** What was true when a scenario was recorded (PIDs and where they ran), checked independently of the tools' text. */
  readonly facts: Record<string, Record<string, unknown>>;
}

export class Recorder {
  readonly index: CaptureIndex = {
    recordedAt: new Date().toISOString(),
    cluster: 'two CHAOS 1.5 VMs in QEMU (Linux 2.4.26-om, openMosix 1.8.1, openmosix-tools 0.3.6), nodes 1 (10.0.0.1) and 2 (10.0.0.2)',
    commands: [],
    procHpc: [],
    facts: {},
  };

  constructor(
    private readonly cluster: RealCluster,
    private readonly outDir: string,
  ) {}

  /** Runs a wrapped tool on `node` exactly as its wrapper would, and records the result as `name`. */
  async command(scenario: string, name: string, node: number, argv: readonly string[]): Promise<GuestResult> {
    if (!/^[a-z0-9-]+$/.test(name) || this.index.commands.some((entry) => entry.scenario === scenario && entry.name === name)) {
      throw new Error(`bad or repeated capture name ${scenario}/${name}`);
    }
    const command = guestCommand(argv[0] ?? '', argv.slice(1));
    if (!command.ok) throw new Error(`${argv.join(' ')}: ${command.stderr.trim()}`);
    const result = await this.cluster.run(node, command.argv);
    const base = join(this.outDir, 'commands', scenario, name);
    this.#write(`${base}.stdout`, result.stdout);
    this.#write(`${base}.stderr`, result.stderr);
    this.index.commands.push({ scenario, name, node, argv: [...argv], exitCode: result.exitCode, stdoutBytes: result.stdout.length, stderrBytes: result.stderr.length });
    return result;
  }

  /** Copies every readable file of node N's /proc/hpc/nodes/*\/ and /proc/hpc/admin/. */
  async procHpc(scenario: string, node: number): Promise<void> {
    const listing = await this.cluster.text(node, ['/bin/sh', '-c', 'cd /proc/hpc && for f in nodes/*/* admin/*; do echo $f; done']);
    for (const path of listing.split('\n').filter((line) => /^(nodes\/\d+|admin)\/[a-z]+$/.test(line))) {
      const result = await this.cluster.run(node, ['/bin/cat', `/proc/hpc/${path}`]);
      const ok = result.exitCode === 0 && result.stderr.length === 0;
      if (ok) this.#write(join(this.outDir, 'proc-hpc', scenario, path), result.stdout);
      const entry: HpcFileEntry = ok
        ? { scenario, node, path, bytes: result.stdout.length }
        : { scenario, node, path, bytes: null, error: `${result.stderr.toString('latin1').trim()} (exit ${result.exitCode})` };
      this.index.procHpc.push(entry);
    }
  }

  fact(scenario: string, key: string, value: unknown): void {
    (this.index.facts[scenario] ??= {})[key] = value;
  }

  save(): void {
    this.#write(join(this.outDir, 'captures.json'), Buffer.from(`${JSON.stringify(this.index, null, 2)}\n`));
  }

  #write(file: string, bytes: Buffer): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
}
