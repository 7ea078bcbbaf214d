// The one-way data flow, enforced: each rule names a folder and the imports it must never have.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
  { dir: 'src/view', why: 'view models are pure', forbid: [/^blessed/, /^execa$/, /^node:(fs|child_process)/, /\/(ui|backends|runner|collector)\//] },
  {
    dir: 'src/ui', why: 'widgets take plain data and do no I/O',
    forbid: [/^execa$/, /^node:(fs|child_process)/, /\/(backends|runner|collector|emulator|launcher)\//],
  },
  { dir: 'src/emulator', why: 'the emulated cluster is a deterministic model', forbid: [/^execa$/, /^node:(fs|child_process)/, /^blessed/] },
  { dir: 'src/model', why: 'snapshots are plain data', forbid: [/^execa$/, /^node:child_process/, /^blessed/] },
];

/** Only these files may start processes: the runner seam, and the render part runner (streams, process groups). */
const MAY_SPAWN = new Set(['src/runner/execaRunner.ts', 'src/launcher/partProcess.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1] ?? '');
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

  it('only the runner seam and the render part runner start processes', () => {
    const spawning = [...sourceFiles('src'), ...sourceFiles('parsers')]
      .filter((file) => importsOf(file).some((spec) => spec === 'execa' || spec === 'node:child_process'));
    expect(spawning.sort()).toEqual([...MAY_SPAWN].sort());
  });
});
