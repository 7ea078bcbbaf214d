// A tool's answer (exit code and its two streams), turned into the runner seam's CommandResult the
// same way the execa runner reports real tools: failures as data with one line for the user.
import { exitMessage } from '../../runner/results.js';
import type { CommandResult } from '../../runner/runner.js';

export interface Reply {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const ok = (stdout = ''): Reply => ({ exitCode: 0, stdout, stderr: '' });
/** Exit 0 with the text on stderr: mosctl's "node down" and "not configured" answers. */
export const errZero = (stderr: string): Reply => ({ exitCode: 0, stdout: '', stderr });
/** Exit 1 with the text on stdout (mosctl's `No such option.`, migrate's usage). */
export const failOut = (stdout: string): Reply => ({ exitCode: 1, stdout, stderr: '' });
/** A non-zero exit with the text on stderr (mosctl's usage, mtop, kill). */
export const failErr = (stderr: string, exitCode = 1): Reply => ({ exitCode, stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n` });

export function toCommandResult(argv: readonly string[], reply: Reply): CommandResult {
  const base = { argv, exitCode: reply.exitCode, stdout: reply.stdout, stderr: reply.stderr, durationMs: 0 };
  if (reply.exitCode === 0) return base;
  return { ...base, failure: 'exit', message: exitMessage(argv, reply.exitCode, reply.stdout, reply.stderr) };
}
