// main() in-process: the commands that need no backend, and how errors become exit codes.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/io.js';
import { doneWhenMainReturns, main, version } from '../src/main.js';

function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: process.cwd() };
  return main(argv, io).then((code) => ({ code, stdout: out, stderr: err }));
}

describe('main', () => {
  it('prints help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('omtop render FILE.blend START END PARTS');
    expect(result.stdout).toContain('--backend openmosix|local|demo|slurm');
  });

  it('prints the package version', async () => {
    const result = await run(['--version']);
    expect(result).toEqual({ code: 0, stdout: `omtop ${version()}\n`, stderr: '' });
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('turns an unknown option or command into one line and exit 2', async () => {
    expect(await run(['--bogus'])).toEqual({ code: 2, stdout: '', stderr: "omtop: Unknown option '--bogus'\n" });
    expect(await run(['frobnicate'])).toEqual({ code: 2, stdout: '', stderr: 'omtop: unknown command "frobnicate" (try omtop --help)\n' });
  });
});

describe('doneWhenMainReturns', () => {
  it('is true for the commands that print and leave nothing running, false for the dashboard and a render', () => {
    for (const argv of [['--once'], ['--once', '--json', '--demo'], ['--backend', 'local', '--once'], ['--version'], ['-V'], ['--help'], ['-h'], ['parse', 'mps']]) {
      expect(doneWhenMainReturns(argv), argv.join(' ')).toBe(true);
    }
    for (const argv of [[], ['--demo'], ['-d', '1'], ['render', 'scene.blend', '1', '10', '2'], ['render', '--help']]) {
      expect(doneWhenMainReturns(argv), argv.join(' ')).toBe(false);
    }
  });
});
