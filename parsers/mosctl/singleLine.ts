// Most mosctl queries print one line (`speed=26842.`, `free memory = A of B`, `yes`). This reads
// such output: tool errors first, then the first non-blank line against the expected pattern;
// anything after it is reported as a warning, never silently dropped. A line longer than any
// real answer is refused before a pattern ever sees it.

import type { z } from 'zod';
import { type ParseResult, type ParseWarning, failed } from '../result.js';
import { classifyToolError } from '../toolErrors.js';
import { MAX_LINE, nonBlankLines, overlongLineMessage, quote, trailingTextWarning } from '../util/lines.js';
import { validated } from '../util/validate.js';

/** What the line should look like (for messages) and how to read it. */
export interface SingleLineQuery<T> {
  readonly schema: z.ZodType<T>;
  /** e.g. `"speed=N."` */
  readonly expected: string;
  /** Anchored at both ends and free of overlapping repeats, so it runs in linear time. */
  readonly pattern: RegExp;
  /** The value from the match, or a message saying which part is wrong. */
  readonly read: (match: RegExpExecArray, warn: (message: string) => void) => T | string;
}

/** The first line that is not a tool error, read with `query`. */
export function readSingleLine<T>(text: string, query: SingleLineQuery<T>): ParseResult<T> {
  const toolError = classifyToolError(text);
  if (toolError) return { ok: false, error: toolError };
  const [first, ...rest] = nonBlankLines(text);
  if (first === undefined) return failed(0, `expected ${query.expected}, got empty input`, 'empty');
  if (first.text.length > MAX_LINE.ONE_LINE) return failed(first.number, overlongLineMessage(first.text.length, MAX_LINE.ONE_LINE));
  const match = query.pattern.exec(first.text.trim());
  if (!match) return failed(first.number, `expected ${query.expected}, got ${quote(first.text)}`);
  const warnings: ParseWarning[] = [];
  const value = query.read(match, (message) => warnings.push({ line: first.number, message }));
  if (typeof value === 'string') return failed(first.number, value);
  warnings.push(...rest.map(trailingTextWarning));
  return validated(query.schema, value, warnings);
}
