// Keeps a failing stdout or stderr from ending omtop with Node's "Unhandled 'error' event" stack
// trace: `omtop parse mps big | head` closes the pipe (EPIPE), `> /dev/full` runs out of space.
// Crashing there would also orphan a render's blender parts instead of letting the job finish.
import type { Writable } from 'node:stream';
import { ioErrorLine } from './errorLine.js';

const guarded = new WeakSet<Writable>();

/**
 * Handles `stream`'s first write error: a reader that went away (EPIPE) is not a failure, as with
 * any Unix filter; anything else is reported once through `report` (null: nowhere left to say it).
 */
export function guardOutput(stream: Writable, report: ((reason: string) => void) | null): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  let failed = false;
  stream.on('error', (error: Error) => {
    if (failed) return;
    failed = true;
    if ((error as NodeJS.ErrnoException).code === 'EPIPE' || report === null) return;
    report(ioErrorLine(error));
  });
}

/** The output is lost, so a run that otherwise succeeded must not exit 0. */
export function exitNonZeroAtExit(): void {
  process.once('exit', (code) => {
    if (code === 0) process.exitCode = 1;
  });
}
