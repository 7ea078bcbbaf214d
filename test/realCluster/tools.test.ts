// The generated wrappers and the broker behind them, against a stand-in VM: a host program gets
// the guest tool's stdout, stderr and exit status apart and byte for byte.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, parseRequest, serveTools, type ToolShell } from './lib/broker.js';
import type { GuestResult } from './lib/guestProtocol.js';
import { guestCommand, HARNESS_FAILURE, WRAPPED_TOOLS, wrapperScript, writeWrappers } from './lib/tools.js';

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
  const nul = (...fields: string[]) => Buffer.from(fields.map((field) => `${field}\0`).join(''));

  it('takes a directory, a tool and its arguments, each ended by NUL', () => {
    expect(parseRequest(nul('/tmp/d', 'mosctl', 'getload', '2'))).toEqual({ dir: '/tmp/d', tool: 'mosctl', args: ['getload', '2'] });
    expect(parseRequest(nul('/tmp/d', 'migrate', '', 'a b\nc'))).toEqual({ dir: '/tmp/d', tool: 'migrate', args: ['', 'a b\nc'] });
  });

  it('refuses anything else', () => {
    expect(parseRequest(Buffer.from('/tmp/d\0mosctl'))).toBeNull();
    expect(parseRequest(nul('relative', 'mosctl'))).toBeNull();
    expect(parseRequest(nul('/tmp/d', ''))).toBeNull();
    expect(parseRequest(nul('/tmp/d'))).toBeNull();
    expect(parseRequest(Buffer.alloc(0))).toBeNull();
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
    const reply = await answer(shell, { dir: '/tmp/d', tool: 'mosctl', args: ['whois'] });
    expect(reply.exitCode).toBe(HARNESS_FAILURE);
    expect(reply.stderr.toString()).toBe('mosctl: omtop real-cluster harness: node 1: serial console closed (the VM stopped)\n');
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
    '/sbin/migrate it\'s a "quoted"\n$word': result('Usage: sbin/migrate pid {OpenMosix-ID|home|balance}\n', '', 1),
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
  const scratch = mkdtempSync(join(tmpdir(), 'omtop-wrapper-tmp-'));
  const run = (tool: string, ...args: string[]) => spawnAsync(tool, args, { PATH: [join(dir, 'bin'), '/usr/bin', '/bin'].join(delimiter), TMPDIR: scratch });

  it('writes one executable per tool, naming the node and handing "$@" on unchanged', () => {
    for (const tool of WRAPPED_TOOLS) expect(statSync(join(dir, 'bin', tool)).mode & 0o111).toBe(0o111);
    const text = readFileSync(join(dir, 'bin', 'mosctl'), 'utf8');
    expect(text).toBe(wrapperScript('mosctl', socket, 1));
    expect(text).toMatch(/^#!\/bin\/sh\n# node 1's mosctl/);
    expect(text).toContain(` 'mosctl' "$@" | socat -t 3600 - UNIX-CONNECT:'${socket}' 2>/dev/null)`);
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

  it('passes arguments with quotes, spaces and newlines through, and output bytes unchanged', async () => {
    const quoted = await run('migrate', "it's", 'a "quoted"\n$word');
    expect([quoted.stdout.toString(), quoted.status]).toEqual(['Usage: sbin/migrate pid {OpenMosix-ID|home|balance}\n', 1]);
    expect(shell.asked).toContainEqual(['/sbin/migrate', "it's", 'a "quoted"\n$word']);
    expect((await run('mps', 'binary')).stdout.equals(binary)).toBe(true);
    expect((await run('openmosix', 'status')).stdout.toString()).toBe('This is OpenMosix node #1\n');
    const refused = await run('openmosix', 'restart');
    expect([refused.stdout.toString(), refused.status]).toEqual(['', 2]);
    expect(refused.stderr.toString()).toMatch(/^openmosix: only `openmosix status`/);
    expect(shell.asked).toContainEqual(['/sbin/mps', 'binary']);
  });

  it('leaves no temporary directory behind', async () => {
    await run('mosctl', 'getload', '3');
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('says so, with its own exit status, when the VM is not there', async () => {
    const other = mkdtempSync(join(tmpdir(), 'omtop-wrappers-'));
    writeWrappers(join(other, 'bin'), join(other, 'no-such.tools'), 2);
    const got = await spawnAsync(join(other, 'bin', 'mosctl'), ['whois']);
    expect(got.status).toBe(HARNESS_FAILURE);
    expect(got.stdout.toString()).toBe('');
    expect(got.stderr.toString()).toMatch(/mosctl: omtop real-cluster harness: node 2's VM is not reachable \(no answer on .*no-such\.tools\)\n$/);
  });
});
