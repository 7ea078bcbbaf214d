import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProcFileReader } from '../../src/backends/procFile.js';

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
