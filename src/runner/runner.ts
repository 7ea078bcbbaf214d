// The one seam every external command goes through: the real tools (execa), the emulated
// cluster and test fakes all implement it, so the same parsers run on all three paths.

/** Why a command did not give usable output. */
export type CommandFailure = 'missing' | 'timeout' | 'exit' | 'signal' | 'spawn' | 'aborted' | 'too-large';

export interface CommandResult {
  /** The argv that ran: argv[0] is the program, never a shell string. */
  readonly argv: readonly string[];
  /** null when the command never ran or was killed. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Absent when the command ran and exited 0. */
  readonly failure?: CommandFailure;
  /** One line for a user, present whenever `failure` is. */
  readonly message?: string;
  readonly durationMs: number;
}

export interface RunOptions {
  /** @default the runner's own timeout (2000 ms for the execa runner) */
  readonly timeoutMs?: number;
  /** stdout and stderr together; more stops the command as "output too large". @default the runner's own cap */
  readonly maxOutputBytes?: number;
  readonly signal?: AbortSignal;
}

export interface CommandRunner {
  run(argv: readonly string[], options?: RunOptions): Promise<CommandResult>;
}
