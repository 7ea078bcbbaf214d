// Every fixture under fixtures/ paired with the parser that reads it and the schema its value
// must satisfy; shared by the table-driven test and the robustness (mutation) test.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import * as parsers from '../../parsers/index.js';
import type { HpcNodeFile, ParseError, ParseResult } from '../../parsers/index.js';
import { HPC_NODE_FILES } from '../../parsers/hpc.js';

export const FIXTURES_DIR = new URL('../../fixtures/', import.meta.url).pathname;

export interface TextParser {
  readonly name: string;
  readonly parse: (text: string) => ParseResult<unknown>;
  readonly schema: z.ZodType;
}


const ToolErrorValueSchema = z.object({ line: z.number().int().nonnegative(), code: z.string(), message: z.string() });

/** classifyToolError as `omtop parse tool-error` uses it: the recognised error is the value. */
function classifyAsValue(text: string): ParseResult<unknown> {
  const error = parsers.classifyToolError(text);
  if (error) return { ok: true, value: { line: error.line, code: error.code, message: error.message }, warnings: [] };
  return { ok: false, error: { line: 0, code: 'malformed', message: 'expected a known openMosix tool error text, got none' } };
}

/** The parser of every text kind, by the names `omtop parse` uses. */
export const TEXT_PARSERS: Readonly<Record<string, TextParser>> = {
  'openmosix-status': { name: 'openmosix-status', parse: parsers.parseOpenMosixStatus, schema: parsers.OpenMosixStatusSchema },
  showmap: { name: 'showmap', parse: parsers.parseShowmap, schema: parsers.ShowmapSchema },
  mps: { name: 'mps', parse: parsers.parseMps, schema: parsers.MpsSchema },
  mtop: { name: 'mtop', parse: parsers.parseMtop, schema: parsers.MtopSchema },
  getload: { name: 'getload', parse: parsers.parseMosctlGetload, schema: parsers.MosctlLoadSchema },
  getspeed: { name: 'getspeed', parse: parsers.parseMosctlGetspeed, schema: parsers.MosctlSpeedSchema },
  getmem: { name: 'getmem', parse: parsers.parseMosctlGetmem, schema: parsers.MosctlMemorySchema },
  getfree: { name: 'getfree', parse: parsers.parseMosctlGetfree, schema: parsers.MosctlMemorySchema },
  getutil: { name: 'getutil', parse: parsers.parseMosctlGetutil, schema: parsers.MosctlUtilSchema },
  isup: { name: 'isup', parse: parsers.parseMosctlIsup, schema: parsers.MosctlIsupSchema },
  whois: { name: 'whois', parse: parsers.parseMosctlWhois, schema: parsers.MosctlWhoisSchema },
  status: { name: 'status', parse: parsers.parseMosctlStatus, schema: parsers.MosctlStatusSchema },
  getyard: { name: 'getyard', parse: parsers.parseMosctlGetyard, schema: parsers.MosctlYardSchema },
  getdecay: { name: 'getdecay', parse: parsers.parseMosctlGetdecay, schema: parsers.MosctlDecaySchema },
  gettune: { name: 'gettune', parse: parsers.parseMosctlGettune, schema: parsers.MosctlTuneSchema },
  usage: { name: 'usage', parse: parsers.parseMosctlUsage, schema: parsers.MosctlUsageSchema },
  reply: { name: 'reply', parse: parsers.parseMosctlReply, schema: parsers.MosctlReplySchema },
  'hpc-int': { name: 'hpc-int', parse: parsers.parseHpcInt, schema: z.number().int() },
  'hpc-admin': { name: 'hpc-admin', parse: parsers.parseHpcAdminFlag, schema: z.boolean() },
  'tool-error': { name: 'tool-error', parse: classifyAsResult, schema: z.literal(false) },
  'tool-error-value': { name: 'tool-error-value', parse: classifyAsValue, schema: ToolErrorValueSchema },
};

/** classifyToolError as a parser: a recognised error is the error, anything else is "no error" (false). */
function classifyAsResult(text: string): ParseResult<unknown> {
  const error: ParseError | null = parsers.classifyToolError(text);
  return error ? { ok: false, error } : { ok: true, value: false, warnings: [] };
}

export interface TextFixture {
  /** e.g. `mps/tutorial`. */
  readonly id: string;
  readonly input: string;
  readonly parser: TextParser;
  readonly expectedPath: string;
  readonly expectsError: boolean;
}

/** Which parser reads fixtures/<folder>/<name>.txt. */
function parserFor(folder: string, name: string): TextParser {
  const prefix = name.split('-')[0] ?? name;
  const key =
    folder === 'mosctl' ? (prefix === 'error' ? 'tool-error' : prefix)
    : folder === 'hpc' ? (prefix === 'admin' ? 'hpc-admin' : 'hpc-int')
    : folder;
  const parser = TEXT_PARSERS[key];
  if (!parser) throw new Error(`no parser for fixture ${folder}/${name}.txt`);
  return parser;
}

export const TEXT_FOLDERS = ['openmosix-status', 'mps', 'mtop', 'mosctl', 'hpc'] as const;

export function textFixtures(): TextFixture[] {
  return TEXT_FOLDERS.flatMap((folder) =>
    readdirSync(join(FIXTURES_DIR, folder))
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file) => {
        const name = file.slice(0, -'.txt'.length);
        const base = join(FIXTURES_DIR, folder, name);
        const expectsError = existsSync(`${base}.error.json`);
        return {
          id: `${folder}/${name}`,
          input: readFileSync(`${base}.txt`, 'utf8'),
          parser: parserFor(folder, name),
          expectedPath: expectsError ? `${base}.error.json` : `${base}.json`,
          expectsError,
        };
      }),
  );
}

export interface HpcNodeFixture {
  readonly id: string;
  readonly files: Partial<Record<HpcNodeFile, string>>;
  readonly expectedPath: string;
}

/** fixtures/hpc/nodes/<case>/ (one file per /proc/hpc/nodes/N entry) with <case>.json beside it. */
export function hpcNodeFixtures(): HpcNodeFixture[] {
  const dir = join(FIXTURES_DIR, 'hpc', 'nodes');
  return readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort()
    .map((entry) => {
      const files: Partial<Record<HpcNodeFile, string>> = {};
      for (const name of HPC_NODE_FILES) {
        const path = join(dir, entry, name);
        if (existsSync(path)) files[name] = readFileSync(path, 'utf8');
      }
      return { id: `hpc/nodes/${entry}`, files, expectedPath: join(dir, `${entry}.json`) };
    });
}

export function readExpected(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** `omtop parse` kind names (as fixtures/real/cases.json uses them) → the parser keys above. */
const PARSE_KIND_PARSERS: Readonly<Record<string, string>> = {
  'setpe-r': 'openmosix-status', 'openmosix-status': 'openmosix-status', showmap: 'showmap', mps: 'mps', mtop: 'mtop',
  'mosctl-getload': 'getload', 'mosctl-getspeed': 'getspeed', 'mosctl-getmem': 'getmem', 'mosctl-getfree': 'getfree',
  'mosctl-getutil': 'getutil', 'mosctl-isup': 'isup', 'mosctl-whois': 'whois', 'mosctl-status': 'status',
  'mosctl-getyard': 'getyard', 'mosctl-getdecay': 'getdecay', 'mosctl-gettune': 'gettune', 'mosctl-usage': 'usage',
  'mosctl-reply': 'reply', 'tool-error': 'tool-error-value',
};

/** One real capture (fixtures/real/cases.json): the command, its streams and exit status, and how omtop reads it. */
export interface RealCapture {
  /** The file name without extension, `live/` for the live cluster: `mosctl-getload-266`, `live/mps-auxww`. */
  readonly id: string;
  /** The command as it ran (without /sbin/); null for a shell listing of /proc files. */
  readonly argv: readonly string[] | null;
  readonly exit: number;
  /** The `omtop parse` kind that reads it; `hpc-listing` / `where-listing` for /proc listings; null when the tool printed nothing. */
  readonly kind: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The capture files (relative to fixtures/real/) holding each stream. */
  readonly files: { readonly stdout: string | null; readonly stderr: string | null };
  /** What omtop parse reads: stdout, or stderr when stdout is empty. */
  readonly text: string;
  readonly expectedPath: string | null;
  readonly expectsError: boolean;
}

export const REAL_DIR = join(FIXTURES_DIR, 'real');

export function realCaptures(): RealCapture[] {
  const listed = JSON.parse(readFileSync(join(REAL_DIR, 'cases.json'), 'utf8')) as {
    id: string; argv: string[] | null; exit: number; kind: string | null; stdout: string | null; stderr: string | null;
  }[];
  return listed.map((entry) => {
    const read = (file: string | null): string => (file === null ? '' : readFileSync(join(REAL_DIR, file), 'utf8'));
    const stdout = read(entry.stdout);
    const stderr = read(entry.stderr);
    const base = join(REAL_DIR, entry.id);
    const expectsError = existsSync(`${base}.error.json`);
    const expectedPath = expectsError ? `${base}.error.json` : existsSync(`${base}.json`) ? `${base}.json` : null;
    return {
      id: entry.id, argv: entry.argv, exit: entry.exit, kind: entry.kind, stdout, stderr, files: { stdout: entry.stdout, stderr: entry.stderr },
      text: stdout.trim() !== '' ? stdout : stderr, expectedPath, expectsError,
    };
  });
}

/** The parser for a capture's `omtop parse` kind; undefined for listings and silent commands. */
export function parserForKind(kind: string | null): TextParser | undefined {
  const key = PARSE_KIND_PARSERS[kind ?? ''];
  return key === undefined ? undefined : TEXT_PARSERS[key];
}
