// The one return shape of every parser: parsers never throw; a bad input is a value too.

/** A problem with one line that did not stop the parse (the line was skipped or read loosely). */
export interface ParseWarning {
  /** 1-based line number in the input. */
  readonly line: number;
  readonly message: string;
}

/**
 * Why the input as a whole could not be read.
 * `code` lets callers tell tool errors apart (mosctl's "not up" from "permission denied", say).
 */
export interface ParseError {
  /** 1-based line number; 0 when the input as a whole is at fault (empty, say). */
  readonly line: number;
  /** What was expected and what was found, e.g. `expected a PID, got "abc"`. */
  readonly message: string;
  readonly code: ParseErrorCode;
}

export type ParseErrorCode =
  | 'malformed'
  | 'empty'
  | 'usage'
  | 'not-configured'
  | 'not-up'
  | 'not-openmosix'
  | 'permission-denied'
  | 'tool-error';

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly ParseWarning[] }
  | { readonly ok: false; readonly error: ParseError };

export function parsed<T>(value: T, warnings: readonly ParseWarning[] = []): ParseResult<T> {
  return { ok: true, value, warnings };
}

export function failed<T>(line: number, message: string, code: ParseErrorCode = 'malformed'): ParseResult<T> {
  return { ok: false, error: { line, message, code } };
}

/** One line of text for a user: `line 3: expected a PID, got "abc"`. */
export function describeError(error: ParseError): string {
  return error.line > 0 ? `line ${error.line}: ${error.message}` : error.message;
}
