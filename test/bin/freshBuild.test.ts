// bin/omtop.js runs dist/ only when it is fresh: an edited checkout must never run stale code.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshBuild } from '../../bin/freshBuild.js';

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
});
