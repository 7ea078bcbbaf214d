// `omtop render … --slurm` on the real cluster of scripts/slurm/cluster.sh and real Blender: the
// array spreads over n1..n4 (each task's log names SLURMD_NODENAME), success is judged by the
// frames, and Ctrl-C cancels the array (squeue empty of it) and prints the resume command.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { blenderRequirementTest, makeScene, SKIP_REASON, SKIP_WITHOUT_BLENDER } from '../support/blender.js';
import { eventually, SKIP_WITHOUT_SLURM, slurm, SLURM_SKIP_REASON, slurmRequirementTest, SLURM_LOCK_WAIT_MS, withSlurmLock } from '../../helpers/liveSlurm.js';

const OMTOP = fileURLToPath(new URL('../../../bin/omtop.js', import.meta.url));
const SKIP = SKIP_WITHOUT_SLURM || SKIP_WITHOUT_BLENDER;
const WHY = SKIP_WITHOUT_SLURM ? SLURM_SKIP_REASON : SKIP_REASON;

slurmRequirementTest();
blenderRequirementTest();

function taskLogs(outDir: string): string[] {
  const logs = join(outDir, '.omtop-logs');
  return readdirSync(logs).flatMap((job) => readdirSync(join(logs, job)).filter((f) => f.endsWith('.log')).map((f) => join(logs, job, f)));
}

/** Our render's tasks still queued or running (the job name carries the render's id). */
function queued(): string[] {
  return slurm(['squeue', '-h', '-r', '-o', '%j %i %T']).split('\n').filter((line) => line.startsWith('omtop-render-'));
}

describe.skipIf(SKIP)(`omtop render --slurm on the real cluster${SKIP ? ` (skipped: ${WHY})` : ''}`, () => {
  let dir = '';
  let scene = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'omtop-slurm-render-'));
    scene = join(dir, 'scene.blend');
    makeScene(scene, 40);
  }, 120_000);

  it('renders every frame as an array across n1..n4 and leaves no job behind', async () => {
    await withSlurmLock(async () => {
      const out = join(dir, 'spread');
      const result = await execa(process.execPath, [
        OMTOP, 'render', scene, '1', '8', '4', '--slurm', '--split', 'even', '--cpus-per-task', '2', '--engine', 'BLENDER_WORKBENCH', '--out', out,
      ], { reject: false, timeout: 280_000 });
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain(`Rendering 8 images from ${scene} on 4 nodes.`);
      expect(result.stdout).toMatch(/^Slurm job \d+: 4 array tasks, at most 4 at once; task logs in /m);
      expect(result.stdout).toContain('Rendering successfully finished.');
      expect(readdirSync(out).filter((f) => /^frame_\d{4}\.\w+$/.test(f)).sort()).toHaveLength(8);
      const nodes = taskLogs(out).map((log) => /SLURMD_NODENAME=(\S+)/.exec(readFileSync(log, 'utf8'))?.[1]);
      expect(nodes.sort()).toEqual(['n1', 'n2', 'n3', 'n4']);
      expect(queued()).toEqual([]);
    });
  }, SLURM_LOCK_WAIT_MS + 300_000);

  it('Ctrl-C mid-render runs scancel: no task is left, finished frames stay, the resume command is printed', async () => {
    await withSlurmLock(async () => {
      const out = join(dir, 'cancel');
      const child = spawn(process.execPath, [OMTOP, 'render', scene, '1', '40', '2', '--slurm', '--split', 'even', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      expect(await eventually(() => queued().some((line) => line.endsWith('RUNNING')), 120_000)).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(queued()).toEqual([]);
      expect(stderr).toMatch(/^omtop: rendering stopped: \d+ of 40 frames done, kept in /m);
      expect(stderr).toContain(`omtop: resume with: omtop render --resume ${scene} 1 40 2 --slurm --split even --out ${out}`);
      expect(stdout).toContain('Rendering 40 images from');
      expect(existsSync(join(out, '.omtop-logs'))).toBe(true);
    });
  }, SLURM_LOCK_WAIT_MS + 300_000);

  it('--overwrite then Ctrl-C: frames not rendered again keep their old file; no partial is left', async () => {
    await withSlurmLock(async () => {
      const out = join(dir, 'overwrite');
      mkdirSync(out, { recursive: true });
      for (let f = 1; f <= 12; f++) writeFileSync(join(out, `frame_${String(f).padStart(4, '0')}.png`), 'an earlier frame');
      const child = spawn(process.execPath, [OMTOP, 'render', scene, '1', '12', '1', '--slurm', '--overwrite', '--format', 'PNG', '--out', out], { stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      expect(await eventually(() => queued().some((line) => line.endsWith('RUNNING')), 120_000)).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(queued()).toEqual([]);
      const names = readdirSync(out);
      expect(names.filter((n) => n.startsWith('.omtop-partial-'))).toEqual([]);
      const frames = names.filter((n) => /^frame_\d{4}\.png$/.test(n));
      expect(frames).toHaveLength(12);
      // Each frame is the old file or a whole new PNG, never gone and never half-written.
      for (const name of frames) {
        const bytes = readFileSync(join(out, name));
        expect(bytes.toString() === 'an earlier frame' || bytes.subarray(1, 4).toString() === 'PNG', name).toBe(true);
      }
    });
  }, SLURM_LOCK_WAIT_MS + 300_000);
});
