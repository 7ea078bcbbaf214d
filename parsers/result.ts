// The one return shape of every parser: parsers never throw; a bad input is a value too.

/** A problem with one line that did not stop the parse (the line was skipped or read loosely). */
export interface ParseWarning {
  /** 1-based line number in the input. */
  readonly line: number;
  readonly message: string;
}

/**
 * Why the input as a whole could not be read.
 * `code` lets callers tell tool errors apart (a node that is down from one that is not configured,
 * say); parsers/toolErrors.ts maps every real error text to one.
 */
export interface ParseError {
  /** 1-based line number; 0 when the input as a whole is at fault (empty, say). */
  readonly line: number;
  /** What was expected and what was found, e.g. `expected a PID, got "abc"`. */
  readonly message: string;
  readonly code: ParseErrorCode;
}

export type ParseErrorCode =
  /** The text is not what the parser reads. */
  | 'malformed'
  | 'empty'
  /** A tool error text (parsers/toolErrors.ts): the tool said why it gave no reading. */
  | ToolErrorCode;

export const TOOL_ERROR_CODES = [
  /** The node is down or unreachable: `Error: Network is unreachable`. */
  'down',
  /** `Node #999 is not configured`, `Node at 10.0.1.99 is not configured`. */
  'not-configured',
  /** The kernel has no openMosix: `This is NOT a OpenMosix system!`, `Error: this is not OpenMosix!`. */
  'not-openmosix',
  /** openMosix is there but switched off: `OpenMosix is currently disabled` (setpe, exit 3). */
  'disabled',
  /** No command: the usage text (mosctl, migrate). */
  'usage',
  /** A command the tool does not have: `/sbin/mosctl: No such option.`, ``mtop: Unknown argument `b'``. */
  'unknown-command',
  'permission-denied',
  /** migrate: `No such process (1234).` */
  'no-such-process',
  /** migrate: `Process #1234 is unmovable.`, `Process was already sent elsewhere.` */
  'unmovable',
  /** Any other error text a tool is known to print (`Getting tune values: …`). */
  'tool-error',
] as const;
export type ToolErrorCode = (typeof TOOL_ERROR_CODES)[number];

/** True for the codes that carry a tool's own error, as opposed to text the parser could not read. */
export function isToolErrorCode(code: ParseErrorCode): code is ToolErrorCode {
  return code !== 'malformed' && code !== 'empty';
}

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
