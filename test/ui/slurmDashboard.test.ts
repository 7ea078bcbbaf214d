// The dashboard over Slurm, headless: the real Slurm backend and parsers over fake clients that
// replay the real 22.05.8 captures (n1 allocated, n2 draining, n3 drained, n4 down; array 5).
import { afterEach, describe, expect, it } from 'vitest';
import { createSlurmBackend } from '../../src/backends/slurm/slurmBackend.js';
import { startDashboard, type DashboardHarness } from '../helpers/dashboardHarness.js';
import { fakeSlurm, type FakeSlurm } from '../helpers/fakeSlurm.js';

const DOWN = '\x1b[B';
const TAB = '\t';
const ENTER = '\r';

let dash: DashboardHarness | null = null;
afterEach(async () => {
  await dash?.close();
  dash = null;
});

async function open(readonly = false): Promise<{ dash: DashboardHarness; fake: FakeSlurm }> {
  const fake = fakeSlurm();
  dash = await startDashboard(createSlurmBackend({ runner: fake.runner, now: () => 1795949920_000 }), { cols: 140, rows: 40, readonly });
  return { dash, fake };
}

/** Waits (briefly) until the screen shows `text`. */
async function shows(d: DashboardHarness, text: string | RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const screen = (await d.lines()).join('\n');
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await d.lines()).join('\n');
}

describe('dashboard over Slurm', () => {
  it('shows the nodes with their Slurm state, CPUs in use and reason, and the jobs in the process pane', async () => {
    const { dash: d } = await open();
    const screen = (await d.lines()).join('\n');
    expect(screen).toMatch(/slurm backend · 3\/4 nodes up · CPUs 4\/6 in use · 7 jobs, 4 running/);
    expect(screen).toMatch(/n2\s+draining\s+2\/2\s.*omtop test draining, busy/);
    expect(screen).toMatch(/n3\s+drained\s+0\/2\s.*omtop test drain/);
    expect(screen).toMatch(/n4\s+down\s+0\/2\s.*omtop test down/);
    expect(screen).toMatch(/Jobs 7\/7/);
    expect(screen).toMatch(/5_2\s+root\s+RUNNING\s.*n2\s+frames/);
    expect(screen).toMatch(/5_\[4-6\]\s+root\s+PENDING\s.*\(Resources\)\s+frames/);
    expect(screen).not.toMatch(/COMPLETED|CANCELLED/);
  });

  it('B on a drained node asks to resume it, and runs scontrol update … state=resume', async () => {
    const { dash: d, fake } = await open();
    await d.press(DOWN, DOWN, 'B');
    expect(await shows(d, 'Resume n3 (drained: omtop test drain)?')).toContain('Resume n3');
    await d.press('y');
    await shows(d, 'resume n3: ok');
    expect(fake.calls()).toContainEqual(['scontrol', 'update', 'nodename=n3', 'state=resume']);
  });

  it('B on a busy node asks for a reason, then confirms, then drains with it', async () => {
    const { dash: d, fake } = await open();
    await d.press('B');
    expect(await shows(d, 'Why drain n1?')).toContain('Why drain n1?');
    await d.press(ENTER);
    expect(await shows(d, 'a drain needs a reason')).toContain('a drain needs a reason');
    await d.press('d', 'i', 's', 'k', ENTER);
    expect(await shows(d, 'Drain n1 ("disk")?')).toContain('Drain n1 ("disk")?');
    await d.press('y');
    await shows(d, 'drain n1: ok');
    expect(fake.calls()).toContainEqual(['scontrol', 'update', 'nodename=n1', 'state=drain', 'reason=disk']);
  });

  it('in the jobs pane: c cancels the selected array task, H holds a pending job, k signals, e requeues', async () => {
    const { dash: d, fake } = await open();
    await d.press(TAB, DOWN, 'c');
    expect(await shows(d, 'Cancel job 5_1 (frames, RUNNING)?')).toContain('Cancel job 5_1');
    await d.press('y');
    await shows(d, 'scancel 5_1: ok');
    await d.press('k', DOWN, ENTER, 'y');
    await shows(d, 'KILL job 5_1');
    await d.press('e', 'y');
    await shows(d, 'requeue 5_1: ok');
    await d.press(DOWN, DOWN, DOWN, DOWN, 'H');
    expect(await shows(d, 'Release job 9 (held)?')).toContain('Release job 9');
    await d.press('y');
    await shows(d, 'release 9: ok');
    expect(fake.calls()).toEqual(expect.arrayContaining([
      ['scancel', '5_1'], ['scancel', '--full', '--signal=KILL', '5_1'], ['scontrol', 'requeue', '5_1'], ['scontrol', 'release', '9'],
    ]));
  });

  it('i shows why a job waits, its resources and working directory; l follows its log', async () => {
    const { dash: d } = await open();
    await d.press(TAB, ...Array(6).fill(DOWN), 'i');
    const details = await shows(d, 'Job 10');
    // scontrol -o writes the reason's space as '_'.
    expect(details).toMatch(/why \(reason\)\s+ReqNodeNotAvail,_UnavailableNodes:n\[3-4\]/);
    expect(details).toMatch(/resources\s+cpu=1,mem=1000M,node=1,billing=1/);
    expect(details).toMatch(/working directory\s+\/tmp\/omtop-slurm-capture\./);
    await d.press('\x1b');
    await d.press('l');
    const log = await shows(d, 'Log of job 10');
    expect(log).toMatch(/no file yet: \/tmp\/omtop-slurm-capture\.\S+\/scene render-10\.out/);
  });

  it('/ filters jobs by user, partition or state words', async () => {
    const { dash: d } = await open();
    await d.press('/', ...'state:pending'.split(''), ENTER);
    const screen = await shows(d, 'Jobs 3/7');
    expect(screen).toMatch(/Jobs 3\/7 · filter "state:pending"/);
    await d.press('/', ...Array(13).fill('\x7f'), ...'partition:render'.split(''), ENTER);
    expect(await shows(d, 'Jobs 1/7')).toMatch(/\b10\s+root\s+PENDING/);
  });

  it('the help lists what each key does on Slurm, and not the openMosix-only keys', async () => {
    const { dash: d } = await open();
    await d.press('?');
    const help = await shows(d, 'Keys');
    expect(help).toContain('drain the selected node (asks a reason) / resume it');
    expect(help).toContain('cancel the selected job or array task (scancel)');
    expect(help).toMatch(/ i +the job's details/);
    expect(help).toContain("Enter        the selected job's details (as i)");
    expect(help).toContain("follow the selected job's log");
    expect(help).not.toContain('expel guest processes');
    expect(help).not.toContain('migrate the process');
  });

  it('an openMosix key without a Slurm meaning says so in the one sentence for it, and runs nothing', async () => {
    const { dash: d, fake } = await open();
    await d.press('e');
    expect(await shows(d, 'cannot run it')).toContain('"expel guest processes from this node" needs openMosix (mosctl); the slurm backend cannot run it');
    expect(fake.calls().filter((argv) => argv[0] === 'mosctl' || argv[0] === 'scancel')).toEqual([]);
  });

  it('--readonly refuses the Slurm actions', async () => {
    const { dash: d, fake } = await open(true);
    await d.press(TAB, 'c');
    expect(await shows(d, 'read-only mode')).toMatch(/read-only mode: "cancel the selected job or array task \(scancel\)" is disabled/);
    expect(fake.calls().filter((argv) => argv[0] === 'scancel' || argv[1] === 'update')).toEqual([]);
  });
});
