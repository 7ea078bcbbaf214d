// The process filter as typed: words, each either plain text (matches the command, the user or the
// PID) or `field:value` (`node:266`, `user:alice`, `state:R`, `home:261`, `pid:1181`, `cmd:blender`).
// A process is listed when it matches every word. The view highlights what matched.
import type { ProcessSnapshot } from '../model/snapshot.js';

export type FilterField = 'node' | 'home' | 'user' | 'state' | 'pid' | 'cmd';
export const FILTER_FIELDS: readonly FilterField[] = ['node', 'home', 'user', 'state', 'pid', 'cmd'];

export interface FilterTerm {
  /** null: plain text. */
  readonly field: FilterField | null;
  /** Lower case; for node and home the number without a leading N. */
  readonly value: string;
}

export interface ParsedFilter {
  readonly terms: readonly FilterTerm[];
  /** Words that look like `field:value` with a field omtop does not know; they match as plain text. */
  readonly unknownFields: readonly string[];
}

const ALIASES: Readonly<Record<string, FilterField>> = { command: 'cmd', stat: 'state', s: 'state', n: 'node', u: 'user' };

export function parseFilter(text: string): ParsedFilter {
  const terms: FilterTerm[] = [];
  const unknownFields: string[] = [];
  for (const word of text.trim().toLowerCase().split(/\s+/)) {
    if (word === '') continue;
    const colon = word.indexOf(':');
    const name = colon > 0 ? word.slice(0, colon) : '';
    const field = (FILTER_FIELDS as readonly string[]).includes(name) ? (name as FilterField) : ALIASES[name];
    if (colon > 0 && field === undefined) unknownFields.push(name);
    if (field === undefined || colon === word.length - 1) {
      terms.push({ field: null, value: word });
      continue;
    }
    const value = word.slice(colon + 1);
    terms.push({ field, value: field === 'node' || field === 'home' ? value.replace(/^n/, '') : value });
  }
  return { terms, unknownFields };
}

export function termMatches(process: ProcessSnapshot, term: FilterTerm): boolean {
  const { value } = term;
  switch (term.field) {
    case null:
      return process.command.toLowerCase().includes(value) || (process.user ?? '').toLowerCase().includes(value) || String(process.pid) === value;
    case 'node':
      // An unknown node (mps NODE -1, shown N?) matches node:?.
      return (process.node === null ? '?' : String(process.node)) === value;
    case 'home':
      return String(process.home) === value;
    case 'user':
      return (process.user ?? '').toLowerCase().includes(value);
    case 'state':
      return process.stat.toLowerCase().startsWith(value);
    case 'pid':
      return String(process.pid) === value;
    case 'cmd':
      return process.command.toLowerCase().includes(value);
  }
}

export function filterMatches(process: ProcessSnapshot, filter: ParsedFilter): boolean {
  return filter.terms.every((term) => termMatches(process, term));
}
