// The generated wrappers and the broker behind them, against a stand-in VM: a host program gets
// the guest tool's stdout, stderr and exit status apart and byte for byte.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, HARNESS_FAILURE, parseRequest, serveTools, type ToolShell } from './lib/broker.js';
import type { GuestResult } from './lib/guestProtocol.js';
import { guestCommand, WRAPPED_TOOLS, wrapperScript, writeWrappers } from './lib/tools.js';

describe('guestCommand', () => {
  it("runs each tool's own binary in the guest, with the arguments unchanged", () => {
    expect(guestCommand('mosctl', ['getload', '2'])).toEqual({ ok: true, argv: ['/sbin/mosctl', 'getload', '2'] });
    expect(guestCommand('mps', ['auxww'])).toEqual({ ok: true, argv: ['/sbin/mps', 'auxww'] });
    expect(guestCommand('migrate', ['64', 'home'])).toEqual({ ok: true, argv: ['/sbin/migrate', '64', 'home'] });
    expect(guestCommand('kill', ['-TERM', '64'])).toEqual({ ok: true, argv: ['/bin/kill', '-TERM', '64'] });
    expect(guestCommand('setpe', ['-r'])).toEqual({ ok: true, argv: ['/sbin/setpe', '-r'] });
  });

  it('gives `openmosix status` as the init script does (setpe -r), and nothing else of a script CHAOS lacks', () => {
    expect(guestCommand('openmosix', ['status'])).toEqual({ ok: true, argv: ['/sbin/setpe', '-r'] });
    expect(guestCommand('openmosix', ['start'])).toMatchObject({ ok: false, exitCode: 2 });
    expect(guestCommand('mtop', [])).toMatchObject({ ok: false, exitCode: 127 });
  });
});

describe('parseRequest', () => {
  it('takes a tool and string arguments, and nothing else', () => {
    expect(parseRequest('{"tool":"mosctl","args":["whois"]}')).toEqual({ tool: 'mosctl', args: ['whois'] });
    expect(parseRequest('{"tool":"mosctl","args":[1]}')).toBeNull();
    expect(parseRequest('{"args":[]}')).toBeNull();
    expect(parseRequest('null')).toBeNull();
    expect(parseRequest('not json')).toBeNull();
  });
});

/** A VM stand-in: answers by argv, records what it was asked. */
function standIn(answers: Record<string, GuestResult | Error>): ToolShell & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    run(argv) {
      asked.push([...argv]);
      const reply = answers[argv.join(' ')];
      if (reply instanceof Error) return Promise.reject(reply);
      return Promise.resolve(reply ?? { stdout: Buffer.alloc(0), stderr: Buffer.from(`${argv[0]}: not found\n`), exitCode: 127 });
    },
  };
}

interface Ran {
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  readonly status: number | null;
}

function spawnAsync(file: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { env, encoding: 'buffer' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ stdout, stderr, status: code });
    });
  });
}

const result = (stdout: string | Buffer, stderr: string, exitCode: number): GuestResult => ({
  stdout: Buffer.from(stdout),
  stderr: Buffer.from(stderr),
  exitCode,
});

describe('answer', () => {
  it('says when the harness, not the tool, failed', async () => {
    const shell = standIn({ '/sbin/mosctl whois': new Error('node 1: serial console closed (the VM stopped)') });
    const reply = await answer(shell, '{"tool":"mosctl","args":["whois"]}');
    expect(reply.exitCode).toBe(HARNESS_FAILURE);
    expect(Buffer.from(reply.stderr, 'base64').toString()).toBe('mosctl: omtop real-cluster harness: node 1: serial console closed (the VM stopped)\n');
    expect((await answer(shell, 'garbage')).exitCode).toBe(HARNESS_FAILURE);
  });
});

describe('the wrappers on PATH', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omtop-wrappers-'));
  const socket = join(dir, '1.tools');
  const binary = Buffer.from([0x00, 0x01, 0xff, 0x0d, 0x0a, 0x41]);
  const shell = standIn({
    '/sbin/mosctl getload 3': result('', 'Node #3 is not configured\n', 0),
    '/sbin/mosctl': result('', 'Usage: /sbin/mosctl command\n', 1),
    '/sbin/mosctl frobnicate': result('/sbin/mosctl: No such option.\n', '', 1),
    '/sbin/migrate it\'s a "quoted" $word': result('Usage: sbin/migrate pid {OpenMosix-ID|home|balance}\n', '', 1),
    '/sbin/mps binary': result(binary, '', 0),
    '/sbin/setpe -r': result('This is OpenMosix node #1\n', '', 0),
  });
  let server: Server;

  beforeAll(async () => {
    server = await serveTools(shell, socket);
    writeWrappers(join(dir, 'bin'), socket, 1);
  });
  afterAll(() => server.close());

  // Asynchronously: the broker answering the wrapper runs in this very process.
  const run = (tool: string, ...args: string[]) => spawnAsync(tool, args, { PATH: [join(dir, 'bin'), '/usr/bin', '/bin'].join(delimiter) });

  it('writes one executable per tool, naming the node and handing "$@" on unchanged', () => {
    for (const tool of WRAPPED_TOOLS) expect(statSync(join(dir, 'bin', tool)).mode & 0o111).toBe(0o111);
    const text = readFileSync(join(dir, 'bin', 'mosctl'), 'utf8');
    expect(text).toBe(wrapperScript('mosctl', socket, 1));
    expect(text).toMatch(/^#!\/bin\/sh\n# node 1's mosctl/);
    expect(text).toMatch(/ 'mosctl' "\$@"\n$/);
  });

  it('keeps stderr and the exit status apart: an error on stderr with exit 0', async () => {
    const got = await run('mosctl', 'getload', '3');
    expect([got.stdout.toString(), got.stderr.toString(), got.status]).toEqual(['', 'Node #3 is not configured\n', 0]);
  });

  it('reproduces a failure on either stream with its exit status', async () => {
    const usage = await run('mosctl');
    expect([usage.stdout.toString(), usage.stderr.toString(), usage.status]).toEqual(['', 'Usage: /sbin/mosctl command\n', 1]);
    const option = await run('mosctl', 'frobnicate');
    expect([option.stdout.toString(), option.stderr.toString(), option.status]).toEqual(['/sbin/mosctl: No such option.\n', '', 1]);
  });

  it('passes arguments with quotes and spaces through, and output bytes unchanged', async () => {
    const quoted = await run('migrate', "it's", 'a "quoted" $word');
    expect(quoted.status).toBe(1);
    expect(shell.asked).toContainEqual(['/sbin/migrate', "it's", 'a "quoted" $word']);
    expect((await run('mps', 'binary')).stdout.equals(binary)).toBe(true);
    expect((await run('openmosix', 'status')).stdout.toString()).toBe('This is OpenMosix node #1\n');
    const refused = await run('openmosix', 'restart');
    expect([refused.stdout.toString(), refused.status]).toEqual(['', 2]);
    expect(refused.stderr.toString()).toMatch(/^openmosix: only `openmosix status`/);
    expect(shell.asked).toContainEqual(['/sbin/mps', 'binary']);
  });

  it('says so, with its own exit status, when the VM is not there', async () => {
    const other = mkdtempSync(join(tmpdir(), 'omtop-wrappers-'));
    writeWrappers(join(other, 'bin'), join(other, 'no-such.tools'), 2);
    const got = await spawnAsync(join(other, 'bin', 'mosctl'), ['whois']);
    expect(got.status).toBe(HARNESS_FAILURE);
    expect(got.stdout.toString()).toBe('');
    expect(got.stderr.toString()).toMatch(/^mosctl: omtop real-cluster harness: the VM's broker is not reachable \(.*ENOENT/);
  });
});
