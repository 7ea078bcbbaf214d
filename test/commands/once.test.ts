import { mkdtempSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ClusterSnapshotSchema } from '../../src/model/snapshot.js';
import type { Backend } from '../../src/backends/backend.js';
import { onceDeadlineMs, printOnce } from '../../src/commands/once.js';
import { createFakeBackend } from '../helpers/fakeBackend.js';
import { processesMentioning } from '../launcher/support/blender.js';
import { FAKE_BIN, NODE_DIR, pathWithHostileTool } from '../helpers/fakeTools.js';
import { FAKE_SLURM_BIN } from '../helpers/fakeSlurm.js';

const OMTOP = fileURLToPath(new URL('../../bin/omtop.js', import.meta.url));
const EMPTY_DIR = mkdtempSync(join(tmpdir(), 'omtop-empty-path-'));
const CAPTURED = fileURLToPath(new URL('../../fixtures/cluster/captured', import.meta.url));

function omtop(args: string[], path?: string) {
  return execa(process.execPath, [OMTOP, ...args], { reject: false, timeout: 50_000, ...(path !== undefined ? { env: { PATH: path } } : {}) });
}

describe('omtop --once (as a real process)', () => {
  it('--demo prints the node table and the processes, migrated ones marked', async () => {
    const result = await omtop(['--once', '--demo']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out).toMatch(/^omtop: demo backend, local node 261, /);
    expect(out).toMatch(/^NODE\s+IP\s+STATE\s+LOAD\s+SPEED\s+MEM FREE\/TOTAL\s+UTIL\s+CPUS\s+PROCS\s+FLAGS$/m);
    expect(out).toMatch(/^261\*\s+10\.0\.1\.5\s+up\s+\d+\s+8240\s/m);
    expect(out).toMatch(/^266\s+10\.0\.1\.10\s+up\s+\d+\s+26842\s/m);
    expect(out).toMatch(/^407\s+10\.0\.1\.151\s/m);
    expect(out).toMatch(/^258\s+10\.0\.1\.2\s/m);
    expect(out).toMatch(/^\s*\d+\s+root\s+→(266|407|258)\s+261\s+\S+.*\(blender\)$/m);
  }, 60_000);

  it('--json --demo prints the snapshot as JSON that fits the schema', async () => {
    const result = await omtop(['--once', '--json', '--demo', '--seed', '5']);
    expect(result.exitCode).toBe(0);
    const snapshot = ClusterSnapshotSchema.parse(JSON.parse(result.stdout));
    expect(snapshot.backend).toBe('demo');
    expect(snapshot.nodes.map((n) => n.id)).toEqual([261, 407, 266, 258]);
    expect(snapshot.processes.some((p) => p.isBlender && p.migrated)).toBe(true);
  }, 60_000);

  it('--backend openmosix reads the fake tools on PATH', async () => {
    const result = await omtop(['--once', '--backend', 'openmosix', '--timeout', '20'], [FAKE_BIN, NODE_DIR].join(delimiter));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^omtop: openmosix backend, local node 261, /);
    expect(result.stdout).toMatch(/^266\s+10\.0\.1\.10\s+up\s+75\s+26842\s+207\.9M\/223\.9M\s+97%/m);
    expect(result.stdout).toMatch(/^\s*1169\s+root\s+→266\s+261\s+S\s+85\.5\s+15\.4\s+5:51\s+\(blender\)$/m);
  }, 60_000);

  it('--backend openmosix --json against fake tools replaying the real captures: 407 down, 266 read, bytes, every process with its node', async () => {
    const result = await execa(process.execPath, [OMTOP, '--once', '--json', '--backend', 'openmosix', '--timeout', '20'], {
      reject: false, timeout: 50_000, env: { PATH: [FAKE_BIN, NODE_DIR].join(delimiter), OMTOP_FAKE_DIR: CAPTURED },
    });
    expect(result.exitCode).toBe(0);
    const snapshot = ClusterSnapshotSchema.parse(JSON.parse(result.stdout));
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.nodes.find((n) => n.id === 407)).toMatchObject({ up: false, error: 'node 407 is down (unreachable)' });
    expect(snapshot.nodes.find((n) => n.id === 266)).toMatchObject({
      up: true, util: 87, memFreeBytes: 217960448, memTotalBytes: 234815488, flags: { stay: false, lstay: false, block: false, quiet: false },
    });
    expect(snapshot.processes.map((p) => [p.pid, p.node])).toEqual([
      [1175, 261], [1181, 2780], [1, 261], [1100, 261], [1146, 261], [1159, 261], [1166, 266], [1172, 258],
    ]);
  }, 60_000);

  it('--backend openmosix with no openMosix tools anywhere exits 1 with one line', async () => {
    const result = await omtop(['--once', '--backend', 'openmosix'], EMPTY_DIR);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('omtop: cannot read the openmosix backend: setpe -r: setpe: command not found (and 2 more)');
  }, 60_000);

  it('without openMosix, falls back to the demo and says so on stderr', async () => {
    const result = await omtop(['--once'], EMPTY_DIR);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('omtop: no openMosix found: showing an emulated cluster; --backend local shows this machine');
    expect(result.stdout).toMatch(/^omtop: demo backend/);
  }, 60_000);

  it('--backend slurm prints the nodes with state and reason, then the jobs', async () => {
    const result = await omtop(['--once', '--backend', 'slurm', '--timeout', '20'], [FAKE_SLURM_BIN, NODE_DIR].join(delimiter));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^omtop: slurm backend, /);
    expect(result.stdout).toMatch(/^n3\s+drained\s+0\/2\s+2\.93\s+\S+\s+debug,render\s+omtop test drain$/m);
    expect(result.stdout).toMatch(/^n4\s+down\s+0\/2\s.*omtop test down$/m);
    expect(result.stdout).toMatch(/^ 5_2\s+root\s+RUNNING\s.*n2\s+frames$/m);
    expect(result.stdout).toMatch(/^ 9\s+root\s+PENDING\s.*\(JobHeldUser\)\s+held$/m);
    expect(result.stdout).not.toMatch(/COMPLETED|CANCELLED|FAILED/);
  }, 60_000);

  it('--backend slurm where there is no Slurm: exit 1 and one plain line', async () => {
    const path = [FAKE_SLURM_BIN, NODE_DIR].join(delimiter);
    const result = await execa(process.execPath, [OMTOP, '--once', '--backend', 'slurm', '--timeout', '20'],
      { reject: false, timeout: 50_000, env: { PATH: path, OMTOP_FAKE_SLURM: 'no-config' } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('omtop: no Slurm here: Slurm is not configured here (scontrol: fatal: Could not establish a configuration source)');
  }, 60_000);
});

describe('omtop --once never hangs', () => {
  it('reads a tool whose grandchild keeps stdout open (setsid sleep & echo load=75), and leaves no such grandchild', async () => {
    const result = await omtop(['--once', '--backend', 'openmosix', '--timeout', '5'], pathWithHostileTool('mosctl', 'getload) setsid sleep 1000.75 & echo load=75; exit 0;;'));
    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^266\s+10\.0\.1\.10\s+up\s+75\s/m);
    expect(processesMentioning('1000.75')).toEqual([]);
  }, 60_000);

  it('gives up at its overall deadline when the backend does not answer, in one line, exit 1', async () => {
    const silent: Backend = { ...createFakeBackend(), collect: () => new Promise<never>(() => undefined) };
    const out = new PassThrough();
    const err = new PassThrough();
    let stderr = '';
    err.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const io = { stdout: out, stderr: err, stdin: new PassThrough(), env: {}, cwd: tmpdir() };
    expect(await printOnce(silent, { json: false }, io, 300)).toBe(1);
    expect(stderr).toBe(`omtop: no answer from the ${silent.name} backend within 0.3 s (each tool gets --timeout; the rest did not come in time)\n`);
    expect(onceDeadlineMs(2000)).toBe(10_000);
    expect(onceDeadlineMs(20_000)).toBe(100_000);
  });
});

/** Bytes a terminal must never get from tool text: ESC, other C0 controls but newline and tab, C1, bidi overrides. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** mps listing one process whose name retitles and resets the terminal and sends an 8-bit CSI. */
const HOSTILE_MPS = `auxww) printf 'USER       PID %%CPU %%MEM  SIZE   RSS TTY NODE STAT START   TIME COMMAND\\nroot      1100  0.0  0.1   476   476  ?     0 S    00:47   0:00 \\033]0;pwned\\007evil\\033c\\302\\233x\\n'; exit 0;;`;

describe('omtop --once and hostile tool text', () => {
  it('the table shows escape sequences as text, never as control codes', async () => {
    const result = await omtop(['--once', '--backend', 'openmosix', '--timeout', '20'], pathWithHostileTool('mps', HOSTILE_MPS));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('\\u001b]0;pwned\\u0007evil\\u001bc\\u009bx');
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  }, 60_000);

  it('--json keeps the exact name, escaped as JSON, with no raw control byte', async () => {
    const result = await omtop(['--once', '--json', '--backend', 'openmosix', '--timeout', '20'], pathWithHostileTool('mps', HOSTILE_MPS));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    const snapshot = ClusterSnapshotSchema.parse(JSON.parse(result.stdout));
    expect(snapshot.processes.map((p) => p.command)).toContain('\u001b]0;pwned\u0007evil\u001bc\u009bx');
  }, 60_000);

  it('an error line on stderr quoting a tool\'s hostile words is escaped too', async () => {
    // The fake tools split OMTOP_FAKE_FAIL on ';': a reset, an 8-bit CSI and a right-to-left override.
    const words = 'x\u001bc\u009b2J\u202ey';
    const fail = ['setpe', 'openmosix', 'mosctl', 'mps', 'mtop'].map((tool) => `${tool}=${words}`).join(';');
    const result = await execa(process.execPath, [OMTOP, '--once', '--backend', 'openmosix', '--timeout', '20'],
      { reject: false, timeout: 50_000, env: { PATH: [FAKE_BIN, NODE_DIR].join(delimiter), OMTOP_FAKE_FAIL: fail } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('x\\u001bc\\u009b2J\\u202ey');
    expect(result.stderr).not.toMatch(RAW_CONTROL);
  }, 60_000);
});

