// Shared by the real-Blender tests: is blender here (and must it be), the generated test scene, and
// a look at /proc for blender processes that outlived their job.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { findProgram } from '../../../src/launcher/findProgram.js';
import { groupAlive } from '../../../src/launcher/processGroup.js';

export const BLENDER = findProgram('blender', process.env.PATH, process.cwd());
/** CI sets OMTOP_REQUIRE_BLENDER=1: there a missing blender must fail the run, not skip it. */
export const BLENDER_REQUIRED = process.env.OMTOP_REQUIRE_BLENDER === '1';
/** The real-Blender tests skip without blender; with OMTOP_REQUIRE_BLENDER=1 `blenderRequirementTest` fails instead. */
export const SKIP_WITHOUT_BLENDER = BLENDER === null;
export const SKIP_REASON = 'blender is not installed (set OMTOP_REQUIRE_BLENDER=1 to make this a failure)';

/** A test that fails (so CI counts a failure) when blender is required but missing. */
export function blenderRequirementTest(): void {
  it('blender is installed where OMTOP_REQUIRE_BLENDER=1 requires it', () => {
    expect(BLENDER !== null || !BLENDER_REQUIRED, 'OMTOP_REQUIRE_BLENDER=1 but blender is not on PATH').toBe(true);
  });
}

export function requireBlender(): string {
  if (BLENDER === null) throw new Error('blender not found on PATH, and OMTOP_REQUIRE_BLENDER=1 requires it');
  return BLENDER;
}

const GENERATOR = fileURLToPath(new URL('../../../fixtures/blender/make-scene.py', import.meta.url));
const MOTION = fileURLToPath(new URL('../../../fixtures/blender/motion.py', import.meta.url));

/** Runs make-scene.py, then `more` scripts, in one blender that saves the scene to `path`. */
function generate(path: string, lastFrame: number, more: readonly string[] = []): void {
  const scripts = [GENERATOR, ...more].flatMap((script) => ['--python', script]);
  execFileSync(requireBlender(), ['-b', '--factory-startup', ...scripts, '--', path, String(lastFrame)], {
    stdio: 'ignore',
    timeout: 120_000,
  });
}

/** Writes the committed test scene (32x24 Cycles cube, uneven frame costs) to `path`. */
export function makeScene(path: string, lastFrame: number): void {
  generate(path, lastFrame);
}

/** Writes the pixel-identity scene (48x36 PNG: keyed motion, a driver, motion blur, a camera marker) to `path`. */
export function makeMotionScene(path: string, lastFrame: number): void {
  generate(path, lastFrame, [MOTION]);
}

/** PIDs of live processes whose command line mentions `needle` (a test's unique temp dir). */
export function processesMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(join('/proc', entry, 'cmdline'), 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    if (cmdline.includes(needle) && Number(entry) !== process.pid) pids.push(Number(entry));
  }
  return pids;
}

/** How many times each frame file was reported saved across a job's part logs. */
export function savedCounts(logFiles: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const log of logFiles) {
    for (const match of readFileSync(log, 'utf8').matchAll(/^Saved: '(.*)'$/gm)) {
      const path = match[1] ?? '';
      counts.set(path, (counts.get(path) ?? 0) + 1);
    }
  }
  return counts;
}

/** Waits until no process of group `pgid` is left (a killed orphan is gone once init reaps it). */
export async function groupGone(pgid: number, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
