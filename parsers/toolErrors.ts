// Every error text the openMosix tools are known to print, each mapped to a typed code, so a caller
// can tell "node down" from "not configured" from "no openMosix kernel" whatever the tool, the
// stream or the exit status. Sources: [X] printed by the real 0.3.6 binaries (real-captures/),
// [B] format string in the binaries, [L] the live 2-node cluster (real-captures/live/),
// [S] other public source, [I] omtop's own older reconstruction, still recognised because
// reading it cannot mislead.
//
//   Error: Network is unreachable                       mosctl, stderr, exit 0            [X,L]
//   Node #999 is not configured                         mosctl, stderr, exit 0            [X,L]
//   Node at 10.0.1.99 is not configured                 mosctl whois, stderr, exit 0      [X]
//   This is NOT a OpenMosix system!                     mosctl, stderr, exit 1            [X]
//   Error: this is not OpenMosix!                       setpe -r, exit 102                [X]
//   migrate ignored: This is not a OpenMosix system!    migrate, exit 1                   [X]
//   OpenMosix is currently disabled                     setpe -r, exit 3                  [X]
//   Usage: /sbin/mosctl command                         mosctl, stderr, exit 1            [X]
//   Usage: sbin/migrate pid {OpenMosix-ID|home|balance} migrate, stdout, exit 1           [X]
//   /sbin/mosctl: No such option.                       mosctl, stdout, exit 1            [X]
//   mtop: Unknown argument `b'                          mtop, exit 1                      [X]
//   Getting tune values: No such file or directory      mosctl gettune, stderr, exit 1    [X]
//   Permission denied.  No such process (1234).  Process #1234 is unmovable.
//   Process was already sent elsewhere.                 migrate                           [B]
// The real migrate prints nothing and exits 0 even for a PID that does not exist [L]; the [B]
// texts are what it has for the cases it does report.

import { type ParseError, type ToolErrorCode } from './result.js';
import { type Line, nonBlankLines } from './util/lines.js';

interface ToolErrorPattern {
  readonly pattern: RegExp;
  readonly code: ToolErrorCode;
}

// Every pattern is anchored at both ends and has no nested or adjacent overlapping repeats, so each
// runs in time linear in the line.
const TOOL_ERRORS: readonly ToolErrorPattern[] = [
  { pattern: /^Error: Network is unreachable$/i, code: 'down' },
  { pattern: /^Node #\S+ is not up\.?$/i, code: 'down' }, // [I]
  { pattern: /^Node (?:#\S+|at \S+) is not configured\.?$/i, code: 'not-configured' },
  { pattern: /^(?:\S+:\s?)?This is NOT an? openMosix system!?$/i, code: 'not-openmosix' }, // mosctl; mosmon [S]
  { pattern: /^migrate ignored: This is not an? OpenMosix system!?$/i, code: 'not-openmosix' },
  { pattern: /^Error: this is not OpenMosix!?$/i, code: 'not-openmosix' },
  { pattern: /^OpenMosix is currently disabled\.?$/i, code: 'disabled' },
  { pattern: /^Usage: \S+ (?:command|pid \{\S+\})$/i, code: 'usage' },
  { pattern: /^\S+: No such option\.?$/i, code: 'unknown-command' },
  { pattern: /^\S+: Unknown argument `[^`']*'$/i, code: 'unknown-command' },
  { pattern: /^(?:\S+:\s?)?(?:Permission denied|Operation not permitted)\.?$/i, code: 'permission-denied' }, // bare [B]; "tool: …" [I]
  { pattern: /^No such process \(\d+\)\.?$/i, code: 'no-such-process' },
  { pattern: /^\S+: no such process\.?$/i, code: 'no-such-process' }, // [I]
  { pattern: /^Process #\d+ is unmovable\.?$/i, code: 'unmovable' },
  { pattern: /^Process was already sent elsewhere\.?$/i, code: 'unmovable' },
  { pattern: /^Getting tune values: [^\n]+$/i, code: 'tool-error' },
];

/** The longest error line above, with room to spare: a longer line is not one of them. */
const MAX_ERROR_LINE = 200;

/** The first line of `text` that is a known openMosix tool error, as a typed error; else null. */
export function classifyToolError(text: string): ParseError | null {
  for (const line of nonBlankLines(text)) {
    const error = classifyLine(line);
    if (error) return error;
  }
  return null;
}

/** What one run of a tool gave: both streams and the exit status (null when it did not exit). */
export interface ToolOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | null;
}

/**
 * The tool's own error, whatever its exit status: any known error line on stderr (mosctl prints
 * "node down" there and exits 0), else a known error as the first line of stdout (mosctl's
 * `No such option.`, migrate's usage). Lines further down stdout are data (an mps row may well
 * hold such words), never an error. `line` counts within the stream the error was found in.
 */
export function classifyToolOutput(output: ToolOutput): (ParseError & { readonly stream: 'stdout' | 'stderr' }) | null {
  const fromStderr = classifyToolError(output.stderr);
  if (fromStderr) return { ...fromStderr, stream: 'stderr' };
  const [first] = nonBlankLines(output.stdout);
  const fromStdout = first ? classifyLine(first) : null;
  return fromStdout ? { ...fromStdout, stream: 'stdout' } : null;
}

function classifyLine(line: Line): ParseError | null {
  if (line.text.length > MAX_ERROR_LINE) return null;
  const text = line.text.trim();
  const known = TOOL_ERRORS.find(({ pattern }) => pattern.test(text));
  if (!known) return null;
  return { line: line.number, message: printable(text), code: known.code };
}

/** The tool's own words, minus control bytes that could upset a terminal. */
function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, '?');
}
