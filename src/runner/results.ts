// How every CommandRunner (the real tools through execa, the emulated cluster) reports a command
// that did not give usable output: the same failure kinds and the same one line for the user.
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

/** A non-zero exit: the tool's own first words (stderr, else stdout), else the status. */
export function exitMessage(argv: readonly string[], exitCode: number, stdout: string, stderr: string): string {
  return firstLine(stderr) ?? firstLine(stdout) ?? `${argv.join(' ')}: exited with status ${exitCode}`;
}

function firstLine(output: string): string | undefined {
  return output.split('\n').map((line) => line.trim()).find((line) => line !== '');
}
