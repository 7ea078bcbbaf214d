// The CommandRunner seam for a synthetic cluster of any size (the emulator models the tutorial's
// four nodes only): answers setpe -r, mosctl and mps auxww with the emulator's own text printers
// (the real tools' formats), counts every call as one fork, and times itself so a benchmark can
// take the tools' own cost out of omtop's.
import { performance } from 'node:perf_hooks';
import {
  printFreeMemory, printGetload, printGetspeed, printGetutil, printIsup, printMpsAux, printRawFreeMemory, printSetpe,
  printStatus, printWhoisSelf,
} from '../src/emulator/index.js';
import type { CommandResult, CommandRunner } from '../src/runner/runner.js';
import { type SyntheticCluster, toMpsRows, toOpenMosixStatus } from './gen/syntheticCluster.js';

export interface CallCounts {
  /** Every command, by program name (argv[0]). */
  readonly byProgram: ReadonlyMap<string, number>;
  readonly total: number;
}

export interface ScaledClusterRunner extends CommandRunner {
  counts(): CallCounts;
  /** Milliseconds spent producing the tools' text (stands in for the tools themselves). */
  toolMs(): number;
  resetCounts(): void;
}

const FLAGS_OFF = { stay: false, lstay: false, block: false, quiet: false, nomfs: false };

export function createScaledClusterRunner(cluster: SyntheticCluster): ScaledClusterRunner {
  const byProgram = new Map<string, number>();
  let total = 0;
  let spentMs = 0;

  const answer = (argv: readonly string[]): string | null => {
    const [program, command, nodeWord] = argv;
    if (program === 'setpe' && command === '-r') return printSetpe(toOpenMosixStatus(cluster));
    if (program === 'mps') return printMpsAux(toMpsRows(cluster));
    if (program !== 'mosctl') return null;
    if (command === 'whois' && nodeWord === undefined) return printWhoisSelf(cluster.localNode);
    const id = nodeWord === undefined ? cluster.localNode : Number(nodeWord);
    const node = cluster.nodes.find((candidate) => candidate.id === id);
    if (!node) return null;
    switch (command) {
      case 'getload': return printGetload(node.load);
      case 'getspeed': return printGetspeed(node.speed);
      case 'getutil': return printGetutil(node.util, 1);
      case 'getmem': return printFreeMemory(node.memFreeBytes, node.memTotalBytes);
      case 'getfree': return printRawFreeMemory(node.memFreeBytes, node.memTotalBytes);
      case 'isup': return printIsup(true);
      case 'status': return printStatus(true, FLAGS_OFF);
      default: return null;
    }
  };

  return {
    run(argv): Promise<CommandResult> {
      const started = performance.now();
      const program = argv[0] ?? '';
      byProgram.set(program, (byProgram.get(program) ?? 0) + 1);
      total += 1;
      const stdout = answer(argv);
      spentMs += performance.now() - started;
      if (stdout === null) {
        return Promise.resolve({ argv, exitCode: 1, stdout: '', stderr: `${argv.join(' ')}: not emulated\n`, failure: 'exit', message: `${argv.join(' ')}: not emulated`, durationMs: 0 });
      }
      return Promise.resolve({ argv, exitCode: 0, stdout, stderr: '', durationMs: 0 });
    },
    counts: () => ({ byProgram: new Map(byProgram), total }),
    toolMs: () => spentMs,
    resetCounts() {
      byProgram.clear();
      total = 0;
      spentMs = 0;
    },
  };
}
