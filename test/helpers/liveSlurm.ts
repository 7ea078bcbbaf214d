// Shared by the tests that run against a real Slurm (scripts/slurm/cluster.sh up): is it here (and
// must it be), and one lock so two test files never change the cluster's nodes at the same time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';

/** CI sets OMTOP_REQUIRE_SLURM=1: there a missing cluster must fail the run, not skip it. */
export const SLURM_REQUIRED = process.env.OMTOP_REQUIRE_SLURM === '1';

function run(argv: readonly string[]): string {
  const [file = '', ...args] = argv;
  return execFileSync(file, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

function liveProblem(): string | null {
  try {
    if (!run(['scontrol', 'ping']).includes('is UP')) return 'the Slurm controller does not answer';
    const nodes = run(['sinfo', '-h', '-N', '-o', '%N']).split('\n').filter((n) => n !== '');
    const missing = ['n1', 'n2', 'n3', 'n4'].filter((n) => !nodes.includes(n));
    return missing.length > 0 ? `the Slurm cluster has no node ${missing.join(', ')}` : null;
  } catch (error) {
    return `no Slurm answers here (${(error as Error).message.split('\n')[0] ?? ''})`;
  }
}

const PROBLEM = liveProblem();
export const SKIP_WITHOUT_SLURM = PROBLEM !== null;
export const SLURM_SKIP_REASON = `${PROBLEM ?? ''}: start one with scripts/slurm/cluster.sh up (OMTOP_REQUIRE_SLURM=1 makes this a failure)`;

/** A test that fails (so CI counts a failure) when the live cluster is required but not up. */
export function slurmRequirementTest(): void {
  it('the 4-node Slurm cluster answers where OMTOP_REQUIRE_SLURM=1 requires it', () => {
    expect(PROBLEM === null || !SLURM_REQUIRED, `OMTOP_REQUIRE_SLURM=1 but ${PROBLEM ?? ''}`).toBe(true);
  });
}

export function slurm(argv: readonly string[]): string {
  return run(argv);
}

const LOCK = '/tmp/omtop-slurm-live.lock';
const LOCK_OWNER = `${LOCK}/pid`;

/** How long a test may wait for the cluster: tests that take the lock add this to their own timeout. */
export const SLURM_LOCK_WAIT_MS = 300_000;

/** The lock is stale when the test process that took it has gone (killed run), or after 10 minutes. */
function lockIsStale(): boolean {
  try {
    const owner = Number(readFileSync(LOCK_OWNER, 'utf8'));
    if (Number.isInteger(owner) && owner > 0 && !existsSync(`/proc/${owner}`)) return true;
  } catch {
    // No owner written yet (taken this instant) or already removed: judge by age alone.
  }
  try {
    return Date.now() - statSync(LOCK).mtimeMs > 600_000;
  } catch {
    return false;
  }
}

/** Runs `fn` while holding the cluster (mkdir is atomic; the holder's PID is written inside). */
export async function withSlurmLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + SLURM_LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (lockIsStale()) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${LOCK} held for ${SLURM_LOCK_WAIT_MS / 60_000} minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    writeFileSync(LOCK_OWNER, String(process.pid));
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Polls `check` every 200 ms until it is true (false after `timeoutMs`). */
export async function eventually(check: () => boolean, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}
