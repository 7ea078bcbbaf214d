// The commands omtop sends to a cluster, as plain values: cluster/argv.ts turns each into the
// argv of the real tool, and a backend reports how it went as a CommandOutcome.

import type { NodeFlag } from '../../parsers/nodeFlags.js';

export type { NodeFlag };
export type SignalName = 'TERM' | 'KILL' | 'STOP' | 'CONT';
/** Where `migrate` sends a process: a node number, its home, or wherever the balancer likes. */
export type MigrateTarget = number | 'home' | 'balance';

export type OpenMosixCommand =
  | { readonly type: 'expel' }
  | { readonly type: 'bring' }
  | { readonly type: 'migrate'; readonly pid: number; readonly to: MigrateTarget }
  | { readonly type: 'setFlag'; readonly flag: NodeFlag; readonly on: boolean }
  | { readonly type: 'signal'; readonly pid: number; readonly signal: SignalName };

/** What a Slurm cluster lets a user do: nodes by name, jobs by id (`123`, `123_4`, `123_[5-8]`). */
export type SlurmCommand =
  | { readonly type: 'drain'; readonly node: string; readonly reason: string }
  | { readonly type: 'resume'; readonly node: string }
  | { readonly type: 'requeue'; readonly job: string }
  | { readonly type: 'cancel'; readonly job: string }
  | { readonly type: 'jobSignal'; readonly job: string; readonly signal: SignalName }
  | { readonly type: 'hold'; readonly job: string }
  | { readonly type: 'release'; readonly job: string };

export type ClusterCommand = OpenMosixCommand | SlurmCommand;

const SLURM_COMMANDS: ReadonlySet<string> = new Set(['drain', 'resume', 'requeue', 'cancel', 'jobSignal', 'hold', 'release']);

export function isSlurmCommand(command: ClusterCommand): command is SlurmCommand {
  return SLURM_COMMANDS.has(command.type);
}

export interface CommandOutcome {
  readonly command: ClusterCommand;
  readonly ok: boolean;
  /** One line for the status bar: "expel: ok" or the tool's own error. */
  readonly message: string;
  readonly argv?: readonly string[];
}
