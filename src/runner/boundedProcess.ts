// One external command, bounded whatever it and its descendants do: it ends at its deadline (or
// when aborted, or when its output passes the cap), omtop never waits on its pipes past that, and
// what is left of it — its process group, and any descendant that left the group but still holds
// its output pipe (`setsid sleep 1000 &`) — is killed.
import type { Readable } from 'node:stream';
import { execa } from 'execa';
import { killTagged, newRunTag, RUN_TAG_VARIABLE } from './runTag.js';

export interface BoundedCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly timeoutMs: number;
  /** stdout and stderr together. */
  readonly maxOutputBytes: number;
  readonly signal?: AbortSignal;
  /** The command's whole environment (the run tag is added to it); absent: the process's own. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** How the run ended: the command exited, or omtop stopped it (deadline, abort, output cap), or it never started. */
export type Ending = 'exit' | 'timeout' | 'aborted' | 'too-large' | 'spawn-error';

export interface BoundedOutcome {
  readonly ending: Ending;
  /** Present when the command exited by itself. */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The errno code of a spawn error (ENOENT…). */
  readonly errorCode: string | null;
}

/**
 * After the command itself has exited, its output still in the pipe arrives within moments; a pipe
 * that stays open longer is held by a descendant, whose output is not the command's.
 */
const DRAIN_AFTER_EXIT_MS = 500;
/** After the kill, how long the pipes get to close before their holders are looked for. */
const CLOSE_AFTER_KILL_MS = 200;

export function runBounded(command: BoundedCommand): Promise<BoundedOutcome> {
  return new Promise((resolve) => {
    const tag = newRunTag();
    const subprocess = execa(command.file, [...command.args], {
      reject: false,
      buffer: false,
      stdin: 'ignore',
      // Its own process group, so that a stop also ends what it started.
      detached: true,
      // The whole environment comes ready (execa would copy process.env on every command).
      extendEnv: false,
      env: { ...(command.env ?? process.env), [RUN_TAG_VARIABLE]: tag },
    });
    const streams = [subprocess.stdout, subprocess.stderr].filter((stream): stream is Readable => stream !== null);
    const chunks: Buffer[][] = [[], []];
    const open = new Set<Readable>(streams);
    let bytes = 0;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let settled = false;
    let drainTimer: NodeJS.Timeout | undefined;

    const finish = (ending: Ending, errorCode: string | null = null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(drainTimer);
      command.signal?.removeEventListener('abort', onAbort);
      const keep = ending !== 'too-large';
      const text = (i: number): string => (keep ? Buffer.concat(chunks[i] ?? []).toString('utf8') : '');
      resolve({
        ending, errorCode,
        exitCode: ending === 'exit' ? exit?.code ?? null : null,
        signal: ending === 'exit' ? exit?.signal ?? null : null,
        stdout: text(0), stderr: text(1),
      });
      chunks[0] = [];
      chunks[1] = [];
      if (ending !== 'exit' || open.size > 0) stopLeftovers(subprocess.pid, exit === null, open, tag);
    };
    const onAbort = (): void => finish('aborted');
    const deadline = setTimeout(() => finish(exit === null ? 'timeout' : 'exit'), command.timeoutMs);
    if (command.signal?.aborted) {
      queueMicrotask(onAbort);
    } else {
      command.signal?.addEventListener('abort', onAbort, { once: true });
    }

    streams.forEach((stream, i) => {
      stream.on('data', (data: Buffer | string) => {
        const chunk = typeof data === 'string' ? Buffer.from(data) : data;
        if (settled) return;
        bytes += chunk.length;
        if (bytes > command.maxOutputBytes) {
          finish('too-large');
          return;
        }
        chunks[i]?.push(chunk);
      });
      stream.on('end', () => {
        open.delete(stream);
        if (exit !== null && open.size === 0) finish('exit');
      });
      // A destroyed or broken pipe ends the reading; what arrived stands.
      stream.on('error', () => open.delete(stream));
    });
    subprocess.on('error', (error: NodeJS.ErrnoException) => {
      if (subprocess.pid === undefined) finish('spawn-error', error.code ?? null);
    });
    subprocess.on('exit', (code, signal) => {
      exit = { code, signal };
      if (open.size === 0) {
        finish('exit');
        return;
      }
      // One more turn of the event loop after the drain time, so output that was waiting in the
      // pipe while the loop was busy is read before it is judged complete.
      drainTimer = setTimeout(() => setImmediate(() => finish('exit')), DRAIN_AFTER_EXIT_MS);
    });
    // The outcome comes from the events above; with reject: false the promise itself never rejects.
    void subprocess;
  });
}

/**
 * Kills the command's process group (when it may still run), gives its pipes a moment to close,
 * then kills whatever else still holds them — a descendant that left the group — and stops reading.
 */
function stopLeftovers(pid: number | undefined, running: boolean, open: Set<Readable>, tag: string): void {
  if (pid !== undefined && (running || open.size > 0)) signalGroup(pid);
  const stop = (): void => {
    const holders = [...open];
    open.clear();
    for (const stream of holders) stream.destroy();
    if (holders.length > 0) void killTagged(tag);
  };
  if (open.size === 0) return;
  const timer = setTimeout(stop, CLOSE_AFTER_KILL_MS);
  for (const stream of open) {
    stream.once('close', () => {
      open.delete(stream);
      if (open.size === 0) clearTimeout(timer);
    });
  }
}

function signalGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    // ESRCH: the group is already gone, which is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
