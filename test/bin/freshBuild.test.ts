// bin/omtop.js runs dist/ only when it is fresh: an edited checkout must never run stale code.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshBuild, sourceHash } from '../../bin/freshBuild.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function checkout(): string {
  root = mkdtempSync(join(tmpdir(), 'omtop-fresh-'));
  for (const dir of ['src/launcher', 'parsers/util', 'dist']) mkdirSync(join(root, dir), { recursive: true });
  for (const file of ['package.json', 'src/cli.ts', 'src/launcher/job.ts', 'parsers/util/lines.ts']) writeFileSync(join(root, file), '');
  return root;
}

function touch(path: string, secondsAgo: number): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  writeFileSync(path, '', { flag: 'a' });
  utimesSync(path, when, when);
}

describe('freshBuild', () => {
  it('is false without a build', () => {
    expect(freshBuild(checkout())).toBe(false);
  });

  it('is true when the build is newer than every source', () => {
    const dir = checkout();
    for (const file of ['package.json', 'src/cli.ts', 'src/launcher/job.ts', 'parsers/util/lines.ts']) touch(join(dir, file), 60);
    touch(join(dir, 'dist/.built'), 0);
    expect(freshBuild(dir)).toBe(true);
  });

  it.each(['src/launcher/job.ts', 'parsers/util/lines.ts', 'package.json'])('is false once %s changes after the build', (file) => {
    const dir = checkout();
    for (const each of ['package.json', 'src/cli.ts', 'src/launcher/job.ts', 'parsers/util/lines.ts']) touch(join(dir, each), 60);
    touch(join(dir, 'dist/.built'), 30);
    touch(join(dir, file), 0);
    expect(freshBuild(dir)).toBe(false);
  });

  it('is true when the sources only look newer (an installed package is unpacked after dist/), and says so to the next start', () => {
    const dir = checkout();
    writeFileSync(join(dir, 'src/cli.ts'), 'export {};\n');
    writeFileSync(join(dir, 'dist/.built'), `${JSON.stringify({ sources: sourceHash(dir) })}\n`);
    touch(join(dir, 'dist/.built'), 60);
    for (const file of ['package.json', 'src/cli.ts', 'src/launcher/job.ts', 'parsers/util/lines.ts']) touch(join(dir, file), 0);
    expect(freshBuild(dir)).toBe(true);
    expect(statSync(join(dir, 'dist/.built')).mtimeMs).toBeGreaterThanOrEqual(statSync(join(dir, 'src/cli.ts')).mtimeMs);
  });

  it.each([
    ['deleted', (dir: string) => rmSync(join(dir, 'src/launcher/job.ts'))],
    ['added', (dir: string) => writeFileSync(join(dir, 'parsers/util/new.ts'), '')],
    ['renamed', (dir: string) => renameSync(join(dir, 'src/launcher/job.ts'), join(dir, 'src/launcher/work.ts'))],
  ])('is false once a source file is %s after the build, though no remaining file is newer than it', (_, change) => {
    const dir = checkout();
    writeFileSync(join(dir, 'dist/.built'), `${JSON.stringify({ sources: sourceHash(dir) })}\n`);
    for (const file of ['package.json', 'src/cli.ts', 'src/launcher/job.ts', 'parsers/util/lines.ts']) touch(join(dir, file), 60);
    const minuteAgo = new Date(Date.now() - 60_000);
    for (const folder of ['src', 'src/launcher', 'parsers', 'parsers/util']) utimesSync(join(dir, folder), minuteAgo, minuteAgo);
    touch(join(dir, 'dist/.built'), 30);
    expect(freshBuild(dir)).toBe(true);
    change(dir);
    // Only the folder's time tells: every file left keeps its old time (a new one may too: cp -p, tar).
    for (const file of ['package.json', 'src/cli.ts', 'parsers/util/lines.ts']) touch(join(dir, file), 60);
    if (existsSync(join(dir, 'parsers/util/new.ts'))) touch(join(dir, 'parsers/util/new.ts'), 60);
    if (existsSync(join(dir, 'src/launcher/work.ts'))) touch(join(dir, 'src/launcher/work.ts'), 60);
    expect(freshBuild(dir)).toBe(false);
  });

  it('is false when a source changed after the build, whatever the times say', () => {
    const dir = checkout();
    writeFileSync(join(dir, 'dist/.built'), `${JSON.stringify({ sources: sourceHash(dir) })}\n`);
    touch(join(dir, 'dist/.built'), 60);
    writeFileSync(join(dir, 'src/launcher/job.ts'), 'export const edited = 1;\n');
    expect(freshBuild(dir)).toBe(false);
  });
});
