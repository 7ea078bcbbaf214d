// One blender child: spawned from an argv array (never a shell) in its own process group, its
// stdout+stderr appended line by line to the part's log file and parsed, watched for silence. A
// render worker (see blenderWorker) also gets a stdin pipe for its commands, and a watchdog it arms
// only while it has work, since a worker waiting for its next frame is silent by design.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseBlenderLine, type BlenderLogEvent } from '../../parsers/blenderLog.js';
import { signalGroup } from './processGroup.js';
import { openPartLog } from './partLog.js';

export interface PartProcessOptions {
  /** argv[0] is the blender program. */
  readonly argv: readonly string[];
  /** The log file, or its promise when the process starts before its log's folder is known (see partLog). */
  readonly logFile: string | Promise<string>;
  /** Kill the process when it prints nothing for this long while watched; 0 turns the watchdog off. */
  readonly stallTimeoutMs: number;
  readonly onEvent?: (event: BlenderLogEvent) => void;
  /** Every line as printed, before it is parsed (a worker's answers). */
  readonly onLine?: (line: string) => void;
  /** Give the process a stdin pipe for `send` (otherwise stdin is /dev/null). */
  readonly input?: boolean;
}

export interface PartProcessResult {
  readonly pid: number | null;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Killed by the no-output watchdog. */
  readonly stalled: boolean;
  /** Why it could not be started at all (ENOENT…). */
  readonly spawnError: string | null;
  /** Error lines blender printed, in order. */
  readonly errors: readonly string[];
}

export interface RunningPartProcess {
  readonly pid: number | null;
  readonly result: Promise<PartProcessResult>;
  /** Signals the process group; false when it was already gone. */
  kill(signal: NodeJS.Signals): boolean;
  /** Writes to the process's stdin (with `input`); false when it is closed or the process is gone. */
  send(text: string): boolean;
  /** Closes the process's stdin: a worker reads that as "quit". */
  closeInput(): void;
  /** Arms (true) or disarms (false) the no-output watchdog; it starts armed. */
  watch(on: boolean): void;
}

export function startPartProcess(options: PartProcessOptions): RunningPartProcess {
  const [program, ...args] = options.argv;
  const errors: string[] = [];
  // A log that cannot be written must not stop the render; the failure is reported with the part's errors.
  const log = openPartLog(options.logFile, (message) => errors.push(`omtop: ${message}`));
  log.write(`# omtop: ${new Date().toISOString()} ${JSON.stringify(options.argv)}\n`);
  const child = spawn(program ?? 'blender', args, { detached: true, stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  const pid = child.pid ?? null;
  let stalled = false;
  let spawnError: string | null = null;
  let watched = true;
  let exited = false;
  let inputOpen = child.stdin !== null;
  let watchdog: NodeJS.Timeout | undefined;
  // A worker killed between two frames makes the next write fail with EPIPE: the exit reports it.
  child.stdin?.on('error', () => {
    inputOpen = false;
  });

  const kill = (signal: NodeJS.Signals): boolean => (pid === null ? false : signalGroup(pid, signal));
  const feedWatchdog = (): void => {
    clearTimeout(watchdog);
    if (options.stallTimeoutMs <= 0 || !watched || exited) return;
    watchdog = setTimeout(() => {
      stalled = true;
      log.write(`# omtop: no output for ${options.stallTimeoutMs / 1000} s, killing process group ${pid}\n`);
      kill('SIGKILL');
    }, options.stallTimeoutMs);
  };

  const readLines = (stream: NodeJS.ReadableStream): void => {
    stream.on('data', feedWatchdog);
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      log.write(`${line}\n`);
      options.onLine?.(line);
      const event = parseBlenderLine(line);
      if (event.kind === 'error') errors.push(event.message);
      options.onEvent?.(event);
    });
  };
  if (child.stdout !== null) readLines(child.stdout);
  if (child.stderr !== null) readLines(child.stderr);
  feedWatchdog();

  const result = (async (): Promise<PartProcessResult> => {
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
      child.on('close', (code, closeSignal) => resolve([code, closeSignal]));
      // A failed spawn (ENOENT, EACCES) may never emit 'close'.
      child.on('error', (error) => {
        spawnError = error.message;
        if (pid === null) resolve([null, null]);
      });
    });
    exited = true;
    clearTimeout(watchdog);
    inputOpen = false;
    log.write(`# omtop: exit code ${exitCode ?? '-'} signal ${signal ?? '-'}${stalled ? ' (stalled)' : ''}\n`);
    await log.end();
    return { pid, exitCode, signal, stalled, spawnError, errors };
  })();

  return {
    pid,
    result,
    kill,
    send: (text) => {
      if (!inputOpen || child.stdin === null) return false;
      child.stdin.write(text);
      return true;
    },
    closeInput: () => {
      inputOpen = false;
      child.stdin?.end();
    },
    watch: (on) => {
      watched = on;
      feedWatchdog();
    },
  };
}
