// Which processes of the snapshot form renders omtop did not start. Pure: the process table and
// the details read through the seam in, the renders out. Two kinds are recognised:
// - the tutorial's script (`render FILE START END PARTS`, any shell or path in front, or any name
//   when it has blender children and takes those four arguments) with its blender children, found
//   by parent PID — a migrated child's command line is unreadable, shown as `(blender)`;
// - background blenders rendering (`blender -b FILE … -a` / `-f N`) started by hand or by another
//   tool, grouped by parent, .blend and output into one job.
import { commandWords, parseBlenderRender, parseRenderScript, type BlenderRender, type ScriptRender } from '../../parsers/renderCommand.js';
import type { ProcessSnapshot } from '../model/snapshot.js';
import type { ProcessDetails } from '../runner/watchSources.js';

export interface FoundChild {
  readonly pid: number;
  readonly startedAt: number | null;
  /** What it renders, when its command line can be read. */
  readonly render: BlenderRender | null;
}

export interface FoundScript {
  readonly kind: 'script';
  readonly key: string;
  readonly pid: number;
  readonly command: string;
  readonly cwd: string | null;
  readonly startedAt: number | null;
  readonly render: ScriptRender;
  /** Its live blender children, in the order they were started. */
  readonly children: readonly FoundChild[];
}

export interface FoundBlenders {
  readonly kind: 'blender';
  readonly key: string;
  readonly command: string;
  readonly cwd: string | null;
  readonly startedAt: number | null;
  /** The first process's render (they share .blend and output). */
  readonly render: BlenderRender;
  readonly children: readonly (FoundChild & { readonly render: BlenderRender })[];
}

export type FoundRender = FoundScript | FoundBlenders;

/** Processes whose details the detection needs: blenders, and what may be a script (its command names a .blend). */
export function candidatePids(processes: readonly ProcessSnapshot[], exclude: ReadonlySet<number>): number[] {
  return processes.filter((p) => !exclude.has(p.pid) && (p.isBlender || /\.blend\b/i.test(p.command))).map((p) => p.pid);
}

/** The parents of blender processes that are not in `known` yet: a script with any name is found through its children. */
export function parentPids(details: ReadonlyMap<number, ProcessDetails>, processes: readonly ProcessSnapshot[]): number[] {
  const listed = new Set(processes.map((p) => p.pid));
  const parents = new Set<number>();
  for (const process of processes) {
    const ppid = details.get(process.pid)?.ppid;
    if (process.isBlender && ppid !== null && ppid !== undefined && ppid > 1 && !details.has(ppid) && listed.has(ppid)) parents.add(ppid);
  }
  return [...parents];
}

const spawnOrder = (a: FoundChild, b: FoundChild): number =>
  (a.startedAt ?? 0) - (b.startedAt ?? 0) || a.pid - b.pid;

/** The words a process was started with: /proc's when readable, else the process table's (mps shows `(blender)` then). */
function wordsOf(process: ProcessSnapshot, details: ProcessDetails | undefined): string[] {
  if (details !== undefined && details.argv.length > 0) return [...details.argv];
  return /^\(.*\)$/.test(process.command.trim()) ? [] : commandWords(process.command);
}

export interface DetectInput {
  readonly processes: readonly ProcessSnapshot[];
  readonly details: ReadonlyMap<number, ProcessDetails>;
  /** omtop's own render parts (and omtop itself): never an observed render. */
  readonly exclude: ReadonlySet<number>;
}

/** What any word parseRenderScript takes for the .blend file contains (its pattern is /\.blend$/i). */
const BLEND_ANYWHERE = /\.blend/i;

export function detectRenders(input: DetectInput): FoundRender[] {
  const { processes, details, exclude } = input;
  const blenders = processes.filter((p) => p.isBlender && !exclude.has(p.pid) && !exclude.has(details.get(p.pid)?.ppid ?? -1));
  const childrenOf = new Map<number, FoundChild[]>();
  for (const process of blenders) {
    const ppid = details.get(process.pid)?.ppid;
    if (ppid === null || ppid === undefined) continue;
    const child: FoundChild = {
      pid: process.pid, startedAt: details.get(process.pid)?.startedAt ?? null, render: parseBlenderRender(wordsOf(process, details.get(process.pid))),
    };
    childrenOf.set(ppid, [...(childrenOf.get(ppid) ?? []), child]);
  }

  const found: FoundRender[] = [];
  const claimed = new Set<number>();
  for (const process of processes) {
    if (exclude.has(process.pid)) continue;
    // A script render names its .blend: a command line without one (most, each tick) is not split into words.
    if (!details.has(process.pid) && !BLEND_ANYWHERE.test(process.command)) continue;
    const words = wordsOf(process, details.get(process.pid));
    const children = childrenOf.get(process.pid) ?? [];
    const script = parseRenderScript(words) ?? (children.length > 0 ? parseRenderScript(words, { anyName: true }) : null);
    if (script === null) continue;
    const own = details.get(process.pid);
    for (const child of children) claimed.add(child.pid);
    found.push({
      kind: 'script', key: `script:${process.pid}`, pid: process.pid, command: words.join(' '), cwd: own?.cwd ?? null,
      startedAt: own?.startedAt ?? null, render: script, children: [...children].sort(spawnOrder),
    });
  }

  const groups = new Map<string, Array<FoundChild & { render: BlenderRender; words: string[] }>>();
  for (const process of blenders) {
    if (claimed.has(process.pid)) continue;
    const own = details.get(process.pid);
    const words = wordsOf(process, own);
    const render = parseBlenderRender(words);
    if (render === null) continue;
    const key = `blender:${own?.ppid ?? '-'}:${own?.cwd ?? ''}:${render.blendFile}:${render.output ?? ''}:${render.scene ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), { pid: process.pid, startedAt: own?.startedAt ?? null, render, words }]);
  }
  for (const [key, members] of groups) {
    const sorted = [...members].sort(spawnOrder);
    const first = sorted[0];
    if (first === undefined) continue;
    found.push({
      kind: 'blender', key, command: first.words.join(' '), cwd: details.get(first.pid)?.cwd ?? null,
      startedAt: first.startedAt, render: first.render, children: sorted,
    });
  }
  return found;
}
