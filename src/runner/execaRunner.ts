// The real-tools side of the runner seam: execa with argv arrays (never a shell), a timeout
// that kills, bounded concurrency, and every failure turned into data with one readable line.
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import type { CommandFailure, CommandResult, CommandRunner, RunOptions } from './runner.js';
import { abortedResult, emptyCommandResult, exitMessage, missingResult } from './results.js';
import { createSemaphore } from './semaphore.js';

export interface ExecaRunnerOptions {
  /** Per-command timeout. @default 2000 */
  readonly timeoutMs?: number;
  /** Commands running at the same time. @default 4 */
  readonly concurrency?: number;
  /** Extra environment, merged over the process's own (tests put fake tools first on PATH). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** What execa reports about a finished or failed subprocess (the fields we read). */
interface Outcome {
  readonly exitCode?: number;
  readonly stdout?: unknown;
  readonly stderr?: unknown;
  readonly failed: boolean;
  readonly timedOut: boolean;
  readonly isCanceled: boolean;
  readonly signal?: string;
  readonly code?: string;
}

export function createExecaRunner(options: ExecaRunnerOptions = {}): CommandRunner {
  const defaultTimeoutMs = options.timeoutMs ?? 2000;
  const slots = createSemaphore(options.concurrency ?? 4);

  return {
    async run(argv: readonly string[], runOptions: RunOptions = {}): Promise<CommandResult> {
      const started = performance.now();
      const [file, ...args] = argv;
      if (file === undefined || file === '') {
        return emptyCommandResult(argv);
      }
      const timeoutMs = runOptions.timeoutMs ?? defaultTimeoutMs;
      const signal = runOptions.signal;
      if (signal?.aborted) return abortedResult(argv);
      const outcome: Outcome = await slots.use(async () => {
        const subprocess = execa(file, args, {
          reject: false,
          timeout: timeoutMs,
          stdin: 'ignore',
          stripFinalNewline: false,
          // A wedged tool ignoring SIGTERM still dies shortly after the timeout.
          forceKillAfterDelay: 500,
          // Its own process group, so that a timeout also ends what it started (below).
          detached: true,
          ...(signal ? { cancelSignal: signal } : {}),
          ...(options.env ? { env: options.env } : {}),
        });
        // The tools are often scripts (the `openmosix` init script runs setpe): killing the script
        // alone leaves its hung child holding our pipe, and the refresh would wait for it forever.
        const killGroup = (): void => killProcessGroup(subprocess.pid);
        const timer = setTimeout(killGroup, timeoutMs);
        signal?.addEventListener('abort', killGroup, { once: true });
        try {
          return await subprocess;
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', killGroup);
        }
      });
      return toResult(argv, outcome, timeoutMs, performance.now() - started);
    },
  };
}

function toResult(argv: readonly string[], outcome: Outcome, timeoutMs: number, durationMs: number): CommandResult {
  const stdout = text(outcome.stdout);
  const stderr = text(outcome.stderr);
  const exitCode = outcome.exitCode ?? null;
  const base = { argv, exitCode, stdout, stderr, durationMs };
  if (!outcome.failed) return base;
  const fail = (failure: CommandFailure, message: string): CommandResult => ({ ...base, failure, message });
  const name = argv.join(' ');
  if (outcome.code === 'ENOENT') return { ...missingResult(argv, durationMs), stdout, stderr };
  if (outcome.timedOut) return fail('timeout', `${name}: timed out after ${seconds(timeoutMs)}`);
  if (outcome.isCanceled) return abortedResult(argv, durationMs);
  if (exitCode !== null && exitCode !== 0) return fail('exit', exitMessage(argv, exitCode, stdout, stderr));
  if (outcome.signal) return fail('signal', `${name}: killed by ${outcome.signal}`);
  return fail('spawn', `${name}: could not start (${outcome.code ?? 'unknown error'})`);
}

function text(output: unknown): string {
  return typeof output === 'string' ? output : '';
}

/** 2000 → "2 s", 500 → "0.5 s": the unit a user typed with --timeout. */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

function killProcessGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    // ESRCH: the group is already gone, which is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
