// The one-way data flow, enforced: each rule names a folder and the imports it must never have,
// and no two folders may import each other, however indirectly.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

interface Rule {
  readonly dir: string;
  readonly why: string;
  readonly forbid: readonly RegExp[];
}

const RULES: readonly Rule[] = [
  {
    dir: 'parsers', why: 'parsers are a leaf: text in, values out, no I/O',
    forbid: [/(^|\/)src\//, /^execa$/, /^node:(fs|child_process|net|http)/, /^blessed/],
  },
  {
    dir: 'src/state', why: 'interaction state sits below the reducer and the view: it imports neither',
    forbid: [/\/(reducer|view|ui|app|backends|runner|collector|commands)\//, /^blessed/, /^execa$/, /^node:/],
  },
  {
    dir: 'src/reducer', why: 'the reducer only decides: pure, no view, no I/O',
    forbid: [/\/(view|ui|app|backends|runner|collector|commands)\//, /^blessed/, /^execa$/, /^node:(fs|child_process)/],
  },
  {
    dir: 'src/view', why: 'view models only format: pure, and never decide',
    forbid: [/^blessed/, /^execa$/, /^node:(fs|child_process)/, /\/(ui|backends|runner|collector|reducer|app)\//],
  },
  {
    dir: 'src/cluster', why: 'the cluster vocabulary is plain values and their argv',
    forbid: [/\/(state|reducer|view|ui|app|backends|runner|collector|emulator)\//, /^blessed/, /^execa$/, /^node:/],
  },
  { dir: 'src/text', why: 'text formatting is a leaf', forbid: [/^\.\.\//, /^blessed/, /^execa$/, /^node:/] },
  {
    dir: 'src/ui', why: 'widgets take plain data and do no I/O',
    forbid: [/^execa$/, /^node:(fs|child_process)/, /\/(backends|runner|collector|emulator|launcher)\//],
  },
  { dir: 'src/emulator', why: 'the emulated cluster is a deterministic model', forbid: [/^execa$/, /^node:(fs|child_process)/, /^blessed/] },
  { dir: 'src/model', why: 'snapshots are plain data', forbid: [/^execa$/, /^node:child_process/, /^blessed/] },
  {
    dir: 'src/observer', why: 'the render watch reads the world only through its seam (runner/watchSources)',
    forbid: [/^execa$/, /^node:(fs|child_process)/, /^blessed/, /\/(backends|emulator|app|ui|view|reducer|state|collector)\//],
  },
  { dir: 'src/preview', why: 'decoding a frame is pure: bytes in, pixels out', forbid: [/^execa$/, /^node:/, /^blessed/, /^\.\.\//] },
];

/** Only these files may start processes: the runner seam (its one bounded process), and the render part runner (streams, process groups). */
const MAY_SPAWN = new Set(['src/runner/boundedProcess.ts', 'src/launcher/partProcess.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1] ?? '');
}

/** The folder a file belongs to: `parsers`, `src/view`…; a file directly in src/ is its own. */
function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'parsers') return 'parsers';
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
}

/** Folder → the folders it imports (type-only and dynamic imports count), with one import as the example. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of [...sourceFiles('src'), ...sourceFiles('parsers')]) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
      const target = relative(root, join(root, dirname(file), spec)).replace(/\.js$/, '.ts');
      const to = folderOf(target);
      if (to !== from && !edges.has(to)) edges.set(to, `${file} imports ${spec}`);
    }
  }
  return graph;
}

/** Every cycle of folders, each as the imports that close it (Tarjan's strongly connected components). */
function folderCycles(graph: Map<string, Map<string, string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const members: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member !== undefined) members.push(member);
    } while (member !== undefined && member !== node);
    if (members.length > 1) {
      const inCycle = new Set(members);
      cycles.push(members.flatMap((from) => [...(graph.get(from) ?? [])].filter(([to]) => inCycle.has(to)).map(([, example]) => example)));
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('architecture', () => {
  for (const rule of RULES) {
    it(`${rule.dir}: ${rule.why}`, () => {
      const files = sourceFiles(rule.dir);
      expect(files.length).toBeGreaterThan(0);
      const violations = files.flatMap((file) =>
        importsOf(file).filter((spec) => rule.forbid.some((pattern) => pattern.test(spec))).map((spec) => `${file} imports ${spec}`));
      expect(violations).toEqual([]);
    });
  }

  it('no two folders import each other, directly or through others', () => {
    const graph = folderGraph();
    expect(graph.get('src/state')?.size, 'the graph sees state\'s imports').toBeGreaterThan(0);
    expect(folderCycles(graph)).toEqual([]);
  });

  it('finds a cycle of folders when there is one', () => {
    const graph = new Map([
      ['src/a', new Map([['src/b', 'a.ts imports ../b/b.js']])],
      ['src/b', new Map([['src/c', 'b.ts imports ../c/c.js']])],
      ['src/c', new Map([['src/a', 'c.ts imports ../a/a.js']])],
      ['src/d', new Map([['src/a', 'd.ts imports ../a/a.js']])],
    ]);
    expect(folderCycles(graph).map((cycle) => cycle.sort())).toEqual([['a.ts imports ../b/b.js', 'b.ts imports ../c/c.js', 'c.ts imports ../a/a.js']]);
  });

  it('only the runner seam and the render part runner start processes', () => {
    const spawning = [...sourceFiles('src'), ...sourceFiles('parsers')]
      .filter((file) => importsOf(file).some((spec) => spec === 'execa' || spec === 'node:child_process'));
    expect(spawning.sort()).toEqual([...MAY_SPAWN].sort());
  });
  it('the openMosix node flags are listed in one place (parsers/nodeFlags.ts)', () => {
    // A list of the four names, or an object spelling out all four: either is a second definition.
    const list = /['"]stay['"]\s*,\s*['"]lstay['"]\s*,\s*['"]block['"]\s*,\s*['"]quiet['"]/;
    const object = /\bstay:\s*\w+,\s*lstay:\s*\w+,\s*block:\s*\w+,\s*quiet:/;
    const defining = [...sourceFiles('src'), ...sourceFiles('parsers')]
      .filter((file) => { const text = readFileSync(join(root, file), 'utf8'); return list.test(text) || object.test(text); });
    // hpc.ts maps each flag to the kernel's status bit: a fact of its own, not a second list.
    expect(defining).toEqual(['parsers/hpc.ts', 'parsers/nodeFlags.ts']);
  });
});
