// How every CommandRunner (the real tools through execa, the emulated cluster) reports a command
// that did not give usable output: the same failure kinds and the same one line for the user.
import { constants } from 'node:os';
import type { CommandResult } from './runner.js';

function noOutput(argv: readonly string[], durationMs: number): Omit<CommandResult, 'failure' | 'message'> {
  return { argv, exitCode: null, stdout: '', stderr: '', durationMs };
}

export function missingResult(argv: readonly string[], durationMs = 0): CommandResult {
  return { ...noOutput(argv, durationMs), failure: 'missing', message: `${argv[0] ?? ''}: command not found` };
}

export function abortedResult(argv: readonly string[], durationMs = 0): CommandResult {
  return { ...noOutput(argv, durationMs), failure: 'aborted', message: `${argv.join(' ')}: cancelled` };
}

export function emptyCommandResult(argv: readonly string[]): CommandResult {
  return { ...noOutput(argv, 0), failure: 'spawn', message: 'empty command' };
}

/**
 * A non-zero exit: the tool's own first words (stderr, else stdout), else the status. A status of
 * 128 + N is a shell reporting its command killed by signal N: that is said, never the output the
 * command printed before it died (`load=75` must not read like a reading).
 */
export function exitMessage(argv: readonly string[], exitCode: number, stdout: string, stderr: string): string {
  const signal = signalOfStatus(exitCode);
  if (signal !== null) return `${argv.join(' ')}: exited with status ${exitCode} (killed by ${signal})`;
  return firstLine(stderr) ?? firstLine(stdout) ?? `${argv.join(' ')}: exited with status ${exitCode}`;
}

function signalOfStatus(exitCode: number): string | null {
  if (exitCode <= 128) return null;
  const entry = Object.entries(constants.signals).find(([, number]) => number === exitCode - 128);
  return entry?.[0] ?? null;
}

function firstLine(output: string): string | undefined {
  return output.split('\n').map((line) => line.trim()).find((line) => line !== '');
}
