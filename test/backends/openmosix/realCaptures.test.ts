// Every real capture (fixtures/real/cases.json: the openMosix 0.3.6 tools on a 2.4 /proc/hpc, and
// a live 2-node cluster) through `omtop parse` and through the backend, with the fake tools
// printing it on the stream, and with the exit status, the real tool used.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyToolError } from '../../../parsers/index.js';
import { createOpenMosixBackend } from '../../../src/backends/openmosix/openmosixBackend.js';
import { query } from '../../../src/backends/openmosix/query.js';
import { runParseCommand } from '../../../src/commands/parse.js';
import type { CliIo } from '../../../src/io.js';
import { createExecaRunner } from '../../../src/runner/execaRunner.js';
import { FIXTURES_DIR, REAL_DIR, parserForKind, readExpected, realCaptures, type RealCapture } from '../../parsers/fixtureCases.js';
import { fakeToolsEnv } from '../../helpers/fakeTools.js';

const captures = realCaptures();

/** `omtop parse KIND` in-process, the text on stdin. */
async function omtopParse(kind: string, text: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: '', stderr: '' };
  stdout.on('data', (chunk: Buffer) => (chunks.stdout += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (chunks.stderr += chunk.toString()));
  const io: CliIo = { stdout, stderr, stdin: Readable.from([text]), env: {}, cwd: process.cwd() };
  const code = await runParseCommand([kind], io);
  return { code, ...chunks };
}

/** A fake-tool answer directory that answers `capture.argv` exactly as the capture shows: streams and exit status. */
function replaying(capture: RealCapture): string {
  const dir = mkdtempSync(join(tmpdir(), 'omtop-capture-'));
  const inFixtures = (file: string | null): string | null => (file === null ? null : relative(FIXTURES_DIR, join(REAL_DIR, file)));
  const entry = { stdout: inFixtures(capture.files.stdout), stderr: inFixtures(capture.files.stderr), exit: capture.exit };
  writeFileSync(join(dir, 'answers.json'), JSON.stringify({ [(capture.argv ?? []).join(' ')]: entry }));
  return dir;
}

describe('the table of real captures', () => {
  it('lists every capture file in fixtures/real (the traces and the indexes aside)', () => {
    const files = readdirSync(REAL_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(REAL_DIR, join(entry.parentPath, entry.name)))
      .filter((name) => /\.(txt|raw|stdout|stderr)$/.test(name) && !/^traces-/.test(name));
    const listed = new Set(captures.flatMap((capture) => [capture.files.stdout, capture.files.stderr]));
    expect(files.filter((file) => !listed.has(file))).toEqual([]);
    expect(captures.length).toBeGreaterThanOrEqual(80);
  });
});

describe('every capture through omtop parse', () => {
  const parsed = captures.filter((capture) => parserForKind(capture.kind) !== undefined);

  it.each(parsed.map((capture) => [capture.id, capture] as const))('%s', async (_id, capture) => {
    const run = await omtopParse(capture.kind ?? '', capture.text);
    const expected = readExpected(capture.expectedPath ?? '') as { code?: string; message?: string };
    if (capture.expectsError) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`(${expected.code ?? ''}): line 1: ${expected.message ?? ''}`);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    } else {
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(run.stdout)).toEqual(expected);
    }
  });

  it.each(captures.filter((capture) => capture.kind?.endsWith('-listing')).map((capture) => [capture.id, capture] as const))(
    '%s: every /proc value reads as the integer it is', async (_id, capture) => {
      const lines = capture.stdout.split('\n').filter((line) => line !== '');
      for (const line of lines) {
        const [, value = ''] = line.split(' ');
        const run = await omtopParse('hpc-int', `${value}\n`);
        expect(run).toEqual({ code: 0, stdout: `${Number(value)}\n`, stderr: '' });
      }
      expect(lines.length).toBeGreaterThan(0);
    },
  );

  it.each(captures.filter((capture) => capture.kind === null).map((capture) => [capture.id, capture] as const))(
    '%s: migrate printed nothing, which no error reading takes for an error', async (_id, capture) => {
      expect(capture.stdout + capture.stderr).toBe('');
      expect((await omtopParse('tool-error', capture.text)).code).toBe(1);
    },
  );
});

describe('every capture through the backend, the fake tool replaying it', { timeout: 120_000 }, () => {
  const replayed = captures.filter((capture) => capture.argv !== null && parserForKind(capture.kind) !== undefined);

  it.each(replayed.map((capture) => [capture.id, capture] as const))('%s', async (_id, capture) => {
    const fake = fakeToolsEnv({ OMTOP_FAKE_DIR: replaying(capture) });
    const runner = createExecaRunner({ env: fake.env, timeoutMs: 20_000 });
    const parser = parserForKind(capture.kind);
    if (!parser || capture.argv === null) return expect.fail('no parser');
    const result = await query(runner, capture.argv, parser.parse);
    const expected = readExpected(capture.expectedPath ?? '') as { code?: string };
    if (capture.expectsError || capture.kind === 'tool-error') {
      // The tool's own error, whatever its stream and exit status: the query fails with its code.
      expect(result).toMatchObject({ ok: false, failure: { code: expected.code } });
    } else if (capture.exit !== 0) {
      // A text read fine but given with a failing exit (mosctl's usage, setpe's "disabled" and
      // "not openMosix"): the backend has the typed error, never "unexpected output" or a bare exit.
      const said = classifyToolError(capture.text);
      expect(said).not.toBeNull();
      expect(result).toMatchObject({ ok: false, failure: { code: said?.code } });
    } else {
      expect(result).toEqual({ ok: true, value: expected });
    }
    expect(fake.calls()).toEqual([capture.argv]);
  });

  it.each(captures.filter((capture) => capture.kind === null).map((capture) => [capture.id, capture] as const))(
    '%s: the backend reports the silent migrate as sent, not as a failure', async (_id, capture) => {
      const fake = fakeToolsEnv({ OMTOP_FAKE_DIR: replaying(capture) });
      const backend = createOpenMosixBackend({ hpcRoot: null, runner: createExecaRunner({ env: fake.env, timeoutMs: 20_000 }) });
      const [, pid = '', to = ''] = capture.argv ?? [];
      const result = await backend.perform({ type: 'migrate', pid: Number(pid), to: to === 'home' ? 'home' : Number(to) });
      expect(result).toMatchObject({ ok: true, message: expect.stringContaining('sent') });
      expect(fake.calls()).toEqual([capture.argv]);
    },
  );
});
