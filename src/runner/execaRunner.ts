// The real-tools side of the runner seam: execa with argv arrays (never a shell), bounded
// concurrency, and every failure turned into data with one readable line. Each command is bounded
// (see boundedProcess): it ends at its timeout whatever its descendants do, and what it prints is
// capped, so a hostile or broken tool can neither hang a refresh nor fill memory.
import { performance } from 'node:perf_hooks';
import type { CommandFailure, CommandResult, CommandRunner, RunOptions } from './runner.js';
import { abortedResult, emptyCommandResult, exitMessage, missingResult } from './results.js';
import { createSemaphore } from './semaphore.js';
import { runBounded, type BoundedOutcome } from './boundedProcess.js';

/** Far above anything a real tool prints (mps of 10,000 processes is about 1 MB), far below trouble. */
export const DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface ExecaRunnerOptions {
  /** Per-command timeout. @default 2000 */
  readonly timeoutMs?: number;
  /** Commands running at the same time. @default 4 */
  readonly concurrency?: number;
  /** Extra environment, merged over the process's own as it is when the runner is made (tests put fake tools first on PATH). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** stdout and stderr of one command together; more stops it as "output too large". @default DEFAULT_MAX_OUTPUT_BYTES */
  readonly maxOutputBytes?: number;
}

export function createExecaRunner(options: ExecaRunnerOptions = {}): CommandRunner {
  const defaultTimeoutMs = options.timeoutMs ?? 2000;
  const slots = createSemaphore(options.concurrency ?? 4);
  // Merged once: reading process.env is a call into the environment per variable, on every fork.
  const env = { ...process.env, ...options.env };

  return {
    async run(argv: readonly string[], runOptions: RunOptions = {}): Promise<CommandResult> {
      const started = performance.now();
      const [file, ...args] = argv;
      if (file === undefined || file === '') {
        return emptyCommandResult(argv);
      }
      const timeoutMs = runOptions.timeoutMs ?? defaultTimeoutMs;
      const maxOutputBytes = runOptions.maxOutputBytes ?? options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
      const signal = runOptions.signal;
      if (signal?.aborted) return abortedResult(argv);
      const outcome = await slots.use(() => runBounded({
        file, args, timeoutMs, maxOutputBytes, env, ...(signal ? { signal } : {}),
      }));
      return toResult(argv, outcome, timeoutMs, maxOutputBytes, performance.now() - started);
    },
  };
}

function toResult(argv: readonly string[], outcome: BoundedOutcome, timeoutMs: number, maxOutputBytes: number, durationMs: number): CommandResult {
  const { stdout, stderr, exitCode } = outcome;
  const base = { argv, exitCode, stdout, stderr, durationMs };
  const fail = (failure: CommandFailure, message: string): CommandResult => ({ ...base, failure, message });
  const name = argv.join(' ');
  switch (outcome.ending) {
    case 'spawn-error':
      if (outcome.errorCode === 'ENOENT') return missingResult(argv, durationMs);
      return fail('spawn', `${name}: could not start (${outcome.errorCode ?? 'unknown error'})`);
    case 'timeout':
      return fail('timeout', `${name}: timed out after ${seconds(timeoutMs)}`);
    case 'aborted':
      return abortedResult(argv, durationMs);
    case 'too-large':
      return fail('too-large', `${name}: output too large (more than ${megabytes(maxOutputBytes)}), stopped`);
    case 'exit':
      // A non-zero status or a signal is a failure whatever the command printed before it.
      if (outcome.signal !== null) return fail('signal', `${name}: killed by ${outcome.signal}`);
      if (exitCode !== 0) return fail('exit', exitMessage(argv, exitCode ?? -1, stdout, stderr));
      return base;
  }
}

/** 2000 → "2 s", 500 → "0.5 s": the unit a user typed with --timeout. */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

function megabytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(2))} MiB`;
}
