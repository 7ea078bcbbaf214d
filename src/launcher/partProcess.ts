// One blender child: spawned from an argv array (never a shell) in its own process group, its
// stdout+stderr appended to the part's log file and parsed line by line, watched for silence.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseBlenderLine, type BlenderLogEvent } from '../../parsers/blenderLog.js';
import { signalGroup } from './processGroup.js';

export interface PartProcessOptions {
  /** argv[0] is the blender program. */
  readonly argv: readonly string[];
  readonly logFile: string;
  /** Kill the process when it prints nothing for this long; 0 turns the watchdog off. */
  readonly stallTimeoutMs: number;
  readonly onEvent?: (event: BlenderLogEvent) => void;
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
}

export function startPartProcess(options: PartProcessOptions): RunningPartProcess {
  const [program, ...args] = options.argv;
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const errors: string[] = [];
  // A log that cannot be written must not stop the render; the failure is reported with the part's errors.
  log.on('error', (error) => errors.push(`omtop: cannot write ${options.logFile}: ${error.message}`));
  const logClosed = new Promise<void>((resolve) => log.on('close', resolve));
  log.write(`# omtop: ${new Date().toISOString()} ${JSON.stringify(options.argv)}\n`);
  const child = spawn(program ?? 'blender', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid ?? null;
  let stalled = false;
  let spawnError: string | null = null;
  let watchdog: NodeJS.Timeout | undefined;

  const kill = (signal: NodeJS.Signals): boolean => (pid === null ? false : signalGroup(pid, signal));
  const feedWatchdog = (): void => {
    if (options.stallTimeoutMs <= 0) return;
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      stalled = true;
      log.write(`# omtop: no output for ${options.stallTimeoutMs / 1000} s, killing process group ${pid}\n`);
      kill('SIGKILL');
    }, options.stallTimeoutMs);
  };

  const readLines = (stream: NodeJS.ReadableStream): void => {
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      feedWatchdog();
    });
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      const event = parseBlenderLine(line);
      if (event.kind === 'error') errors.push(event.message);
      options.onEvent?.(event);
    });
  };
  readLines(child.stdout);
  readLines(child.stderr);
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
    clearTimeout(watchdog);
    log.write(`# omtop: exit code ${exitCode ?? '-'} signal ${signal ?? '-'}${stalled ? ' (stalled)' : ''}\n`);
    log.end();
    await logClosed;
    return { pid, exitCode, signal, stalled, spawnError, errors };
  })();

  return { pid, result, kill };
}
