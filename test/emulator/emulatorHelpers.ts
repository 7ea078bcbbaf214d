// Shared helpers for the emulator tests: a quiet cluster (no surprises unless a test asks) and
// short ways to run a command and look at where processes are.
import { createEmulatedCluster } from '../../src/emulator/cluster.js';
import type { EmulatedCluster, EmulatorOptions, EmulatorProcessView } from '../../src/emulator/types.js';

export const LOCAL = 261;

/** No random failures and no other users' jobs: only what the test does happens. */
export function quietCluster(options: EmulatorOptions = {}): EmulatedCluster {
  return createEmulatedCluster({ failures: false, guestArrivals: false, repeatRender: false, ...options });
}

export async function stdoutOf(cluster: EmulatedCluster, ...argv: string[]): Promise<string> {
  const result = await cluster.run(argv);
  if (result.exitCode !== 0) throw new Error(`${argv.join(' ')} failed: ${result.message ?? ''}`);
  return result.stdout;
}

export function guestsOnLocal(cluster: EmulatedCluster): EmulatorProcessView[] {
  return cluster.inspect().processes.filter((process) => process.node === LOCAL && process.home !== LOCAL);
}

export function processesOfKind(cluster: EmulatedCluster, kind: EmulatorProcessView['kind']): EmulatorProcessView[] {
  return cluster.inspect().processes.filter((process) => process.kind === kind);
}

export function adoptBlenders(cluster: EmulatedCluster, pids: readonly number[]): void {
  pids.forEach((pid, index) => {
    cluster.adoptProcess({ pid, command: `blender -b scene.blend -s ${index * 10 + 1} -e ${index * 10 + 10} -a` });
  });
}

/** Node id → how many of `pids` run there. */
export function placement(cluster: EmulatedCluster, pids: readonly number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const process of cluster.inspect().processes) {
    if (pids.includes(process.pid)) counts[process.node] = (counts[process.node] ?? 0) + 1;
  }
  return counts;
}
