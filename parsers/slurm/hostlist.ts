// Slurm hostlists: `n[1-4]`, `n[1,3-5]`, `gpu[01-02],login1`, `rack[1-2]-n[1-2]` → node names,
// zero padding kept. Bounded: at most `limit` names (a job's node list names nodes that exist,
// but a malformed list like `n[1-999999999]` must not exhaust memory).
import { type ParseResult, failed, parsed } from '../result.js';

export const MAX_HOSTLIST_NAMES = 100_000;

/** Splits on commas that are not inside brackets. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.filter((part) => part !== '');
}

function rangeValues(body: string): string[] | string {
  const values: string[] = [];
  for (const item of body.split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(item);
    if (!match) return `expected a number or a range like 1-4, got "${item}"`;
    const [, low = '', high] = match;
    const from = Number(low);
    const to = high === undefined ? from : Number(high);
    if (to < from) return `expected a range from low to high, got "${item}"`;
    if (to - from >= MAX_HOSTLIST_NAMES) return `range "${item}" names more than ${MAX_HOSTLIST_NAMES} nodes`;
    for (let n = from; n <= to; n++) values.push(String(n).padStart(low.length, '0'));
  }
  return values;
}

/** Expands one comma-free part, bracket group by bracket group. */
function expandPart(part: string, limit: number): string[] | string {
  let names = [''];
  let rest = part;
  while (rest !== '') {
    const open = rest.indexOf('[');
    if (open < 0) {
      names = names.map((name) => name + rest);
      break;
    }
    const close = rest.indexOf(']', open);
    if (close < 0) return `unclosed "[" in "${part}"`;
    const prefix = rest.slice(0, open);
    const values = rangeValues(rest.slice(open + 1, close));
    if (typeof values === 'string') return values;
    if (names.length * values.length > limit) return `"${part}" names more than ${limit} nodes`;
    names = names.flatMap((name) => values.map((value) => name + prefix + value));
    rest = rest.slice(close + 1);
  }
  return names;
}

export function expandHostlist(text: string, limit = MAX_HOSTLIST_NAMES): ParseResult<string[]> {
  const names: string[] = [];
  for (const part of topLevelParts(text.trim())) {
    const expanded = expandPart(part, limit - names.length);
    if (typeof expanded === 'string') return failed(1, expanded);
    names.push(...expanded);
  }
  return parsed(names);
}
