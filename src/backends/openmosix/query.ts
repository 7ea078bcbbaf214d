// One tool query: run the argv, parse the text, and give back either the value or a failure
// that says what broke in one line, with a code so "node down" can be told from "tool broken".
import { classifyToolError, describeError, type ParseErrorCode, type ParseResult } from '../../../parsers/index.js';
import type { CommandFailure, CommandRunner } from '../../runner/runner.js';
import type { SourceError } from '../../model/snapshot.js';

export interface QueryFailure {
  /** The command, as the user would type it: `mosctl getload 266`. */
  readonly source: string;
  /** What went wrong, without repeating the source. */
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
  if (result.failure) {
    const toolError = classifyToolError(`${result.stderr}\n${result.stdout}`);
    // The runner names the whole command in timeout and signal messages; the source says it already.
    const message = result.failure === 'missing' ? (result.message ?? 'not found') : withoutPrefix(result.message ?? 'failed', source);
    return { ok: false, failure: { source, message, code: toolError?.code ?? result.failure } };
  }
  const parsed = parse(result.stdout);
  if (parsed.ok) return { ok: true, value: parsed.value };
  const code = parsed.error.code;
  // A tool error printed with exit status 0 (the parsers recognise those) is the tool's own words.
  const known = code !== 'malformed' && code !== 'empty';
  return { ok: false, failure: { source, message: known ? parsed.error.message : `unexpected output: ${describeError(parsed.error)}`, code } };
}

/** `mosctl getload 266: timed out after 2 s`, for a node's error text. */
export function describeFailure(failure: QueryFailure): string {
  return `${failure.source}: ${failure.message}`;
}

export function toSourceError(failure: QueryFailure): SourceError {
  return { source: failure.source, message: failure.message };
}

function withoutPrefix(message: string, source: string): string {
  return message.startsWith(`${source}: `) ? message.slice(source.length + 2) : message;
}
