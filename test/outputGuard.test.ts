// A failing stdout is handled, not thrown: as a unit, and as the real process writing to /dev/full.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { guardOutput } from '../src/outputGuard.js';

const ROOT = new URL('../', import.meta.url).pathname;
const failure = (code: string): Error => Object.assign(new Error(`write ${code}`), { code });

describe('guardOutput', () => {
  it('reports the first write error once, in plain words', () => {
    const stream = new PassThrough();
    const reasons: string[] = [];
    guardOutput(stream, (reason) => reasons.push(reason));
    expect(() => stream.emit('error', failure('ENOSPC'))).not.toThrow();
    stream.emit('error', failure('ENOSPC'));
    expect(reasons).toEqual(['no space left on device']);
  });

  it('treats a closed pipe (EPIPE) as the reader leaving, not as a failure', () => {
    const stream = new PassThrough();
    const reasons: string[] = [];
    guardOutput(stream, (reason) => reasons.push(reason));
    expect(() => stream.emit('error', failure('EPIPE'))).not.toThrow();
    expect(reasons).toEqual([]);
  });

  it('without a reporter, still keeps the error from being thrown', () => {
    const stream = new PassThrough();
    guardOutput(stream, null);
    expect(() => stream.emit('error', failure('EIO'))).not.toThrow();
  });
});

describe.skipIf(!existsSync('/dev/full'))('omtop writing to a full disk', { timeout: 90_000 }, () => {
  it('says so in one line and exits 1 instead of printing a stack trace', () => {
    // The child must hold /dev/full itself: a pipe in between would absorb the error.
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync('node', ['bin/omtop.js', 'parse', 'mps', 'fixtures/mps/tutorial.txt'], {
        cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, OMTOP_DEBUG: '' },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('omtop: cannot write to stdout: no space left on device\n');
    } finally {
      closeSync(full);
    }
  });
});
