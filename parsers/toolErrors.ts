// The error texts of the openMosix tools (mosctl, mosmon, migrate, the init script), so a caller
// can tell "node down" from "no openMosix kernel" from "not root" in any tool's output or stderr:
//   Node #407 is not up
//   This is NOT an openMosix system!        (mosmon: `mosmon: This is NOT a openMosix system!`)
//   mosctl: Permission denied
// Only the [C] texts are captured; the rest are the reconstructions in parsers/FORMATS.md.

import type { ParseError, ParseErrorCode } from './result.js';
import { type Line, nonBlankLines } from './util/lines.js';

interface ToolErrorPattern {
  readonly pattern: RegExp;
  readonly code: ParseErrorCode;
}

const TOOL_ERRORS: readonly ToolErrorPattern[] = [
  { pattern: /^(?:\S+:\s*)?This is NOT an? openMosix system!?$/i, code: 'not-openmosix' },
  { pattern: /^Error: this is not openMosix!?$/i, code: 'not-openmosix' },
  { pattern: /^Node #\S+ is not up\.?$/i, code: 'not-up' },
  { pattern: /^Node #\S+ is not configured\.?$/i, code: 'not-configured' },
  { pattern: /^(?:\S+:\s*)?(?:Permission denied|Operation not permitted)\.?$/i, code: 'permission-denied' },
  { pattern: /^Usage: \S+ command$/i, code: 'usage' },
  { pattern: /^\S+: no such process\.?$/i, code: 'tool-error' },
];

/** The first line of `text` that is a known openMosix tool error, as a typed error; else null. */
export function classifyToolError(text: string): ParseError | null {
  for (const line of nonBlankLines(text)) {
    const error = classifyLine(line);
    if (error) return error;
  }
  return null;
}

function classifyLine(line: Line): ParseError | null {
  const text = line.text.trim();
  const known = TOOL_ERRORS.find(({ pattern }) => pattern.test(text));
  if (!known) return null;
  const message = known.code === 'usage' ? 'the tool printed its usage text (no or unknown command)' : printable(text);
  return { line: line.number, message, code: known.code };
}

/** The tool's own words, minus control bytes that could upset a terminal. */
function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, '?');
}
