// A tool's answer (exit code and its two streams), turned into the runner seam's CommandResult the
// same way the execa runner reports real tools: failures as data with one line for the user.
import type { CommandResult } from '../../runner/runner.js';

export interface Reply {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const ok = (stdout = ''): Reply => ({ exitCode: 0, stdout, stderr: '' });
/** Exit 1 with the text on stdout (mosctl prints its complaints with printf). */
export const failOut = (stdout: string): Reply => ({ exitCode: 1, stdout, stderr: '' });
/** Exit 1 with one line on stderr (migrate, kill). */
export const failErr = (message: string): Reply => ({ exitCode: 1, stdout: '', stderr: `${message}\n` });

export function toCommandResult(argv: readonly string[], reply: Reply): CommandResult {
  const base = { argv, exitCode: reply.exitCode, stdout: reply.stdout, stderr: reply.stderr, durationMs: 0 };
  if (reply.exitCode === 0) return base;
  const message = firstLine(reply.stderr) ?? firstLine(reply.stdout) ?? `${argv.join(' ')}: exited with status ${reply.exitCode}`;
  return { ...base, failure: 'exit', message };
}

export function missingResult(argv: readonly string[]): CommandResult {
  return { argv, exitCode: null, stdout: '', stderr: '', failure: 'missing', message: `${argv[0] ?? ''}: command not found`, durationMs: 0 };
}

export function abortedResult(argv: readonly string[]): CommandResult {
  return { argv, exitCode: null, stdout: '', stderr: '', failure: 'aborted', message: `${argv.join(' ')}: cancelled`, durationMs: 0 };
}

export function emptyCommandResult(argv: readonly string[]): CommandResult {
  return { argv, exitCode: null, stdout: '', stderr: '', failure: 'spawn', message: 'empty command', durationMs: 0 };
}

function firstLine(text: string): string | undefined {
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '');
}
