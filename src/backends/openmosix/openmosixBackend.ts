// The real cluster: node list, per-node readings and processes, from /proc/hpc where it exists
// and from the openMosix tools otherwise, all through the command-runner seam. Every failure is
// a line in snapshot.errors and a stale mark on its node; collect never rejects.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CommandOutcome, type ClusterCommand, isSlurmCommand } from '../../cluster/commands.js';
import { validateAndFreeze, failedSnapshot } from '../../model/validateSnapshot.js';
import { errorLine } from '../../errorLine.js';
import type { ClusterSnapshot, SourceError } from '../../model/snapshot.js';
import type { CommandRunner } from '../../runner/runner.js';
import type { Backend, CollectContext } from '../backend.js';
import { refuse, runCommand } from '../runCommand.js';
import { HpcNodeReader } from './hpcNodes.js';
import { ForkCost, loadsPerTick } from './forkBudget.js';
import { MosctlNodeReader, type MosctlRefresh } from './mosctlNodes.js';
import { NodeBook } from './nodeBook.js';
import { NodeDirectory } from './nodeDirectory.js';
import { ProcessSource } from './processSource.js';

export interface OpenMosixBackendOptions {
  readonly runner: CommandRunner;
  /**
   * Read node data from here instead of forking mosctl; null: never.
   * @default '/proc/hpc' when it has a nodes directory (openMosix 2.4), else null
   */
  readonly hpcRoot?: string | null;
  /** @default Date.now (the demo passes the emulator's clock) */
  readonly now?: () => number;
  /** How long the node list from `setpe -r` is kept. @default 30000 */
  readonly nodeListTtlMs?: number;
  readonly refresh?: MosctlRefresh;
  /**
   * mosctl path: node-reading commands per second of refresh interval; a tick forks at most this
   * times the interval, counting `mps` and `setpe -r` (see forkBudget.ts). Infinity: no cap.
   * @default DEFAULT_FORKS_PER_SECOND (50)
   */
  readonly forksPerSecond?: number;
  /** The interval a tick's budget is sized by when collect is not told it (--once). @default 2000 */
  readonly intervalMs?: number;
  /**
   * Wall clock (ms) that times each tick's forks, so the budget follows what a fork really costs
   * (omtop passes performance.now). Without it the budget is the rate's alone: what tests use, so
   * that a busy machine cannot change what they count.
   */
  readonly wallNow?: () => number;
  /** @default 'openmosix' */
  readonly name?: 'openmosix' | 'demo';
}

export function createOpenMosixBackend(options: OpenMosixBackendOptions): Backend {
  const forks = countingRunner(options.runner);
  const runner: CommandRunner = forks;
  const name = options.name ?? 'openmosix';
  const now = options.now ?? Date.now;
  const hpcRoot = options.hpcRoot === undefined ? defaultHpcRoot() : options.hpcRoot;
  const book = new NodeBook();
  const directory = new NodeDirectory({ runner, hpcRoot, ttlMs: options.nodeListTtlMs ?? 30_000 });
  const mosctl = new MosctlNodeReader(runner, book, options.refresh);
  const hpc = hpcRoot === null ? null : new HpcNodeReader(hpcRoot, book, options.refresh?.slowMs);
  const processes = new ProcessSource(runner);
  const forkCost = new ForkCost();
  const wallNow = options.wallNow ?? null;

  const collect = async (signal?: AbortSignal, context?: CollectContext): Promise<ClusterSnapshot> => {
    const takenAt = now();
    const errors: SourceError[] = [];
    try {
      const before = forks.count;
      const started = wallNow?.() ?? 0;
      const intervalMs = context?.intervalMs ?? options.intervalMs ?? 2000;
      // Addresses the map lacks (mosctl whois N) take at most a quarter of the rate's forks.
      const list = await directory.read(takenAt, errors, signal, Math.max(1, Math.floor(forkCost.budget(intervalMs, options.forksPerSecond) / 4)));
      const localNode = list.localNode ?? 0;
      // The budget for this map's size; what the node list forked this tick (setpe -r every 30 s)
      // and mps (one, below) come first. A rate the user set is a cap: only the default is raised
      // for a 5 s round of a big map (refreshBudget).
      const raiseFor = options.forksPerSecond === undefined ? list.nodes.length : 0;
      const budget = forkCost.budget(intervalMs, options.forksPerSecond, raiseFor, wallNow === null) - (forks.count - before) - 1;
      const readNodes = hpc !== null
        ? hpc.read(list.nodes, list.localNode, takenAt, errors)
        : mosctl.read(list.nodes, takenAt, errors, signal, Math.max(1, budget), loadsPerTick(list.nodes.length, intervalMs));
      const [, procs] = await Promise.all([readNodes, processes.read(localNode, errors, signal)]);
      if (wallNow !== null && !signal?.aborted) forkCost.observe(forks.count - before, wallNow() - started);
      return validateAndFreeze({ takenAt, backend: name, localNode, nodes: book.toSnapshots(list.nodes, localNode), processes: procs, errors });
    } catch (error) {
      return failedSnapshot(name, takenAt, [...errors, { source: `${name} backend`, message: errorLine(error) }]);
    }
  };

  return {
    name,
    collect,
    async perform(command: ClusterCommand): Promise<CommandOutcome> {
      if (isSlurmCommand(command)) return refuse(command, name);
      const result = await runCommand(runner, command);
      // expel sets block and bring sets lstay on the real cluster: read the flags again at once.
      if (result.ok && (command.type === 'setFlag' || command.type === 'expel' || command.type === 'bring')) mosctl.flagsChanged();
      return result;
    },
    close: () => Promise.resolve(),
  };
}

/** openMosix 2.6 and LinuxPMI have /proc/hpc/admin but no nodes: only 2.4's tree can replace mosctl. */
export function defaultHpcRoot(root = '/proc/hpc'): string | null {
  return existsSync(join(root, 'nodes')) ? root : null;
}

/** The runner, counting the commands it is given (the tick's budget subtracts what the node list took). */
function countingRunner(inner: CommandRunner): CommandRunner & { readonly count: number } {
  let count = 0;
  return {
    get count() {
      return count;
    },
    run(argv, runOptions) {
      count += 1;
      return inner.run(argv, runOptions);
    },
  };
}
