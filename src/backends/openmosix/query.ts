// One tool query: run the argv, classify the tool's own errors by stream and exit status, parse
// the text, and give back either the value or a failure with a code, so "node down" can be told
// from "tool broken". The real mosctl says a node is down on stderr and exits 0: a successful
// exit status alone never means a reading.
import { classifyToolOutput, describeError, isToolErrorCode, type ParseErrorCode, type ParseResult } from '../../../parsers/index.js';
import type { CommandFailure, CommandRunner } from '../../runner/runner.js';
import type { SourceError } from '../../model/snapshot.js';

export interface QueryFailure {
  /** The command, as the user would type it: `mosctl getload 266`. */
  readonly source: string;
  /** What went wrong, without repeating the source: the tool's own words for its errors. */
  readonly message: string;
  readonly code: ParseErrorCode | CommandFailure;
}

export type QueryResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: QueryFailure };

export async function query<T>(
  runner: CommandRunner,
  argv: readonly string[],
  parse: (text: string) => ParseResult<T>,
  signal?: AbortSignal,
): Promise<QueryResult<T>> {
  const source = argv.join(' ');
  const result = await runner.run(argv, signal ? { signal } : {});
  const fail = (code: QueryFailure['code'], message: string): QueryResult<T> => ({ ok: false, failure: { source, message, code } });
  // Output of a tool that was killed, timed out or never ran is not the tool's answer.
  if (result.failure !== undefined && result.failure !== 'exit') {
    const message = result.failure === 'missing' ? (result.message ?? 'not found') : withoutPrefix(result.message ?? 'failed', source);
    return fail(result.failure, message);
  }
  const toolError = classifyToolOutput(result);
  if (toolError) return fail(toolError.code, toolError.message);
  if (result.failure === 'exit') return fail('exit', withoutPrefix(result.message ?? 'failed', source));
  const parsed = parse(result.stdout);
  if (parsed.ok) return { ok: true, value: parsed.value };
  const { code } = parsed.error;
  if (isToolErrorCode(code)) return fail(code, parsed.error.message);
  const said = firstLine(result.stderr);
  return fail(code, `unexpected output: ${describeError(parsed.error)}${said === undefined ? '' : ` (stderr: ${said})`}`);
}

/**
 * A failure in plain words for the node it concerns: `node 407 is down (unreachable)`. Tool
 * errors get their meaning; runner failures (timeout, missing tool, unreadable output) keep the
 * command and what happened.
 */
export function describeFailure(failure: QueryFailure, node?: number): string {
  const subject = node === undefined ? 'the node' : `node ${node}`;
  switch (failure.code) {
    case 'down':
      return `${subject} is down (unreachable)`;
    case 'not-configured':
      return `${subject} is not configured in openMosix`;
    case 'not-openmosix':
      return `${failure.source}: this kernel has no openMosix`;
    case 'disabled':
      return `${failure.source}: openMosix is disabled on this node`;
    case 'permission-denied':
      return `${failure.source}: permission denied (openMosix actions need root)`;
    default:
      return `${failure.source}: ${failure.message}`;
  }
}

export function toSourceError(failure: QueryFailure, node?: number): SourceError {
  const plain = describeFailure(failure, node);
  return { source: failure.source, message: plain.startsWith(`${failure.source}: `) ? plain.slice(failure.source.length + 2) : plain };
}

function withoutPrefix(message: string, source: string): string {
  return message.startsWith(`${source}: `) ? message.slice(source.length + 2) : message;
}

function firstLine(text: string): string | undefined {
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '');
}
