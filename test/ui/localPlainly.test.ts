// Issue 15, "the local backend, plainly", on a headless terminal: this machine's load average with
// its CPU count, kernel threads hidden (K shows them, in [brackets], never like a migrated
// (blender)), and only the keys that work here offered.
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBackend, fakeNode, fakeProcess, fakeSnapshot } from '../helpers/fakeBackend.js';
import { startDashboard, type DashboardHarness } from '../helpers/dashboardHarness.js';

let h: DashboardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const text = (lines: string[]): string => lines.join('\n');

function thisMachine() {
  return createFakeBackend(fakeSnapshot({
    backend: 'local', localNode: 514,
    nodes: [fakeNode(514, { isLocal: true, ip: '192.0.2.2', cpus: 4, loadAverage: 2.37, load: 59, speed: 20960 })],
    processes: [
      fakeProcess(2, { command: '[kthreadd]', kernelThread: true, node: 514, home: 514, cpu: 0, stat: 'S' }),
      fakeProcess(15, { command: '[kworker/0:1-events]', kernelThread: true, node: 514, home: 514, cpu: 0.4, stat: 'I' }),
      fakeProcess(4321, { command: 'blender -b scene.blend -a', node: 514, home: 514, cpu: 180 }),
      fakeProcess(700, { command: 'make -j4', user: 'alice', node: 514, home: 514, cpu: 20 }),
    ],
  }));
}

describe('the local backend, plainly', () => {
  it('shows the load average as uptime does, with the CPU count beside it; the ×100/CPUs figure only labelled', async () => {
    // Wide enough for every node column; narrower terminals drop the ×100/CPUs column first.
    h = await startDashboard(thisMachine(), { cols: 160 });
    const lines = await h.lines();
    expect(lines[0]).toMatch(/^omtop · local backend · N514 · load average 2\.37 on 4 CPUs/);
    expect(text(lines)).toMatch(/N# IP +STATE +LOAD AVG CPUS .*LOAD %CPUS/);
    expect(text(lines)).toMatch(/\*514 192\.0\.2\.2 +up +2\.37 +4 .* 59%/);
    // openMosix-only columns are left out: there are no flags or guests on this machine.
    expect(text(lines)).not.toMatch(/OURS|FLAG/);
    expect(text(lines)).toContain('Load history (% of all CPUs)');
  });

  it('hides kernel threads by default and K shows them in [brackets], dim, never like a migrated (comm)', async () => {
    h = await startDashboard(thisMachine());
    await h.press('f', '\t');
    let lines = await h.lines();
    expect(text(lines)).toMatch(/Processes 2\/4 · sort %CPU ▼ · 2 kernel threads hidden \(K\)/);
    expect(text(lines)).not.toContain('kthreadd');
    await h.press('K');
    lines = await h.lines();
    expect(lines[38]).toMatch(/^2 kernel threads shown, in \[brackets\] \(K hides them\)/);
    expect(text(lines)).toMatch(/│ +2 root +N514 S +0\.0 .* \[kthreadd\]/);
    expect(text(lines)).not.toMatch(/\(kthreadd\)/);
    expect(h.app.frame().kind === 'panes' && h.app.frame()).toBeTruthy();
    const frame = h.app.frame();
    if (frame.kind !== 'panes') throw new Error('expected panes');
    expect(frame.processes.lines.find((l) => l.text.includes('[kthreadd]'))?.tone).toBe('dim');
    expect(frame.processes.lines.find((l) => l.text.includes('make -j4'))?.tone).toBe('normal');
    await h.press('K');
    expect(text(await h.lines())).not.toContain('kthreadd');
  });

  it('offers only the keys that work here, and refuses the others in one sentence', async () => {
    h = await startDashboard(thisMachine());
    expect((await h.lines())[39]).toMatch(/^\? Help {2}\/ Filter {2}Tab Pane {2}t Group/);
    await h.press('s');
    expect((await h.lines())[38]).toBe('"stay on/off: no automatic migration away" needs openMosix (mosctl); the local backend cannot run it'.padEnd(120));
    await h.press('\t');
    expect((await h.lines())[39]).toMatch(/^\? Help {2}Enter Detail {2}k Signal {2}\/ Filter/);
    await h.press('m');
    expect((await h.lines())[38]).toMatch(/^"migrate the process to a node \(list\)" needs openMosix \(migrate\); the local backend cannot run it/);
  });
});
