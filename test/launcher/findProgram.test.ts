import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProgram } from '../../src/launcher/findProgram.js';

const dir = mkdtempSync(join(tmpdir(), 'omtop-find-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findProgram', () => {
  it('searches PATH for an executable file', () => {
    writeFileSync(join(dir, 'tool'), '#!/bin/sh\n');
    writeFileSync(join(dir, 'plain'), 'not executable');
    chmodSync(join(dir, 'tool'), 0o755);
    expect(findProgram('tool', `/nonexistent:${dir}`, '/')).toBe(join(dir, 'tool'));
    expect(findProgram('plain', dir, '/')).toBeNull();
    expect(findProgram('tool', undefined, '/')).toBeNull();
  });

  it('takes a name with a slash as a path, relative to cwd', () => {
    expect(findProgram('./tool', '', dir)).toBe(join(dir, 'tool'));
    expect(findProgram('./missing', '', dir)).toBeNull();
  });
});
