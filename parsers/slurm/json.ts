// Reading Slurm's --json output: one JSON document, the version it reports, and the number shapes
// of every release (22.05 plain numbers and null; 23.02+ {set, infinite, number} objects).
import { type ParseResult, type ParseWarning, failed, parsed } from '../result.js';
import { jsonErrorAt } from '../util/jsonErrorAt.js';
import type { SlurmVersion } from './types.js';

/** Larger input is refused rather than parsed: 64 MiB is far beyond a 10,000-node sinfo. */
export const MAX_JSON_CHARS = 64 * 1024 * 1024;

export type JsonObject = Readonly<Record<string, unknown>>;

export interface SlurmDocument {
  readonly root: JsonObject;
  readonly version: SlurmVersion;
  /** The tool's own `errors` entries, one line each. */
  readonly toolErrors: readonly string[];
  readonly warnings: readonly ParseWarning[];
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The 1-based line of a character offset, counted in one pass up to it. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** The line where the JSON first goes wrong (JSON.parse's message does not always say). */
function errorLine(text: string): number {
  const at = jsonErrorAt(text);
  return lineAt(text, at < 0 ? text.length : at);
}

export function readSlurmDocument(text: string, tool: string): ParseResult<SlurmDocument> {
  if (text.length > MAX_JSON_CHARS) return failed(0, `${tool} --json output is larger than ${MAX_JSON_CHARS} characters`);
  if (text.trim() === '') return failed(0, `expected ${tool} --json output, got nothing`, 'empty');
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failed(errorLine(text), `expected ${tool} --json output, got text that is not JSON (${message.split(/\r\n|\r|\n/)[0]})`);
  }
  if (!isObject(root)) return failed(1, `expected a JSON object from ${tool} --json, got ${Array.isArray(root) ? 'an array' : typeof root}`);
  const warnings: ParseWarning[] = [];
  const toolErrors = messages(root.errors);
  for (const warning of messages(root.warnings)) warnings.push({ line: 0, message: `${tool}: ${warning}` });
  return parsed({ root, version: versionOf(root.meta), toolErrors, warnings });
}

/** Each entry of `errors`/`warnings` as one line: its description, error and source. */
function messages(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry) => {
    if (!isObject(entry)) return String(entry);
    const parts = [entry.description, entry.error, entry.source].filter((part) => typeof part === 'string' && part !== '');
    return parts.length > 0 ? parts.join(': ') : JSON.stringify(entry);
  });
}

/** meta.Slurm.release (meta.slurm in 24.05+) and the plugin that printed it. */
function versionOf(meta: unknown): SlurmVersion {
  if (!isObject(meta)) return { release: null, plugin: null };
  const slurm = isObject(meta.Slurm) ? meta.Slurm : isObject(meta.slurm) ? meta.slurm : null;
  const release = slurm && typeof slurm.release === 'string' ? slurm.release : null;
  let plugin: string | null = null;
  if (isObject(meta.plugin)) {
    const { type, data_parser: dataParser } = meta.plugin;
    plugin = typeof dataParser === 'string' ? `data_parser/${dataParser.replace(/^data_parser\//, '')}` : typeof type === 'string' ? type : null;
  } else if (isObject(meta.plugins) && typeof meta.plugins.data_parser === 'string') {
    plugin = meta.plugins.data_parser;
  }
  return { release, plugin };
}

/**
 * A number in any release's shape: 42, or { set: true, infinite: false, number: 42 }.
 * null for null, unset or infinite (an unlimited time limit, say), or anything else.
 */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (isObject(value) && typeof value.number === 'number') {
    if (value.set === false || value.infinite === true) return null;
    return Number.isFinite(value.number) ? value.number : null;
  }
  return null;
}

/** A count or id: a whole, non-negative number, else null. */
export function countOf(value: unknown): number | null {
  const n = numberOf(value);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

/** Epoch seconds, with Slurm's 0 for "not yet" as null. */
export function timeOf(value: unknown): number | null {
  const n = countOf(value);
  return n === null || n === 0 ? null : n;
}

export function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A state as a list of words: "RUNNING" (22.05/23.02) or ["RUNNING", "REQUEUED"] (23.11+). */
export function wordsOf(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.filter((word): word is string => typeof word === 'string' && word !== '');
  return [];
}

/** The list of records under `key`, or an error naming what was found instead. */
export function recordList(document: SlurmDocument, keys: readonly string[], tool: string): ParseResult<readonly unknown[]> {
  for (const key of keys) {
    const list = document.root[key];
    if (!Array.isArray(list)) continue;
    // 22.05 with its controller down: exit 0, an empty list and an "Unspecified error" entry.
    if (list.length === 0 && document.toolErrors.length > 0) break;
    return parsed(list);
  }
  if (document.toolErrors.length > 0) return failed(0, `${tool} failed: ${document.toolErrors.join('; ')}`, 'tool-error');
  return failed(0, `expected a "${keys.join('" or "')}" list in ${tool} --json output, found none`);
}
