// Issue 15: the mouse selects rows and panes and scrolls, on a headless terminal fed the SGR
// reports a terminal sends; --no-mouse leaves the mouse to the terminal. The same through a real
// pseudo-terminal is in test/e2e/mouse.integration.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBackend, fakeProcess, fakeSnapshot } from '../helpers/fakeBackend.js';
import { startDashboard, type DashboardHarness } from '../helpers/dashboardHarness.js';

let h: DashboardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A left click at 0-based column x, line y: press and release, as SGR (1006) reports them. */
const click = (x: number, y: number): string[] => [`\x1b[<0;${x + 1};${y + 1}M`, `\x1b[<0;${x + 1};${y + 1}m`];
const wheel = (x: number, y: number, down: boolean): string => `\x1b[<${down ? 65 : 64};${x + 1};${y + 1}M`;

/** The tutorial's cluster and 60 more idle processes, so the process list scrolls. */
function busyCluster() {
  const base = fakeSnapshot();
  const idle = Array.from({ length: 60 }, (_, i) => fakeProcess(7000 + i, { command: `idle-${i}`, cpu: 0, node: 261 }));
  return createFakeBackend({ ...base, processes: [...base.processes, ...idle] });
}

const lineOf = (lines: string[], pattern: RegExp): number => lines.findIndex((l) => pattern.test(l));

describe('the mouse', () => {
  it('asks the terminal for mouse reports, and a click selects the row and the pane under it', async () => {
    h = await startDashboard(busyCluster());
    expect(await h.mouseMode()).not.toBe('none');
    let lines = await h.lines();
    expect(lines.join('\n')).toContain('▶ Nodes');
    const at = lineOf(lines, /│ +4102 /);
    expect(at).toBeGreaterThan(0);
    await h.press(...click(10, at));
    lines = await h.lines();
    expect(lines.join('\n')).toContain('▶ Processes');
    expect(h.app.ui().processes.key).toBe(4102);
    // The selected row is the one the keys act on: the footer offers the process keys.
    expect(lines.find((l) => l.includes('Migrate'))).toBeDefined();

    // Back up to the node pane: a click on 265's row selects it there.
    const node = lineOf(lines, /│ +265 /);
    await h.press(...click(3, node));
    lines = await h.lines();
    expect(lines.join('\n')).toContain('▶ Nodes');
    expect(h.app.ui().nodes.key).toBe(265);

    // On a pane's border or column header: focus only, the selection stays.
    const header = lineOf(lines, /│ +PID /);
    await h.press(...click(10, header));
    expect(h.app.ui().focus).toBe('processes');
    expect(h.app.ui().processes.key).toBe(4102);
  });

  it('the wheel moves the selection of the pane under it, and scrolls the help', async () => {
    h = await startDashboard(busyCluster());
    // Every process, not only blender's (the list the demo starts with while blender runs).
    await h.press('f');
    let lines = await h.lines();
    const at = lineOf(lines, /│ +4103 /);
    // The first process (4103, the busiest) → three rows down: 4102.
    await h.press(wheel(10, at, true));
    expect(h.app.ui().focus).toBe('processes');
    expect(h.app.ui().processes.key).toBe(4102);
    // On to the end of the list (66 rows): the pane scrolls, and the last process is selected.
    for (let i = 0; i < 25; i++) await h.press(wheel(10, at, true));
    lines = await h.lines();
    const frame = h.app.frame();
    expect(frame.kind === 'panes' ? frame.processes.window.first : 0).toBeGreaterThan(0);
    const lastPid = h.app.ui().processes.key;
    expect(lines.some((l) => new RegExp(`│ +${lastPid} `).test(l))).toBe(true);
    // A click on a row of the scrolled list selects that row, not the one at that line before scrolling.
    const row = lineOf(lines, /│ +7050 /);
    expect(row).toBeGreaterThan(0);
    await h.press(...click(10, row));
    expect(h.app.ui().processes.key).toBe(7050);

    await h.press('?');
    const help = await h.lines();
    const firstLine = help.find((l) => l.includes('move the selection up'));
    expect(firstLine).toBeDefined();
    await h.press(wheel(60, 20, true), wheel(60, 20, true));
    const scrolled = await h.lines();
    expect(scrolled.find((l) => l.includes('move the selection up'))).toBeUndefined();
    // Two notches, three rows each: the help now starts at its 7th row.
    expect(scrolled.join('\n')).toMatch(/Keys \(↑\/↓ scroll, 7-\d+ of \d+\) · Esc closes/);
  });

  it('with the mouse off (--no-mouse) the terminal keeps it: no reports asked for, clicks change nothing', async () => {
    h = await startDashboard(busyCluster(), { mouse: false });
    expect(await h.mouseMode()).toBe('none');
    const lines = await h.lines();
    await h.press(...click(10, lineOf(lines, /│ +4102 /)));
    expect(h.app.ui().focus).toBe('nodes');
  });
});
