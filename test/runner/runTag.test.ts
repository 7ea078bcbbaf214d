// The run tag finds what is left of a command by its environment, wherever it went.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { killTagged, newRunTag, RUN_TAG_VARIABLE } from '../../src/runner/runTag.js';

function sleeper(env: NodeJS.ProcessEnv): Promise<{ pid: number; exited: Promise<NodeJS.Signals | null> }> {
  const child = spawn('sleep', ['1000'], { env, stdio: 'ignore', detached: true });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  return new Promise((resolve) => child.on('spawn', () => resolve({ pid: child.pid ?? 0, exited })));
}

describe('run tags', () => {
  it('are unique per command', () => {
    expect(newRunTag()).not.toBe(newRunTag());
    expect(newRunTag()).toMatch(new RegExp(`^${process.pid}-[0-9a-f]{12}$`));
  });

  it('killTagged kills every process carrying the tag, in its own session or not, and nothing else', async () => {
    const tag = newRunTag();
    const tagged = await sleeper({ ...process.env, [RUN_TAG_VARIABLE]: tag });
    const other = await sleeper({ ...process.env, [RUN_TAG_VARIABLE]: newRunTag() });
    expect(await killTagged(tag)).toEqual([tagged.pid]);
    expect(await tagged.exited).toBe('SIGKILL');
    process.kill(other.pid, 'SIGTERM');
    expect(await other.exited).toBe('SIGTERM');
  });

  it('finds nothing where there is no /proc, without failing', async () => {
    expect(await killTagged(newRunTag(), '/nonexistent/proc')).toEqual([]);
  });
});
