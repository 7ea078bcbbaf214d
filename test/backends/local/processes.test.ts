import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProcessReader, type ProcessContext } from '../../../src/backends/local/processes.js';

const context = (): ProcessContext => ({ procRoot: '/proc', node: 1, memTotalBytes: null, uptimeSeconds: null, users: new Map(), nowMs: Date.now() });

/** The /proc/<pid>/stat files this test process holds open. */
function statFilesOpen(): string[] {
  const paths: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (/^\/proc\/\d+\/stat$/.test(target)) paths.push(target);
    } catch {
      // The fd readdir itself used, closed by now.
    }
  }
  return paths;
}

describe('the local process reader on this machine', () => {
  it("keeps a process's stat file open across ticks and closes it when the process exits", async () => {
    const reader = createProcessReader();
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const first = await reader.read(context());
      expect(first.some((p) => p.pid === child.pid)).toBe(true);
      expect(statFilesOpen()).toContain(`/proc/${child.pid}/stat`);
      expect(reader.openFiles()).toBe(statFilesOpen().length);
      const second = await reader.read(context());
      expect(second.find((p) => p.pid === child.pid)?.command).toBe('sleep 30');
    } finally {
      child.kill('SIGKILL');
    }
    await exited;
    const after = await reader.read(context());
    expect(after.some((p) => p.pid === child.pid)).toBe(false);
    expect(statFilesOpen()).not.toContain(`/proc/${child.pid}/stat`);
    reader.close();
    expect(reader.openFiles()).toBe(0);
    expect(statFilesOpen()).toEqual([]);
  });

  it('holds no more stat files open than its limit, and reads the others all the same', async () => {
    const capped = createProcessReader({ keptStatFiles: 3 });
    const unlimited = createProcessReader();
    try {
      for (let tick = 0; tick < 3; tick += 1) {
        const [few, all] = [await capped.read(context()), await unlimited.read(context())];
        expect(capped.openFiles()).toBe(3);
        // The same processes either way, apart from one starting or ending in between.
        const pids = (list: readonly { pid: number }[]): Set<number> => new Set(list.map((p) => p.pid));
        const [a, b] = [pids(few), pids(all)];
        const common = [...a].filter((pid) => b.has(pid)).length;
        expect(common).toBeGreaterThanOrEqual(Math.max(a.size, b.size) - 3);
        expect(a.size).toBeGreaterThan(3);
      }
    } finally {
      capped.close();
      unlimited.close();
    }
  });
});
