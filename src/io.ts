// The process's outside world as a value, so commands can be run and tested in-process.
import { Writable, type Readable } from 'node:stream';
import { exitNonZeroAtExit, guardOutput } from './outputGuard.js';
import { terminalSafeLines } from './text/terminalSafe.js';

export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable;
  readonly stdin: Readable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function processIo(): CliIo {
  guardOutput(process.stdout, (reason) => {
    process.stderr.write(`omtop: cannot write to stdout: ${reason}\n`);
    exitNonZeroAtExit();
  });
  guardOutput(process.stderr, null);
  return { stdout: process.stdout, stderr: terminalSafeStream(process.stderr), stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/**
 * stderr only ever carries omtop's own lines, which quote tool output, file names and blender's
 * errors: whatever they quote is made terminal-safe on its way out, on every path at once.
 */
export function terminalSafeStream(target: Writable): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback): void {
      // A failing target reports through its own guard (outputGuard), not through this stream.
      target.write(terminalSafeLines(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
      callback();
    },
  });
}

/** Thrown by option parsing; main prints `omtop: <message>` and exits with `exitCode`. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}
