import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeptFiles, ProcFileReader } from '../../src/backends/procFile.js';

describe('ProcFileReader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omtop-procfile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads files whole through one reused buffer: a long one, then a short one with nothing of the long left over', () => {
    const reader = new ProcFileReader();
    const long = `${'a b '.repeat(50_000)}\n`;
    writeFileSync(join(dir, 'cmdline'), long);
    writeFileSync(join(dir, 'stat'), '42 (sh) S 1\n');
    expect(reader.read(join(dir, 'cmdline'))).toBe(long);
    expect(reader.read(join(dir, 'stat'))).toBe('42 (sh) S 1\n');
  });

  it('stops at its limit with the file and what it should hold in one line; a missing file fails with its errno', () => {
    const reader = new ProcFileReader({ maxBytes: 10_000, what: 'a small value' });
    writeFileSync(join(dir, 'big'), 'x'.repeat(10_001));
    expect(() => reader.read(join(dir, 'big'))).toThrow(`${join(dir, 'big')}: more than 10000 bytes, not a small value`);
    writeFileSync(join(dir, 'fits'), 'y'.repeat(10_000));
    expect(reader.read(join(dir, 'fits'))).toHaveLength(10_000);
    expect(() => reader.read(join(dir, 'absent'))).toThrow(/ENOENT/);
  });
});

/** The files this process holds open whose path is under `dir`. */
function openUnder(dir: string): string[] {
  const paths: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(`${dir}/`)) paths.push(target);
    } catch {
      // The fd readdir itself used, closed by now.
    }
  }
  return paths.sort();
}

describe('KeptFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omtop-kept-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps at most its limit open, reads what the file holds now each time, and closes those no longer wanted', () => {
    for (const key of [1, 2, 3]) writeFileSync(join(dir, `f${key}`), `first ${key}\n`);
    const kept = new KeptFiles(new ProcFileReader(), 2, (key) => join(dir, `f${key}`));
    expect([1, 2, 3].map((key) => kept.read(key))).toEqual(['first 1\n', 'first 2\n', 'first 3\n']);
    expect(kept.size).toBe(2);
    expect(openUnder(dir)).toEqual([join(dir, 'f1'), join(dir, 'f2')]);
    // Rewritten in place, as the kernel's files change: the kept ones read the new text.
    for (const key of [1, 2, 3]) writeFileSync(join(dir, `f${key}`), `second ${key}, longer than before\n`);
    expect([1, 2, 3].map((key) => kept.read(key))).toEqual([1, 2, 3].map((key) => `second ${key}, longer than before\n`));
    expect(kept.size).toBe(2);
    kept.keep((key) => key !== 1);
    expect(openUnder(dir)).toEqual([join(dir, 'f2')]);
    expect(kept.read(3)).toBe('second 3, longer than before\n');
    expect(openUnder(dir)).toEqual([join(dir, 'f2'), join(dir, 'f3')]);
    kept.close();
    expect(kept.size).toBe(0);
    expect(openUnder(dir)).toEqual([]);
  });

  it('reads a file larger than its buffer whole, and fails on a missing one with its errno, keeping nothing', () => {
    const long = `${'x '.repeat(10_000)}\n`;
    writeFileSync(join(dir, 'f7'), long);
    const kept = new KeptFiles(new ProcFileReader(), 10, (key) => join(dir, `f${key}`));
    expect(kept.read(7)).toBe(long);
    expect(kept.read(7)).toBe(long);
    expect(() => kept.read(8)).toThrow(/ENOENT/);
    expect(kept.size).toBe(1);
    kept.close();
  });

  it('names a kept file that grew past the limit (its path made only for that error), and stops keeping it', () => {
    writeFileSync(join(dir, 'f9'), 'small\n');
    const kept = new KeptFiles(new ProcFileReader({ maxBytes: 100, what: 'a small value' }), 10, (key) => join(dir, `f${key}`));
    expect(kept.read(9)).toBe('small\n');
    writeFileSync(join(dir, 'f9'), 'z'.repeat(101));
    expect(() => kept.read(9)).toThrow(`${join(dir, 'f9')}: more than 100 bytes, not a small value`);
    expect(kept.size).toBe(0);
    kept.close();
  });
});
