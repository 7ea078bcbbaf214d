// A Slurm node's state words → omtop's node state. JSON gives a base state and flags (22.05:
// "idle" + ["DRAIN"]; 23.02+: ["IDLE", "DRAIN"]); text sinfo %T gives one word with a suffix
// (`idle*` = not responding). Drain on an idle node is "drained", on a busy one "draining".
import type { SlurmNodeState } from './types.js';

const BASE: Readonly<Record<string, SlurmNodeState>> = {
  idle: 'idle', mixed: 'mixed', mix: 'mixed', allocated: 'allocated', alloc: 'allocated', completing: 'completing',
  comp: 'completing', down: 'down', future: 'future', reserved: 'reserved', resv: 'reserved', unknown: 'unknown',
  drained: 'drained', drain: 'drained', draining: 'draining', drng: 'draining', fail: 'drained', failing: 'draining',
};

const JSON_BASES = new Set(['IDLE', 'MIXED', 'ALLOCATED', 'DOWN', 'FUTURE', 'UNKNOWN', 'ERROR']);

export interface NodeStateReading {
  readonly state: SlurmNodeState;
  readonly stateText: string;
  readonly notResponding: boolean;
}

/** From JSON: the base state word(s) and the flag words, in any case. */
export function nodeStateFromWords(words: readonly string[]): NodeStateReading {
  const upper = words.map((word) => word.toUpperCase());
  // The base state is usually first, but take it wherever it stands; every other word is a flag.
  const at = Math.max(0, upper.findIndex((word) => JSON_BASES.has(word)));
  const flags = new Set(upper.filter((_, i) => i !== at));
  const base = BASE[(upper[at] ?? 'unknown').toLowerCase()] ?? 'unknown';
  const drain = flags.has('DRAIN') || flags.has('DRAINING') || flags.has('DRAINED') || flags.has('FAIL');
  let state = base;
  if (base === 'down') state = 'down';
  else if (drain) state = base === 'idle' || base === 'unknown' || base === 'drained' ? 'drained' : 'draining';
  else if (flags.has('COMPLETING') && (base === 'allocated' || base === 'mixed')) state = 'completing';
  return { state, stateText: upper.join('+'), notResponding: flags.has('NOT_RESPONDING') };
}

/** From text sinfo %T: `drained`, `idle*`, `mixed-`, `down~`… */
export function nodeStateFromText(text: string): NodeStateReading {
  const word = text.trim();
  const bare = word.replace(/[*~#!%$@^+-]+$/, '').toLowerCase();
  return { state: BASE[bare] ?? 'unknown', stateText: word, notResponding: word.slice(bare.length).includes('*') };
}
