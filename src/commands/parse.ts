// `omtop parse KIND [FILE]`: one openMosix tool output (FILE, or stdin when FILE is absent or `-`)
// → the parsed value as JSON on stdout. Warnings go to stderr; bad input prints one line and exits 1.
// Input is capped (MAX_PARSE_INPUT): no tool prints that much, and reading stops there.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { type CliIo, UsageError } from '../io.js';
import * as parsers from '../../parsers/index.js';
import { ioErrorLine } from '../errorLine.js';
import { terminalSafe, terminalSafeLines } from '../text/terminalSafe.js';
import { type ParseResult, describeError, isToolErrorCode } from '../../parsers/index.js';

interface Kind {
  /** How the error line names the tool: `mps`, `openmosix status`, `mosctl getmem`. */
  readonly tool: string;
  readonly parse: (text: string) => ParseResult<unknown>;
}

const KINDS: Readonly<Record<string, Kind>> = {
  'openmosix-status': { tool: 'openmosix status', parse: parsers.parseOpenMosixStatus },
  'setpe-r': { tool: 'setpe -r', parse: parsers.parseOpenMosixStatus },
  showmap: { tool: 'showmap', parse: parsers.parseShowmap },
  mps: { tool: 'mps', parse: parsers.parseMps },
  mtop: { tool: 'mtop', parse: parsers.parseMtop },
  'mosctl-getload': { tool: 'mosctl getload', parse: parsers.parseMosctlGetload },
  'mosctl-getspeed': { tool: 'mosctl getspeed', parse: parsers.parseMosctlGetspeed },
  'mosctl-getmem': { tool: 'mosctl getmem', parse: parsers.parseMosctlGetmem },
  'mosctl-getfree': { tool: 'mosctl getfree', parse: parsers.parseMosctlGetfree },
  'mosctl-getutil': { tool: 'mosctl getutil', parse: parsers.parseMosctlGetutil },
  'mosctl-status': { tool: 'mosctl status', parse: parsers.parseMosctlStatus },
  'mosctl-isup': { tool: 'mosctl isup', parse: parsers.parseMosctlIsup },
  'mosctl-whois': { tool: 'mosctl whois', parse: parsers.parseMosctlWhois },
  'mosctl-getyard': { tool: 'mosctl getyard', parse: parsers.parseMosctlGetyard },
  'mosctl-getdecay': { tool: 'mosctl getdecay', parse: parsers.parseMosctlGetdecay },
  'mosctl-gettune': { tool: 'mosctl gettune', parse: parsers.parseMosctlGettune },
  'mosctl-usage': { tool: 'mosctl', parse: parsers.parseMosctlUsage },
  'sinfo-json': { tool: 'sinfo --json', parse: parsers.parseSinfoJson },
  'squeue-json': { tool: 'squeue --json', parse: parsers.parseSqueueJson },
  'sinfo-text': { tool: 'sinfo', parse: parsers.parseSinfoText },
  'squeue-text': { tool: 'squeue', parse: parsers.parseSqueueText },
  'scontrol-show': { tool: 'scontrol show', parse: parsers.parseScontrolShow },
  'mosctl-reply': { tool: 'mosctl', parse: parsers.parseMosctlReply },
  'hpc-int': { tool: '/proc/hpc file', parse: parsers.parseHpcInt },
  'tool-error': { tool: 'openMosix tool', parse: classifyAsValue },
};

/** `tool-error`: which known error a text is (as JSON), or a failure when it is none. */
function classifyAsValue(text: string): ParseResult<unknown> {
  const error = parsers.classifyToolError(text);
  if (error) return { ok: true, value: error, warnings: [] };
  return { ok: false, error: { line: 0, code: 'malformed', message: 'expected a known openMosix tool error text, got none' } };
}

/** The most `omtop parse` reads: real tool output is kilobytes; a 10,000-process mps is about 1 MB. */
export const MAX_PARSE_INPUT = 16 * 1024 * 1024;
/** Warnings printed at most; the rest are counted. */
const MAX_WARNINGS_SHOWN = 100;

export const PARSE_KINDS: readonly string[] = Object.keys(KINDS);

const HELP = `Usage: omtop parse KIND [FILE]

Reads one openMosix or Slurm tool output from FILE (or stdin when FILE is absent or "-") and prints
the parsed value as JSON. Warnings go to stderr; unreadable output exits 1.

Kinds:
${PARSE_KINDS.map((kind) => `  ${kind}`).join('\n')}

The Slurm text kinds read omtop's own formats: sinfo -h -N -o '${parsers.SINFO_TEXT_FORMAT}',
squeue -h -o '${parsers.SQUEUE_TEXT_FORMAT}', scontrol -o show job|node.

Examples:
  mosctl getmem 266 | omtop parse mosctl-getmem
  sinfo -N --json | omtop parse sinfo-json
`;

export async function runParseCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(HELP);
    return 0;
  }
  const option = args.find((arg) => arg.startsWith('-') && arg !== '-');
  if (option !== undefined) throw new UsageError(`parse: unknown option "${terminalSafe(option)}" (try omtop parse --help)`);
  const [kindName, file, ...extra] = args;
  if (kindName === undefined) throw new UsageError('parse needs a KIND (try omtop parse --help)');
  const kind = KINDS[kindName];
  if (kind === undefined) throw new UsageError(`parse: unknown kind "${terminalSafe(kindName)}" (try omtop parse --help)`);
  if (extra.length > 0) throw new UsageError(`parse takes one FILE, got also "${terminalSafe(extra.join(' '))}"`);

  const input = await readInput(file, io);
  if (typeof input !== 'string') {
    io.stderr.write(`omtop: cannot read ${terminalSafe(input.source)}: ${terminalSafe(input.reason)}\n`);
    return 1;
  }
  const result = kind.parse(input);
  if (!result.ok) {
    const { error } = result;
    const said = isToolErrorCode(error.code) ? `${kind.tool} reported an error (${error.code})` : `cannot parse ${kind.tool} output`;
    io.stderr.write(`omtop: ${said}: ${describeError(error)}\n`);
    return 1;
  }
  for (const warning of result.warnings.slice(0, MAX_WARNINGS_SHOWN)) {
    const where = warning.line > 0 ? ` line ${warning.line}` : '';
    io.stderr.write(`omtop: warning: ${kindName}${where}: ${warning.message}\n`);
  }
  const unshown = result.warnings.length - MAX_WARNINGS_SHOWN;
  if (unshown > 0) io.stderr.write(`omtop: warning: ${kindName}: ${unshown} more warning(s) not shown\n`);
  io.stdout.write(terminalSafeLines(`${JSON.stringify(result.value, null, 2)}\n`));
  return 0;
}

interface ReadFailure {
  readonly source: string;
  readonly reason: string;
}

async function readInput(file: string | undefined, io: CliIo): Promise<string | ReadFailure> {
  const source = file === undefined || file === '-' ? 'stdin' : file;
  try {
    const stream = source === 'stdin' ? io.stdin : createReadStream(resolve(io.cwd, source));
    const text = await readCapped(stream, MAX_PARSE_INPUT);
    return text ?? { source, reason: `input is larger than ${MAX_PARSE_INPUT / (1024 * 1024)} MiB, the most omtop parse reads (no tool prints that much)` };
  } catch (error) {
    return { source, reason: ioErrorLine(error) };
  }
}

/** The stream's text, or null once it passes `limit` bytes (reading stops there; a file is closed). */
async function readCapped(stream: Readable, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
