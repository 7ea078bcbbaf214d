// What one snapshot cannot say about a process: how long it has been on the node it runs on, how
// often it moved while omtop watched, and its recent CPU and memory. Tracked across snapshots by
// PID; a PID that shows up with another command is a new process, and one not seen is dropped.
import type { ProcessSnapshot } from '../model/snapshot.js';

export interface ProcessTrack {
  readonly pid: number;
  /** When omtop first saw it (a snapshot's takenAt). */
  readonly firstSeen: number;
  /** The node it was on in the latest snapshot that said (null until one did: mps NODE -1). */
  readonly node: number | null;
  /** When it was first seen on `node` after a move; null when it has been there since firstSeen. */
  readonly arrived: number | null;
  /** Node changes seen between snapshots. */
  readonly moves: number;
  /**
   * The whole command line as last seen; mps prints a migrated process as `(comm)`, so this is the
   * line from while it ran at home. null when it was never seen with one.
   */
  readonly commandLine: string | null;
  /** %CPU and %MEM, oldest first; null where the source did not say. */
  readonly cpu: readonly (number | null)[];
  readonly mem: readonly (number | null)[];
}

interface Series {
  readonly values: Float32Array;
  start: number;
  length: number;
}

interface Entry {
  readonly identity: string;
  /** The command its identity and commandLine were last taken from: the same string again needs neither. */
  command: string;
  readonly firstSeen: number;
  node: number | null;
  arrived: number | null;
  moves: number;
  commandLine: string | null;
  readonly cpu: Series;
  readonly mem: Series;
}

const series = (capacity: number): Series => ({ values: new Float32Array(capacity), start: 0, length: 0 });

function push(s: Series, value: number | null): void {
  const capacity = s.values.length;
  const at = (s.start + s.length) % capacity;
  s.values[at] = value === null ? Number.NaN : value;
  if (s.length < capacity) s.length += 1;
  else s.start = (s.start + 1) % capacity;
}

function toArray(s: Series): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < s.length; i++) {
    const v = s.values[(s.start + i) % s.values.length] ?? Number.NaN;
    // Float32 holds 97.5 as 97.5 but 0.3 as 0.30000001: one decimal is what the tools print.
    out.push(Number.isNaN(v) ? null : Math.round(v * 10) / 10);
  }
  return out;
}

/**
 * The program's name, the same whether the tools print the whole command line or, for a process
 * that migrated, `(comm)`: a PID with another program is another process.
 */
export function identityOf(command: string): string {
  const trimmed = command.trim();
  const comm = /^[([](.*)[)\]]$/.exec(trimmed)?.[1];
  if (comm !== undefined) return comm.slice(0, 15);
  const first = trimmed.split(/\s+/)[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15);
}

export interface ProcessTracks {
  ingest(processes: readonly ProcessSnapshot[], takenAt: number): void;
  get(pid: number): ProcessTrack | null;
}

/** @param points readings of CPU and memory kept per process. */
export function createProcessTracks(points = 30): ProcessTracks {
  let entries = new Map<number, Entry>();
  return {
    ingest(processes, takenAt) {
      const next = new Map<number, Entry>();
      for (const p of processes) {
        let entry = entries.get(p.pid);
        const sameCommand = entry !== undefined && entry.command === p.command;
        const identity = sameCommand && entry !== undefined ? entry.identity : identityOf(p.command);
        if (entry === undefined || entry.identity !== identity) {
          entry = { identity, command: p.command, firstSeen: takenAt, node: p.node, arrived: null, moves: 0, commandLine: null, cpu: series(points), mem: series(points) };
        } else if (p.node !== null && entry.node !== p.node) {
          // A node that could not be read is no move: only a change between known nodes is.
          if (entry.node !== null) {
            entry.arrived = takenAt;
            entry.moves += 1;
          }
          entry.node = p.node;
        }
        // The same command again: the same answer as last time (a line set then is this one), but
        // this tick's string is kept, not the first one seen (a parser's string may be a slice of
        // its whole tick's text, which an old one would keep alive).
        if (sameCommand ? entry.commandLine === p.command : !/^\(.*\)$/.test(p.command.trim())) entry.commandLine = p.command;
        entry.command = p.command;
        push(entry.cpu, p.cpu);
        push(entry.mem, p.mem);
        next.set(p.pid, entry);
      }
      entries = next;
    },
    get(pid) {
      const entry = entries.get(pid);
      if (entry === undefined) return null;
      return {
        pid, firstSeen: entry.firstSeen, node: entry.node, arrived: entry.arrived, moves: entry.moves, commandLine: entry.commandLine,
        cpu: toArray(entry.cpu), mem: toArray(entry.mem),
      };
    },
  };
}
