// `omtop parse` as a real process: exit codes and what goes to stdout and to stderr.
import { readFileSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

function omtop(args: readonly string[], input?: string) {
  return execa('node', ['bin/omtop.js', ...args], { cwd: ROOT, reject: false, input: input ?? '', env: { OMTOP_DEBUG: '' } });
}

// Each case starts Node with tsx, which takes seconds on a busy machine; the limit is generous for that.
describe('omtop parse', { timeout: 90_000 }, () => {
  it('prints the parsed mps file as JSON on stdout and nothing on stderr', async () => {
    const run = await omtop(['parse', 'mps', 'fixtures/mps/tutorial.txt']);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    const value = JSON.parse(run.stdout) as { processes: { pid: number; node: number; command: string }[] };
    expect(value.processes.find((process) => process.pid === 1159)).toMatchObject({
      node: 0, command: '/bin/sh render blacksmith-jpeg.blend 1 235 4',
    });
  });

  it('reads stdin when FILE is absent', async () => {
    const run = await omtop(['parse', 'mosctl-getmem'], fixture('mosctl/getmem-266.txt'));
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ freeBytes: 217960448, totalBytes: 234815488 });
  });

  it('reads stdin for "-" and puts warnings on stderr, the value still on stdout', async () => {
    const run = await omtop(['parse', 'mps', '-'], fixture('mps/trailing-garbage.txt'));
    expect(run.exitCode).toBe(0);
    expect(run.stderr.split('\n')).toEqual([expect.stringMatching(/^omtop: warning: mps line 12: ignored trailing text/)]);
    expect((JSON.parse(run.stdout) as { processes: unknown[] }).processes).toHaveLength(9);
  });

  it('parses mtop and openmosix status files', async () => {
    const mtop = await omtop(['parse', 'mtop', 'fixtures/mtop/tutorial.txt']);
    const process1169 = (JSON.parse(mtop.stdout) as { processes: { pid: number }[] }).processes.find((process) => process.pid === 1169);
    expect(process1169).toMatchObject({ node: 407, cpu: 85.5, rssKiB: 38912 });
    const status = await omtop(['parse', 'openmosix-status', 'fixtures/openmosix-status/tutorial.txt']);
    expect(JSON.parse(status.stdout)).toMatchObject({ localNode: 261, totalConfigured: 4 });
  });

  it('prints one line naming the tool and the line for malformed input, nothing on stdout, exit 1', async () => {
    const run = await omtop(['parse', 'mps', 'fixtures/mps/bad-pid.txt']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('omtop: cannot parse mps output: line 3: expected a PID, got "abc"');
  });

  it('reports a tool error text as what it is, on one line', async () => {
    const run = await omtop(['parse', 'mosctl-getspeed'], 'Error: Network is unreachable\n');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('omtop: mosctl getspeed reported an error (down): line 1: Error: Network is unreachable');
  });

  it('refuses input larger than its cap with one line naming the limit, without reading it all', async () => {
    const run = await execa('sh', ['-c', `yes | node bin/omtop.js parse mps -`], { cwd: ROOT, reject: false, env: { OMTOP_DEBUG: '' }, timeout: 60_000 });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('omtop: cannot read stdin: input is larger than 16 MiB, the most omtop parse reads (no tool prints that much)');
  });

  it('shows at most a hundred warnings and counts the rest', async () => {
    const run = await omtop(['parse', 'openmosix-status', '-'], `This is OpenMosix node #1\n${'chatter\n'.repeat(150)}`);
    expect(run.exitCode).toBe(0);
    const lines = run.stderr.split('\n');
    expect(lines).toHaveLength(101);
    expect(lines.at(-1)).toBe('omtop: warning: openmosix-status: 50 more warning(s) not shown');
  });

  it('exits 2 with one line for an unknown or missing KIND', async () => {
    const unknown = await omtop(['parse', 'ps']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toBe('omtop: parse: unknown kind "ps" (try omtop parse --help)');
    const missing = await omtop(['parse']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.split('\n')).toHaveLength(1);
    expect(missing.stdout).toBe('');
  });

  it('exits 1 with one line for a file that cannot be read', async () => {
    const run = await omtop(['parse', 'mps', 'no-such-file.txt']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('omtop: cannot read no-such-file.txt: no such file');
  });

  it('keeps the error on one line when the file name holds a newline', async () => {
    const run = await omtop(['parse', 'mps', 'no\nsuch.txt']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('omtop: cannot read no\\nsuch.txt: no such file');
  });

  it('lists every kind for --help', async () => {
    const run = await omtop(['parse', '--help']);
    expect(run.exitCode).toBe(0);
    for (const kind of ['openmosix-status', 'setpe-r', 'showmap', 'mps', 'mtop', 'mosctl-getload', 'mosctl-getspeed', 'mosctl-getmem', 'mosctl-getfree',
      'mosctl-getutil', 'mosctl-status', 'mosctl-isup', 'mosctl-whois', 'mosctl-getyard', 'mosctl-getdecay', 'mosctl-reply', 'hpc-int', 'tool-error']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${kind}$`, 'm'));
    }
  });
});
