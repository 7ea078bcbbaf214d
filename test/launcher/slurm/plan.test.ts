// The pure parts of a Slurm render: task planning, the sbatch argv, the argv files, squeue's view of the tasks.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSqueueText } from '../../../parsers/index.js';
import { parseRenderArgs } from '../../../src/launcher/cliArgs.js';
import { argvFileText, sbatchArgv, submittedJobId, TASK_SCRIPT } from '../../../src/launcher/slurm/sbatchArgv.js';
import { makespanBound, planTasks, taskCount } from '../../../src/launcher/slurm/taskPlan.js';
import { expandTaskRange, taskStates } from '../../../src/launcher/slurm/taskStates.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('planTasks', () => {
  it('renders every frame exactly once, in order, sizes differing by at most one', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 64 }), (n, parts) => {
      const tasks = planTasks(range(n), { parts, split: 'dynamic' });
      expect(tasks.flat()).toEqual(range(n));
      const sizes = tasks.map((t) => t.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(tasks.length).toBeGreaterThanOrEqual(Math.min(parts, n));
    }), { numRuns: 200 });
  });

  it('more, smaller tasks than parts when that lowers the makespan bound; never for as many frames as parts', () => {
    expect(taskCount(24, 4)).toBe(10);
    expect(taskCount(235, 4)).toBe(31);
    expect(taskCount(4, 4)).toBe(4);
    expect(taskCount(3, 4)).toBe(3);
    for (const [n, p] of [[24, 4], [235, 4], [1000, 16]] as const) {
      expect(makespanBound(n, p, taskCount(n, p))).toBeLessThan(makespanBound(n, p, p));
    }
  });

  it('--chunk N gives N frames a task; --split even gives PARTS tasks', () => {
    expect(planTasks(range(10), { parts: 4, split: 'dynamic', chunk: 3 }).map((t) => t.length)).toEqual([3, 3, 3, 1]);
    expect(planTasks(range(10), { parts: 4, split: 'even' }).map((t) => t.length)).toEqual([3, 3, 2, 2]);
  });
});

describe('sbatch argv', () => {
  it('names the job, limits the array to PARTS at once, and passes the options word by word', () => {
    const argv = sbatchArgv(
      { jobId: '20261129-1', logDir: '/shared/out/.omtop-logs/20261129-1', round: 'r0', tasks: 10, parts: 4, workDir: '/shared/out' },
      { partition: 'render', timeLimit: '30', cpusPerTask: 2, extraArgs: ['--account=art', '--qos=low'] },
    );
    expect(argv).toEqual([
      'sbatch', '--parsable', '--job-name=omtop-render-20261129-1', '--array=1-10%4',
      '--output=/shared/out/.omtop-logs/20261129-1/r0-task-%a.log', '--chdir=/shared/out', '--no-requeue',
      '--partition=render', '--time=30', '--cpus-per-task=2', '--account=art', '--qos=low',
      TASK_SCRIPT, '/shared/out/.omtop-logs/20261129-1', 'r0',
    ]);
    expect(readFileSync(TASK_SCRIPT, 'utf8')).toContain('exec "${argv[@]}"');
  });

  it('argv files are NUL-separated words; a NUL inside a word is refused', () => {
    expect(argvFileText(['blender', '-b', "it's a file.blend"])).toBe("blender\0-b\0it's a file.blend\0");
    expect(() => argvFileText(['a\0b'])).toThrow(RangeError);
  });

  it('reads the job id sbatch --parsable prints', () => {
    expect([submittedJobId('15\n'), submittedJobId('15;omtop\n'), submittedJobId('Submitted batch job 15\n')]).toEqual(['15', '15', null]);
  });
});

describe('task states from squeue -r -t all', () => {
  it('reads the real capture: array 5 has tasks 1-3 running on n1/n2 and 4-6 pending', () => {
    const text = readFileSync(new URL('../../../fixtures/slurm/22.05.8/cluster.squeue-text-all.stdout', import.meta.url), 'utf8');
    const parsed = parseSqueueText(text);
    if (!parsed.ok) return expect.fail(parsed.error.message);
    const states = taskStates(parsed.value.jobs, 5);
    expect([...states.entries()].sort(([a], [b]) => a - b).map(([n, s]) => `${n}:${s.state}:${s.node ?? '-'}`))
      .toEqual(['1:running:n1', '2:running:n2', '3:running:n2', '4:pending:-', '5:pending:-', '6:pending:-']);
  });

  it('expands pending task ranges, with or without a %limit', () => {
    expect(expandTaskRange('3-6')).toEqual([3, 4, 5, 6]);
    expect(expandTaskRange('1,4-5%2')).toEqual([1, 4, 5]);
    expect(expandTaskRange('9-2')).toEqual([]);
  });
});

describe('render --slurm options', () => {
  const base = ['scene.blend', '1', '24', '4'];
  it('collects the sbatch options', () => {
    const cli = parseRenderArgs([...base, '--slurm', '--partition', 'render', '--time-limit', '1:00:00', '--cpus-per-task', '2', '--sbatch-arg=--account=art']);
    expect(cli.help ? null : cli.slurm).toEqual({ partition: 'render', timeLimit: '1:00:00', cpusPerTask: 2, extraArgs: ['--account=art'] });
    const local = parseRenderArgs(base);
    expect(local.help ? null : local.slurm).toBeNull();
  });

  it.each([
    [['--partition', 'x'], '--partition goes with --slurm'],
    [['--slurm', '--stall-timeout', '5'], '--stall-timeout does not apply to --slurm (use --time-limit)'],
    [['--slurm', '--time-limit', 'soon'], '--time-limit expects minutes, H:MM:SS or D-HH:MM:SS, got "soon"'],
    [['--slurm', '--sbatch-arg=--array=1-3'], '--sbatch-arg --array=1-3: omtop sets that itself'],
    [['--slurm', '--partition', 'a b'], '--partition expects a partition name, got "a b"'],
  ])('%j is refused', (extra, message) => {
    expect(() => parseRenderArgs([...base, ...extra])).toThrow(message);
  });
});
