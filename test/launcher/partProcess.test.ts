// The part runner with ordinary programs standing in for blender: log file, parsed lines, watchdog, groups.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPartProcess } from '../../src/launcher/partProcess.js';
import { groupGone } from './support/blender.js';
import type { BlenderLogEvent } from '../../parsers/blenderLog.js';

const dir = mkdtempSync(join(tmpdir(), 'omtop-part-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startPartProcess', () => {
  it('appends stdout and stderr to the log and parses each line', async () => {
    const log = join(dir, 'a.log');
    const events: BlenderLogEvent[] = [];
    const running = startPartProcess({
      argv: ['sh', '-c', `echo "Saved: '/o/f_0001.png'"; echo "Error: boom" >&2; exit 3`],
      logFile: log, stallTimeoutMs: 0, onEvent: (e) => events.push(e),
    });
    const result = await running.result;
    expect(result).toMatchObject({ exitCode: 3, signal: null, stalled: false, spawnError: null, errors: ['Error: boom'] });
    expect(events).toContainEqual({ kind: 'saved', path: '/o/f_0001.png', renderSeconds: null, savingSeconds: null });
    const text = readFileSync(log, 'utf8');
    expect(text).toContain("Saved: '/o/f_0001.png'");
    expect(text).toContain('Error: boom');
    expect(text).toMatch(/^# omtop: exit code 3/m);
  });

  it('kills the whole process group of a part that stays silent', async () => {
    const running = startPartProcess({ argv: ['sh', '-c', 'sleep 30 & sleep 30'], logFile: join(dir, 'b.log'), stallTimeoutMs: 300 });
    const result = await running.result;
    expect(result).toMatchObject({ stalled: true, signal: 'SIGKILL' });
    // The background sleep went down too (once init has reaped it).
    expect(await groupGone(result.pid ?? 0)).toBe(true);
  });

  it('reports a program that cannot be started', async () => {
    const result = await startPartProcess({ argv: ['/nonexistent/blender'], logFile: join(dir, 'c.log'), stallTimeoutMs: 0 }).result;
    expect(result.spawnError).toMatch(/ENOENT/);
    expect(result.exitCode).toBeNull();
  });
});
