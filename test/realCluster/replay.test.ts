// What the real cluster printed (fixtures/real-cluster), replayed by tools on PATH: first that the
// replay is faithful, then omtop against it — the CI-visible half of the real-cluster suite.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureFiles, readCaptures, replayTable, writeReplayTools } from './lib/replay.js';

interface Ran {
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  readonly status: number | null;
}

function run(file: string, args: readonly string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { encoding: 'buffer' }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, status: error === null ? 0 : typeof error.code === 'number' ? error.code : null });
    });
  });
}

const index = readCaptures();

describe('the recorded real cluster', () => {
  it('holds every scenario the capture walks through, each command with both streams', () => {
    expect(new Set(index.commands.map((entry) => entry.scenario))).toEqual(
      new Set(['formed', 'busy', 'migrate', 'bring', 'flags', 'flags-all', 'expel', 'kill', 'node-down', 'rejoined']),
    );
    for (const entry of index.commands) {
      const files = captureFiles(entry);
      expect(readFileSync(files.stdout).length, `${entry.scenario}/${entry.name}`).toBe(entry.stdoutBytes);
      expect(readFileSync(files.stderr).length, `${entry.scenario}/${entry.name}`).toBe(entry.stderrBytes);
    }
  });

  it.each(['formed', 'busy', 'node-down'])('replays %s exactly: the same bytes on the same streams, the same exit status', async (scenario) => {
    const bin = writeReplayTools(mkdtempSync(join(tmpdir(), 'omtop-replay-')), [scenario]);
    const table = replayTable(index, [scenario]);
    expect(table.size).toBeGreaterThan(5);
    for (const entry of table.values()) {
      const got = await run(join(bin, entry.argv[0] ?? ''), entry.argv.slice(1));
      const files = captureFiles(entry);
      expect(got.stdout.equals(readFileSync(files.stdout)), entry.name).toBe(true);
      expect(got.stderr.equals(readFileSync(files.stderr)), entry.name).toBe(true);
      expect(got.status, entry.name).toBe(entry.exitCode);
    }
    const missing = await run(join(bin, 'mosctl'), ['getload', '99']);
    expect([missing.stderr.toString(), missing.status]).toEqual(['mosctl getload 99: not recorded\n', 127]);
  });
});
