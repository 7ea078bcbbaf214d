// `omtop render` with bad input: one line and exit 1, before anything is forked. (The runs on real
// Blender are in render.integration.test.ts.)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRender as run } from './support/runRender.js';

describe('omtop render: bad input is one line and exit 1 (2 for a usage error), before anything is forked', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'omtop-cli-bad-'));
    writeFileSync(join(dir, 'fake.blend'), 'BLENDER-v304 not really a scene');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'a-file'), 'x');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const USAGE = 2;
  const FAILURE = 1;
  const cases: Array<[string, string[], number, RegExp]> = [
    ['missing .blend', ['nope.blend', '1', '10', '2'], FAILURE, /^omtop: cannot read nope\.blend: no such file$/],
    ['missing .blend with a newline in its name', ['no\npe.blend', '1', '10', '2'], FAILURE, /^omtop: cannot read no\\npe\.blend: no such file$/],
    ['not a .blend', ['notes.txt', '1', '10', '2'], FAILURE, /^omtop: notes\.txt is not a \.blend file$/],
    ['START > END', ['fake.blend', '10', '1', '2'], USAGE, /^omtop: START \(10\) is after END \(1\)$/],
    ['non-integer', ['fake.blend', '1', '2.5', '2'], USAGE, /^omtop: END must be an integer, got "2\.5"$/],
    ['PARTS < 1', ['fake.blend', '1', '10', '0'], USAGE, /^omtop: PARTS must be at least 1, got 0$/],
    ['three arguments', ['x.blend', '1', '48'], USAGE, /^omtop: expected FILE\.blend START END PARTS, got 3 argument\(s\) \(try omtop render --help\)$/],
    ['--split odd', ['fake.blend', '1', '10', '2', '--split', 'odd'], USAGE, /^omtop: --split must be even or dynamic, got "odd"$/],
    ['--resume with --overwrite', ['fake.blend', '1', '10', '2', '--resume', '--overwrite'], USAGE, /^omtop: --resume and --overwrite contradict each other$/],
    ['--blender names no program', ['fake.blend', '1', '10', '2', '--blender', '/nonexistent/blender'], FAILURE,
      /^omtop: blender not found at \/nonexistent\/blender: check --blender PATH$/],
    ['output dir cannot be created', ['fake.blend', '1', '10', '2', '--blender', '/bin/true', '--out', 'a-file/sub'], FAILURE,
      /^omtop: cannot create output directory .*a-file\/sub: a parent is not a directory$/],
    ['unknown option', ['fake.blend', '1', '10', '2', '--parts', '3'], USAGE, /^omtop: .*--parts/],
    ['--movie names a directory', ['fake.blend', '1', '10', '2', '--blender', '/bin/true', '--movie', '.'], FAILURE,
      /^omtop: --movie .* is a directory; name a file$/],
    ['--movie under a file', ['fake.blend', '1', '10', '2', '--blender', '/bin/true', '--movie', 'a-file/m.mp4'], FAILURE,
      /^omtop: cannot write the movie into .*a-file: a file of that name exists$/],
    ['--on-done with a quote left open', ['fake.blend', '1', '10', '2', '--on-done', "mail -s 'render status"], USAGE,
      /^omtop: --on-done: the single quote is not closed$/],
    ['--out and --out-pattern', ['fake.blend', '1', '10', '2', '--out', 'x', '--out-pattern', 'y/f_'], USAGE, /^omtop: --out and --out-pattern contradict each other$/],
  ];
  for (const [name, args, code, pattern] of cases) {
    it(`${name}: exit ${code}`, async () => {
      const result = await run(args, dir);
      expect(result.code).toBe(code);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(pattern);
      expect(existsSync(join(dir, 'a-file'))).toBe(true);
    });
  }

  it('unreadable .blend (a directory)', async () => {
    mkdirSync(join(dir, 'folder.blend'), { recursive: true });
    const result = await run(['folder.blend', '1', '10', '2'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('omtop: cannot read folder.blend: is a directory\n');
  });

  it('blender missing from PATH', async () => {
    const result = await run(['fake.blend', '1', '10', '2'], dir, { ...process.env, PATH: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('omtop: blender not found: install it with apt-get install blender or pass --blender PATH\n');
  });

  it('--help lists the options and exits 0', async () => {
    const result = await run(['--help'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: omtop render FILE\.blend START END PARTS/);
    expect(result.stdout).toContain('--resume');
  });
});
