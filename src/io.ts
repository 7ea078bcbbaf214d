// The process's outside world as a value, so commands can be run and tested in-process.
import type { Readable, Writable } from 'node:stream';
import { exitNonZeroAtExit, guardOutput } from './outputGuard.js';

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
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Thrown by option parsing; main prints `omtop: <message>` and exits with `exitCode`. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}
