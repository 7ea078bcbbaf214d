// Issue 15, "seeing more", on a headless terminal: the process detail view, grouping by node, the
// COMMAND column taking the free room and scrolling sideways, the filter as you type with its
// matches marked, first/last row, and what fits at 60×16 and 80×24.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../src/model/snapshot.js';
import { createFakeBackend, fakeJob, fakeProcess, fakeSnapshot, type FakeBackend } from '../helpers/fakeBackend.js';
import { startDashboard, type DashboardHarness, submitRenderForm } from '../helpers/dashboardHarness.js';

let h: DashboardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const TAB = '\t';
const DOWN = '\x1b[B';
const ENTER = '\r';
const ESC = '\x1b';
const RIGHT = '\x1b[C';
const LEFT = '\x1b[D';
const text = (lines: string[]): string => lines.join('\n');
const row = (lines: string[], needle: string | RegExp): string =>
  lines.find((l) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l))) ?? '';

const LONG = '/usr/bin/blender -b /home/alice/renders/blacksmith-jpeg.blend -o /srv/frames/blacksmith/frame_#### -F JPEG -x 1 -s 1 -e 59 -a --python-expr import_bpy_settings_end_marker';

/** The tutorial-like fake cluster, with one long command line and a second user. */
function cluster(): FakeBackend {
  const base = fakeSnapshot();
  return createFakeBackend({
    ...base,
    processes: [
      ...base.processes.filter((p) => p.pid !== 4101),
      fakeProcess(4101, { command: LONG, node: 261, cpu: 97.5, mem: 12.5 }),
      fakeProcess(6000, { command: 'lame --preset standard track.wav', user: 'alice', node: 266, home: 261, cpu: 40, stat: 'R' }),
    ],
  });
}

/** Moves process `pid` to `node` in the backend's next snapshot, 2 s later. */
function moveTo(backend: FakeBackend, pid: number, node: number): void {
  const s: ClusterSnapshot = backend.snapshot;
  backend.snapshot = { ...s, takenAt: s.takenAt + 2000,
    processes: s.processes.map((p) => (p.pid === pid ? { ...p, node, migrated: node !== p.home, command: node === p.home ? p.command : '(blender)' } : p)) };
}

describe('the process detail view (Enter)', () => {
  it('shows the whole command line, user, nodes, time there, moves, CPU/memory with history and the keys; Esc goes back', async () => {
    const backend = cluster();
    h = await startDashboard(backend);
    // 4101 runs at home, then is migrated to 265 and on to 266 while omtop watches.
    await h.refresh();
    moveTo(backend, 4101, 265);
    await h.refresh();
    moveTo(backend, 4101, 266);
    await h.refresh();
    await h.press(TAB);
    const at = (await h.lines()).findIndex((l) => /│ +4101 /.test(l));
    expect(at).toBeGreaterThan(0);
    // Select 4101: the list is sorted by %CPU (4103 99.0, 4104 98.2, 4101 97.5).
    await h.press(DOWN, DOWN, ENTER);
    const lines = await h.lines();
    const screen = text(lines);
    expect(screen).toContain('Process 4101');
    // The whole command line, wrapped, though mps prints the migrated process as (blender).
    expect(screen.replace(/[│\s]+/g, ' ')).toContain(LONG.replace(/\s+/g, ' ').slice(0, 60));
    expect(screen).toContain('--python-expr');
    expect(screen).toContain('as seen at home');
    expect(row(lines, 'User')).toContain('root');
    expect(row(lines, 'State')).toContain('R (running)');
    expect(row(lines, 'Node now')).toMatch(/N266 \(192\.168\.1\.10\) · migrated/);
    expect(row(lines, 'Home ')).toMatch(/N261 \(192\.168\.1\.5, this node\)/);
    expect(row(lines, 'There')).toMatch(/There +0s, since \d\d:\d\d:\d\d/);
    expect(row(lines, 'Migrated')).toMatch(/Migrated +2 times while omtop watched/);
    expect(row(lines, 'CPU  ')).toMatch(/97\.5% +\S+ +last \d+ readings/);
    expect(row(lines, 'Memory')).toMatch(/12\.5%/);
    expect(screen.replace(/[│\s]+/g, ' ')).toMatch(/Keys m migrate the process to a node · h send it home · a let the balancer place the process · k send a signal · ↑\/↓ next process · Esc back/);
    await h.press(ESC);
    expect(text(await h.lines())).not.toContain('Process 4101');
    expect(text(await h.lines())).toContain('▶ Processes');
  });

  it('the process keys act on the process shown, and ↓ shows the next one', async () => {
    const backend = cluster();
    h = await startDashboard(backend);
    await h.press(TAB, ENTER);
    expect(text(await h.lines())).toContain('Process 4103');
    await h.press(DOWN);
    expect(text(await h.lines())).toContain('Process 4104');
    await h.press('h');
    for (let i = 0; i < 20 && backend.performed.length === 0; i++) await h.refresh();
    expect(backend.performed).toEqual([{ type: 'migrate', pid: 4104, to: 'home' }]);
    // The detail stays open over the result.
    expect(text(await h.lines())).toContain('Process 4104');
  });

  it('on the local backend leaves out what it cannot know (home node, moves)', async () => {
    const local = fakeSnapshot({ backend: 'local', nodes: [fakeSnapshot().nodes[0]!], processes: [fakeProcess(77, { command: 'make -j2', cpu: 50 })] });
    h = await startDashboard(createFakeBackend(local));
    await h.press(TAB, ENTER);
    const lines = await h.lines();
    expect(text(lines)).toContain('Process 77');
    expect(row(lines, 'Node ')).toMatch(/N261/);
    expect(text(lines)).not.toMatch(/Home |Migrated|Node now/);
    expect(text(lines)).toContain('k send a signal');
    expect(text(lines)).not.toContain('m migrate');
  });
});

describe('grouped by node (t)', () => {
  it('lists each node\'s processes under a row with its totals, and back as one list', async () => {
    h = await startDashboard(cluster());
    await h.press('f', TAB, 't');
    const lines = await h.lines();
    const screen = text(lines);
    expect(screen).toMatch(/Processes 7\/7 · sort %CPU ▼ · by node: 7 on 4 nodes/);
    const order = lines.map((l) => /▼ N(\d+)/.exec(l)?.[1] ?? /│ +(\d+) \S+ +N(\d+)/.exec(l)?.slice(1).join('@')).filter((x) => x !== undefined);
    expect(order).toEqual(['261', '4101@261', '5000@261', '1@261', '262', '4102@262', '265', '4103@265', '266', '4104@266', '6000@266']);
    expect(row(lines, '▼ N266')).toMatch(/▼ N266 192\.168\.1\.10 · load 187, speed 26842 · 2 processes, 1 blender · CPU 138\.2% · MEM 2\.0%/);
    expect(row(lines, '▼ N261')).toMatch(/this node\) · load 143, speed 8240 · 3 processes, 1 blender · CPU 97\.8% · MEM 14\.5%/);
    // The first row is node 261's total: process keys say to pick a process.
    await h.press('h');
    expect((await h.lines())[38]).toMatch(/that is node 261's total: select a process under it/);
    await h.press('t');
    expect(text(await h.lines())).not.toContain('▼ N261');
  });
});

describe('the COMMAND column', () => {
  it('takes the free width when there is no render job, and ←/→ scroll a long command', async () => {
    h = await startDashboard(cluster());
    const lines = await h.lines();
    // No render job: the render pane is a strip below, the process table is 120 wide.
    expect(row(lines, 'No render jobs')).toMatch(/^│No render jobs\. Press r to start a split render\. +│$/);
    const before = row(lines, /│ +4101 /);
    expect(before.length).toBe(120);
    expect(before).toContain(LONG.slice(0, 70));
    await h.press(TAB);
    for (let i = 0; i < 15; i++) await h.press(RIGHT);
    const scrolled = row(await h.lines(), /│ +4101 /);
    expect(scrolled).toContain('«');
    expect(scrolled).toContain('import_bpy_settings_end_marker');
    for (let i = 0; i < 15; i++) await h.press(LEFT);
    expect(row(await h.lines(), /│ +4101 /)).toContain('/usr/bin/blender -b');
  });

  it('leaves the render pane its columns while a render runs', async () => {
    const job = fakeJob();
    const startRender = async () => ({ id: job.id, view: () => job, subscribe: () => () => undefined, cancel: async () => undefined, done: new Promise<never>(() => undefined) });
    h = await startDashboard(cluster(), { startRender });
    submitRenderForm(h.app);
    const lines = await h.refresh();
    expect(row(lines, /│ +4101 /)).toMatch(/│.*││1\. blacksmith|│.*││/);
    expect(row(lines, /│ +4101 /).indexOf('││')).toBeLessThan(80);
  });
});

describe('the filter as you type', () => {
  it('filters on every key, marks what matched, and understands node:, user:, state:', async () => {
    h = await startDashboard(cluster());
    await h.press('f', TAB, '/', 'n', 'o', 'd', 'e', ':', '2', '6', '6');
    let lines = await h.lines();
    // Still typing (no Enter): the list already follows.
    expect(lines[38]).toMatch(/^Filter: node:266_ {2}2 of 7 match · Enter keeps · Esc undoes/);
    expect(text(lines)).toMatch(/Processes 2\/7/);
    const y = lines.findIndex((l) => /│ +6000 /.test(l));
    expect(await h.onYellow(y)).toBe('N266');
    await h.press(ESC);
    expect(text(await h.lines())).toMatch(/Processes 7\/7/);
    await h.press('/', ...'user:ali', ENTER);
    lines = await h.lines();
    expect(text(lines)).toMatch(/Processes 1\/7 .*filter "user:ali"/);
    expect(await h.onYellow(lines.findIndex((l) => /│ +6000 /.test(l)))).toBe('ali');
    await h.press(ESC, '/', ...'blender', ENTER);
    lines = await h.lines();
    expect(await h.onYellow(lines.findIndex((l) => /│ +4101 /.test(l)))).toBe('blender');
    expect(await h.onYellow(lines.findIndex((l) => /│ +4104 /.test(l)))).toBe('blender');
    await h.press(ESC, '/', ...'state:r lame', ENTER);
    expect(text(await h.lines())).toMatch(/Processes 1\/7/);
  });

  it('an unmatched filter says so and offers to clear it (Esc)', async () => {
    h = await startDashboard(cluster());
    await h.press(TAB, '/', ...'node:999');
    expect((await h.lines())[38]).toMatch(/^Filter: node:999_ {2}no process matches · Backspace edits · Esc undoes/);
    await h.press(ENTER);
    let lines = await h.lines();
    expect(text(lines)).toContain('no process matches "node:999" · Esc clears the filter, / edits it');
    expect(lines[38]).toMatch(/^no process matches "node:999" \(Esc clears the filter\)/);
    expect(lines[39]).toContain('Esc Clear filter');
    await h.press(ESC);
    lines = await h.lines();
    expect(text(lines)).toMatch(/Processes 4\/7/);
    expect(lines[38]).toMatch(/^filter "node:999" cleared/);
    expect(lines[39]).not.toContain('Esc Clear filter');
  });
});

describe('moving', () => {
  it('Home/End and g/G jump to the first and last row', async () => {
    h = await startDashboard(cluster());
    await h.press('f', TAB, 'G');
    expect(h.app.ui().processes.key).toBe(1);
    await h.press('g');
    expect(h.app.ui().processes.key).toBe(4103);
    await h.press('\x1b[F');
    expect(h.app.ui().processes.key).toBe(1);
    await h.press('\x1b[H');
    expect(h.app.ui().processes.key).toBe(4103);
  });
});

describe('small terminals', () => {
  it('at 60×16 a few process rows are visible', async () => {
    h = await startDashboard(cluster(), { cols: 60, rows: 16 });
    const lines = await h.lines();
    const processRows = lines.filter((l) => /^│ +\d+ \S+ +N\d+ /.test(l));
    expect(processRows.length).toBeGreaterThanOrEqual(3);
    expect(lines[15]).toMatch(/^\? Help/);
  });

  it('at 80×24 the footer shows the most used keys first and never hides ?', async () => {
    h = await startDashboard(cluster(), { cols: 80, rows: 24 });
    for (const pane of ['nodes', 'processes', 'render']) {
      const footer = (await h.lines())[23] ?? '';
      expect(footer, pane).toMatch(/^\? Help {2}\S/);
      expect(footer.trimEnd().length, pane).toBeLessThanOrEqual(80);
      await h.press(TAB);
    }
    await h.press(TAB);
    expect((await h.lines())[23]).toMatch(/^\? Help {2}Enter Detail {2}m Migrate {2}h Home {2}k Signal/);
  });
});
