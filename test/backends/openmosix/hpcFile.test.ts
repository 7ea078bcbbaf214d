import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HPC_FILE_MAX_BYTES, readHpcFile } from '../../../src/backends/openmosix/hpcFile.js';

describe('readHpcFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omtop-hpcfile-'));

  it('reads a value file whole, also one longer than its read buffer', () => {
    writeFileSync(join(dir, 'load'), '153\n');
    expect(readHpcFile(join(dir, 'load'))).toBe('153\n');
    const long = `${'7'.repeat(10_000)}\n`;
    writeFileSync(join(dir, 'long'), long);
    expect(readHpcFile(join(dir, 'long'))).toBe(long);
  });

  it('refuses a file far larger than any value, and says which; a missing file fails as readFile does', () => {
    writeFileSync(join(dir, 'huge'), 'x'.repeat(HPC_FILE_MAX_BYTES + 1));
    expect(() => readHpcFile(join(dir, 'huge'))).toThrow(`${join(dir, 'huge')}: more than ${HPC_FILE_MAX_BYTES} bytes`);
    expect(() => readHpcFile(join(dir, 'absent'))).toThrow(/ENOENT/);
  });
});
