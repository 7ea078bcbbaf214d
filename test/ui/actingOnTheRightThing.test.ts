// Issue 15, "acting on the right thing, and saying what happened", on a headless terminal: node
// keys act on the local node whatever is selected, status lines name the target and the result,
// and the event log keeps what happened with times.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterCommand, CommandOutcome } from '../../src/cluster/commands.js';
import type { ClusterSnapshot } from '../../src/model/snapshot.js';
import { formatClock } from '../../src/text/format.js';
import type { RenderJobView } from '../../src/launcher/types.js';
import { createFakeBackend, fakeJob, fakePart, fakeSnapshot, type FakeBackend } from '../helpers/fakeBackend.js';
import { startDashboard, type DashboardHarness, submitRenderForm } from '../helpers/dashboardHarness.js';
import { lineStarting } from '../helpers/screenHarness.js';

let h: DashboardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const DOWN = '\x1b[B';
const text = (lines: string[]): string => lines.join('\n');

/** A fake cluster that does what it is told: flags change, processes move, and it prints what mosctl prints. */
function obedientBackend(): FakeBackend {
  const backend = createFakeBackend();
  backend.perform = async (command: ClusterCommand): Promise<CommandOutcome> => {
    backend.performed.push(command);
    const s = backend.snapshot;
    if (command.type === 'setFlag') {
      backend.snapshot = { ...s, nodes: s.nodes.map((n) => (n.isLocal ? { ...n, flags: { ...n.flags, [command.flag]: command.on } } : n)) };
      return { command, ok: true, message: `${command.on ? '' : 'no'}${command.flag}: ok` };
    }
    if (command.type === 'expel') {
      backend.snapshot = { ...s, nodes: s.nodes.map((n) => (n.isLocal ? { ...n, load: 97 } : n)) };
      return { command, ok: true, message: 'expel: All remote processes were expelled and no further remote processes accepted.' };
    }
    // migrate prints nothing; this one never moves anything.
    return { command, ok: true, message: `${command.type}: ok` };
  };
  return backend;
}

async function waitForStatus(harness: DashboardHarness, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const status = (await harness.refresh())[38] ?? '';
    if (pattern.test(status)) return status;
  }
  throw new Error(`status never matched ${pattern}; screen:\n${text(await harness.lines())}`);
}

describe('node keys act on the node you sit at', () => {
  it('with another node selected, s says mosctl changes only this node before acting, and the footer says so', async () => {
    const backend = obedientBackend();
    h = await startDashboard(backend);
    expect(text(await h.lines())).toMatch(/^\? Help {2}on N261: s Stay/m);
    await h.press(DOWN, DOWN);
    const lines = await h.lines();
    expect(text(lines)).toMatch(/│ +265 .*26842/);
    expect(text(lines)).toMatch(/^\? Help {2}N265 selected, keys act on N261: s Stay/m);
    await h.press('s');
    const asked = text(await h.lines());
    expect(asked).toContain('N265 is selected, but mosctl changes only');
    expect(asked).toContain('this node (261).');
    expect(backend.performed).toEqual([]);
    await h.press('n');
    expect(backend.performed).toEqual([]);
    await h.press('s', 'y');
    await waitForStatus(h, /^node 261: stay off/);
    expect(backend.performed).toEqual([{ type: 'setFlag', flag: 'stay', on: false }]);
  });

  it('on the local node itself, s acts at once as before', async () => {
    const backend = obedientBackend();
    h = await startDashboard(backend);
    await h.press('s');
    expect(await waitForStatus(h, /^node 261: stay off/)).toMatch(/^node 261: stay off \(processes may migrate away again\)/);
  });
});

describe('status lines name the target and the result in words', () => {
  it('stay, lock, expel and a migrate that did not move anything', async () => {
    const backend = obedientBackend();
    h = await startDashboard(backend);
    await h.press('s');
    expect(await waitForStatus(h, /^node 261: stay off/)).toMatch(/^node 261: stay off \(processes may migrate away again\)/);
    await h.press('s');
    expect(await waitForStatus(h, /^node 261: stay on/)).toMatch(/^node 261: stay on \(no automatic migration away\)/);
    await h.press('l');
    expect(await waitForStatus(h, /^node 261: lock/)).toMatch(/^node 261: lock \(lstay\) on \(local processes stay here\)/);
    await h.press('e', 'y');
    expect(await waitForStatus(h, /^expel from 261/)).toMatch(/^expel from 261: guests sent away; load 143 → 97/);
    // Processes pane, sorted by %CPU: 4103, then 4104, which runs on 266; migrate does not move it.
    await h.press('\t', DOWN);
    await h.press('h');
    expect(await waitForStatus(h, /^migrate 4104 home/)).toMatch(/^migrate 4104 home: still on N266; migrate does not say why/);
    await h.press('a');
    expect(await waitForStatus(h, /^balance 4104/)).toMatch(/^balance 4104: handed to the balancer; on N266 for now/);
  });

  it('says "already home" and "lstay is on, it stays" for a process at home on a locked node', async () => {
    const backend = obedientBackend();
    backend.snapshot = { ...backend.snapshot, nodes: backend.snapshot.nodes.map((n) => (n.isLocal ? { ...n, flags: { lstay: true } } : n)) };
    h = await startDashboard(backend);
    await h.press('\t');
    // The list is sorted by %CPU: 4103 (99.0) first, then 4104, then 4101 (97.5) at home.
    await h.press(DOWN, DOWN);
    expect(text(await h.lines())).toMatch(/4101 root +N261/);
    await h.press('h');
    expect(await waitForStatus(h, /^migrate 4101 home/)).toMatch(/^migrate 4101 home: already home/);
    await h.press('a');
    expect(await waitForStatus(h, /^balance 4101/)).toMatch(/^balance 4101: lstay is on, it stays/);
  });
});

describe('the event log', () => {
  it('E lists nodes going down and up and action results, newest first, with times', async () => {
    const backend = obedientBackend();
    const clock = { now: Date.UTC(2026, 10, 25, 12, 0, 5) };
    h = await startDashboard(backend, { now: () => clock.now });
    const up = backend.snapshot;
    const down: ClusterSnapshot = { ...up, takenAt: up.takenAt + 2000,
      nodes: up.nodes.map((n) => (n.id === 262 ? { ...n, up: false, error: 'Error: Network is unreachable' } : n)) };
    backend.snapshot = down;
    await h.refresh();
    backend.snapshot = { ...up, takenAt: up.takenAt + 4000 };
    await h.refresh();
    clock.now += 60_000;
    await h.press('s');
    await waitForStatus(h, /^node 261: stay off/);
    await h.press('E');
    const lines = await h.lines();
    const screen = text(lines);
    expect(screen).toMatch(/Events \(3\) · newest first/);
    const row = (needle: string): number => lines.findIndex((l) => l.includes(needle));
    expect(row('node 261: stay off')).toBeGreaterThan(0);
    expect(row('node 261: stay off')).toBeLessThan(row('node 262 is up again'));
    expect(row('node 262 is up again')).toBeLessThan(row('node 262 is down (Error: Network is unreachable)'));
    expect(lines[row('node 262 is down')]).toContain(formatClock(down.takenAt));
    expect(lines[row('node 261: stay off')]).toContain(formatClock(clock.now));
    await h.press('\x1b');
    expect(text(await h.lines())).not.toContain('newest first');
  });

  it('a render part failing goes to the event log', async () => {
    let job = fakeJob();
    let notify: (view: RenderJobView) => void = () => undefined;
    const startRender = async () => ({
      id: job.id, view: () => job, cancel: async () => undefined, done: new Promise<never>(() => undefined),
      subscribe: (listener: (view: RenderJobView) => void) => { notify = listener; return () => undefined; },
    });
    h = await startDashboard(createFakeBackend(), { startRender });
    submitRenderForm(h.app);
    await h.refresh();
    job = fakeJob({ parts: [fakePart(1), fakePart(2, { state: 'failed' }), fakePart(3), fakePart(4)] });
    notify(job);
    await h.press('E');
    const screen = text(await h.lines());
    expect(screen).toContain('render r1 started: 40 frames in 4 parts');
    expect(screen).toContain('render r1: part 2 (frames 11-20) failed; log /tmp/part2.log');
  });

  it('the alert line is cut at a word, never inside one, and points to the event log', async () => {
    const backend = createFakeBackend(fakeSnapshot({
      errors: [{ source: 'mosctl getload 265', message: 'timed out after 2000 ms' }],
      nodes: fakeSnapshot().nodes.map((n) => (n.id === 262 ? { ...n, up: false, error: 'Error: Network is unreachable' } : n)),
    }));
    h = await startDashboard(backend, { cols: 80, rows: 24 });
    const alert = lineStarting(await h.lines(), 'node 262 is down');
    expect(alert).toMatch(/^node 262 is down \(Error: Network is unreachable\) .*… \(E: event log\)\s*$/);
    const kept = alert.trimEnd().replace(/… \(E: event log\)$/, '');
    const whole = 'node 262 is down (Error: Network is unreachable) · mosctl getload 265 failed: timed out after 2000 ms';
    expect(whole.startsWith(kept)).toBe(true);
    expect(whole[kept.length]).toMatch(/[\s·]/);
    await h.press('E');
    expect(text(await h.lines())).toContain('mosctl getload 265 failed: timed out after 2000 ms');
  });
});

describe('keys a backend cannot run', () => {
  it('are not in the local backend\'s footer, and pressing one says why in one sentence', async () => {
    const backend = createFakeBackend(fakeSnapshot({ backend: 'local', nodes: [fakeSnapshot().nodes[0]!] }));
    h = await startDashboard(backend);
    const footer = lineStarting(await h.lines(), '? Help');
    expect(footer).toMatch(/^\? Help {2}\/ Filter/);
    for (const word of ['Expel', 'Stay', 'Lock', 'Block', 'Quiet']) expect(footer).not.toContain(word);
    await h.press('e');
    expect(text(await h.lines())).toMatch(/^"expel guest processes from this node" needs openMosix \(mosctl\); the local backend cannot run it/m);
    await h.press('\t', 'h');
    expect(text(await h.lines())).toMatch(/^"send the process home" needs openMosix \(migrate\); the local backend cannot run it/m);
    expect(lineStarting(await h.lines(), '? Help')).toContain('k Signal');
    expect(backend.performed).toEqual([]);
  });
});
