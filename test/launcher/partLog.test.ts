// A part's log, also when its folder is known only after the worker started.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MAX_PENDING_LOG_BYTES, openPartLog } from '../../src/launcher/partLog.js';

const dir = mkdtempSync(join(tmpdir(), 'omtop-partlog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openPartLog', () => {
  it('appends to a file known from the start', async () => {
    const log = openPartLog(join(dir, 'a.log'), () => undefined);
    log.write('one\n');
    log.write('two\n');
    await log.end();
    expect(readFileSync(join(dir, 'a.log'), 'utf8')).toBe('one\ntwo\n');
  });

  it('keeps the lines until the path is known, also after the process ended, then writes them in order', async () => {
    let give: (path: string) => void = () => undefined;
    const log = openPartLog(new Promise<string>((resolve) => (give = resolve)), () => undefined);
    log.write('loading\n');
    log.write('ready\n');
    await log.end(); // the process ended before its part was known: end() does not wait for the path
    give(join(dir, 'b.log'));
    await vi.waitFor(() => expect(readFileSync(join(dir, 'b.log'), 'utf8')).toBe('loading\nready\n'), { timeout: 5000 });
  });

  it('drops the lines of a worker that never got a part, and bounds what it keeps meanwhile', async () => {
    let drop: () => void = () => undefined;
    const target = new Promise<string>((_, reject) => (drop = () => reject(new Error('no log'))));
    const log = openPartLog(target, () => undefined);
    log.write('x'.repeat(MAX_PENDING_LOG_BYTES));
    log.write('one line too many\n');
    drop();
    await expect(log.end()).resolves.toBeUndefined();
    let given: (path: string) => void = () => undefined;
    const bounded = openPartLog(new Promise<string>((resolve) => (given = resolve)), () => undefined);
    bounded.write('x'.repeat(MAX_PENDING_LOG_BYTES - 2));
    bounded.write('\n');
    bounded.write('this line is dropped\n');
    given(join(dir, 'c.log'));
    await bounded.end();
    await vi.waitFor(() => expect(readFileSync(join(dir, 'c.log'), 'utf8')).toMatch(/# omtop: 21 bytes of output before this log was opened were dropped\n$/), { timeout: 5000 });
    expect(readFileSync(join(dir, 'c.log'), 'utf8')).not.toContain('this line is dropped');
  });

  it('reports a log that cannot be written, once, without throwing', async () => {
    const problems: string[] = [];
    const log = openPartLog(join(dir, 'no-such-dir', 'd.log'), (message) => problems.push(message));
    log.write('lost\n');
    await log.end();
    expect(problems).toEqual([expect.stringMatching(/^cannot write .*no-such-dir\/d\.log: ENOENT/)]);
  });
});
