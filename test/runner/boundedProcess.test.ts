// Hostile commands through the real runner: descendants that keep the output pipe open, endless
// output, deaths by signal after a plausible answer. Each must end in a result, never a hang.
import { describe, expect, it } from 'vitest';
import * as runnerModule from '../../src/runner/execaRunner.js';
import { processesMentioning } from '../launcher/support/blender.js';

/** Waits (generously) until no process mentions `needle`; true when none is left. */
async function goneEventually(needle: string, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (processesMentioning(needle).length > 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('the runner bounds every command', () => {
  it('returns the answer of a command whose escaped grandchild keeps stdout open, and kills the grandchild', async () => {
    // setsid: the grandchild leaves the command's process group and session, and holds the pipe for 1000 s.
    const result = await runnerModule.createExecaRunner({ timeoutMs: 5000 }).run(['sh', '-c', 'setsid sleep 1000.25 & echo load=75']);
    expect(result.failure).toBeUndefined();
    expect(result.stdout).toBe('load=75\n');
    expect(await goneEventually('1000.25')).toBe(true);
  }, 30_000);

  it('times out a command that hangs with such a grandchild, and kills both', async () => {
    const result = await runnerModule.createExecaRunner({ timeoutMs: 300 }).run(['sh', '-c', 'setsid sleep 1000.35 & echo partial; exec sleep 1000.45']);
    expect(result.failure).toBe('timeout');
    expect(result.message).toBe("sh -c setsid sleep 1000.35 & echo partial; exec sleep 1000.45: timed out after 0.3 s");
    expect(await goneEventually('1000.35')).toBe(true);
    expect(await goneEventually('1000.45')).toBe(true);
  }, 30_000);

  it('an abort ends such a command at once too', async () => {
    const controller = new AbortController();
    const pending = runnerModule.createExecaRunner({ timeoutMs: 60_000 }).run(['sh', '-c', 'setsid sleep 1000.55 & exec sleep 1000.65'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    expect((await pending).failure).toBe('aborted');
    expect(await goneEventually('1000.55')).toBe(true);
    expect(await goneEventually('1000.65')).toBe(true);
  }, 30_000);

  it('stops endless output at the cap with "output too large", keeping none of it', async () => {
    const result = await runnerModule.createExecaRunner({ timeoutMs: 60_000, maxOutputBytes: 1024 * 1024 }).run(['yes']);
    expect(result.failure).toBe('too-large');
    expect(result.message).toBe('yes: output too large (more than 1 MiB), stopped');
    expect(result.stdout).toBe('');
  }, 30_000);

  it('has a default cap of a few MiB, far above any real tool output', async () => {
    expect((runnerModule as Record<string, unknown>).DEFAULT_MAX_OUTPUT_BYTES).toBe(16 * 1024 * 1024);
    const result = await runnerModule.createExecaRunner({ timeoutMs: 60_000 }).run(['sh', '-c', 'exec yes "endless output from a broken tool"']);
    expect(result.failure).toBe('too-large');
    expect(result.message).toMatch(/output too large \(more than 16 MiB\), stopped$/);
  }, 60_000);

  it('counts stderr against the same cap', async () => {
    const result = await runnerModule.createExecaRunner({ timeoutMs: 60_000, maxOutputBytes: 64 * 1024 }).run(['sh', '-c', 'yes >&2']);
    expect(result.failure).toBe('too-large');
  }, 30_000);

  it('reads a large answer under the cap whole, to its last byte', async () => {
    const result = await runnerModule.createExecaRunner({ timeoutMs: 30_000 }).run(['sh', '-c', "head -c 3000000 /dev/zero | tr '\\0' x; echo end"]);
    expect(result.failure).toBeUndefined();
    expect(result.stdout.length).toBe(3_000_004);
    expect(result.stdout.endsWith('xend\n')).toBe(true);
  }, 30_000);

  it('a command killed by a signal after a plausible answer is a failure, not a reading', async () => {
    const runner = runnerModule.createExecaRunner();
    const killed = await runner.run(['sh', '-c', 'echo load=75; kill -9 $$']);
    expect(killed).toMatchObject({ failure: 'signal', exitCode: null, message: 'sh -c echo load=75; kill -9 $$: killed by SIGKILL' });
    const status = await runner.run(['sh', '-c', 'echo load=75; exit 137']);
    expect(status).toMatchObject({ failure: 'exit', exitCode: 137, message: 'sh -c echo load=75; exit 137: exited with status 137 (killed by SIGKILL)' });
  }, 30_000);
});
