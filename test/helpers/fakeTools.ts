// Puts fixtures/bin first on PATH for a runner and reads back what the fake tools were called with.
import { chmodSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { respond } from '../../fixtures/bin/lib/fakeTool.mjs';
import type { CommandResult, CommandRunner } from '../../src/runner/runner.js';

export const FAKE_BIN = fileURLToPath(new URL('../../fixtures/bin', import.meta.url));
/** The fakes are `#!/usr/bin/env node` scripts, so node's own directory must stay reachable. */
export const NODE_DIR = dirname(process.execPath);

export interface FakeEnv {
  readonly env: Record<string, string>;
  /** Every argv the fakes were called with so far, in order. */
  calls(): string[][];
}

export function fakeToolsEnv(extra: Record<string, string> = {}, withFakes = true): FakeEnv {
  const log = join(mkdtempSync(join(tmpdir(), 'omtop-fake-')), 'calls.log');
  const path = withFakes ? [FAKE_BIN, NODE_DIR].join(delimiter) : join(tmpdir(), 'omtop-no-such-dir');
  return {
    env: { PATH: path, OMTOP_FAKE_LOG: log, ...extra },
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as string[])
        : [],
  };
}

/**
 * The fake tools' answers without a fork per command: for tests that count commands over many
 * ticks. It records each argv like OMTOP_FAKE_LOG does; a hanging command reports a timeout.
 */
export function inProcessFakeRunner(env: Record<string, string> = {}): CommandRunner & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run(argv: readonly string[]): Promise<CommandResult> {
      calls.push([...argv]);
      const answer = respond(argv, env);
      const base = { argv, stdout: answer.stdout, stderr: answer.stderr, durationMs: 0 };
      if (answer.hang) return Promise.resolve({ ...base, exitCode: null, failure: 'timeout', message: `${argv.join(' ')}: timed out after 2 s` });
      if (answer.exitCode !== 0) {
        const message = (answer.stderr || answer.stdout).split('\n')[0] ?? '';
        return Promise.resolve({ ...base, exitCode: answer.exitCode, failure: 'exit', message });
      }
      return Promise.resolve({ ...base, exitCode: 0 });
    },
  };
}

/**
 * A PATH with the fake tools, where `tool` first runs the sh `cases` (a `case "$1" in … esac` body
 * over its first word) and falls back to the fake otherwise: for tools that misbehave in ways
 * only a real process can (a grandchild that keeps stdout open, a death by signal).
 */
export function pathWithHostileTool(tool: string, cases: string): string {
  const bin = mkdtempSync(join(tmpdir(), 'omtop-hostile-bin-'));
  writeFileSync(join(bin, tool), `#!/bin/sh\ncase "$1" in\n${cases}\nesac\nexec '${FAKE_BIN}/${tool}' "$@"\n`);
  chmodSync(join(bin, tool), 0o755);
  // The system's own folders last, for sh's setsid, sleep and kill.
  return [bin, FAKE_BIN, NODE_DIR, '/usr/bin', '/bin'].join(delimiter);
}
