import { afterEach, describe, expect, it } from 'vitest';
import { KEYMAP } from '../../src/state/keyTable.js';
import { keyLabel } from '../../src/view/keyLabels.js';
import { createFakeBackend, fakeJob } from '../helpers/fakeBackend.js';
import { startDashboard, type DashboardHarness, submitRenderForm } from '../helpers/dashboardHarness.js';

let h: DashboardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const screenText = (lines: string[]): string => lines.join('\n');

describe('dashboard on a headless terminal', () => {
  it('shows the four nodes with their speeds, the header and the footer', async () => {
    h = await startDashboard(createFakeBackend());
    const text = screenText(await h.lines());
    expect(text).toMatch(/^omtop · demo backend · local N261 · 4\/4 nodes up/);
    expect(text).toMatch(/^┌─ ▶ Nodes \(4\) ─+┐┌─ Load history/m);
    for (const [id, speed] of [[261, 8240], [262, 8240], [265, 26842], [266, 26842]]) {
      expect(text).toMatch(new RegExp(`│\\s*\\*?${id} .*\\b${speed}\\b`));
    }
    expect(text).toMatch(/^\? Help {2}on N261: s Stay {2}l Lock {2}B Block {2}e Expel {2}b Bring/m);
  });

  it('shows the blender processes with the node each runs on', async () => {
    h = await startDashboard(createFakeBackend());
    const text = screenText(await h.lines());
    expect(text).toMatch(/4101 root\s+N261 R\s+97\.5 .*blender -b blacksmith\.b/);
    expect(text).toMatch(/4103 root\s+N265 R\s+99\.0 .*\(blender\)/);
    expect(text).toMatch(/4104 root\s+N266 /);
    expect(text).toContain('Processes 4/6 · sort %CPU ▼ · blender only');
    expect(text).not.toContain('sshd');
  });

  it('e then y issues the expel action and the status line shows its result', async () => {
    const backend = createFakeBackend();
    h = await startDashboard(backend);
    await h.press('e');
    expect(screenText(await h.lines())).toContain('Expel every guest process from node 261 (this node)?');
    expect(backend.performed).toEqual([]);
    await h.press('y');
    await h.refresh();
    expect(backend.performed).toEqual([{ type: 'expel' }]);
    const text = screenText(await h.lines());
    expect(text).toMatch(/^expel from 261: guests sent away; load 143 → 143/m);
    expect(text).not.toContain('Expel every guest');
  });

  it('stays responsive while a command hangs: status says running, keys still work', async () => {
    const backend = createFakeBackend();
    let release: () => void = () => undefined;
    backend.hold = new Promise((resolve) => { release = resolve; });
    h = await startDashboard(backend);
    await h.press('s');
    expect(screenText(await h.lines())).toMatch(/^node 261: stay off: running…/m);
    await h.press('\t');
    expect(h.app.ui().focus).toBe('processes');
    expect(screenText(await h.lines())).toContain('▶ Processes');
    release();
    await h.refresh();
    // The fake backend does not change the flag: the line says so rather than "ok".
    expect(screenText(await h.lines())).toMatch(/^node 261: stay is still on after mosctl nostay/m);
  });

  it('the help overlay lists every binding in the key table', async () => {
    h = await startDashboard(createFakeBackend());
    await h.press('?');
    // The help scrolls when it is taller than the screen: read it page by page, to its end (End).
    let text = screenText(await h.lines());
    for (let page = 0; page < 3; page++) {
      await h.press('\x1b[6~');
      text += screenText(await h.lines());
    }
    await h.press('\x1b[F');
    text += screenText(await h.lines());
    expect(text).toContain('In dialogs');
    // Slurm's own commands are listed only over a Slurm cluster (test/ui/slurmDashboard.test.ts).
    for (const binding of KEYMAP.filter((b) => !b.slurmOnly)) {
      expect(text, binding.id).toContain(binding.keys.map(keyLabel).join('/'));
      expect(text, binding.id).toContain(binding.description);
    }
    await h.press('\x1b');
    expect(screenText(await h.lines())).not.toContain('this help');
  });

  it('the help scrolls back up at once after being scrolled past its end (80×24)', async () => {
    h = await startDashboard(createFakeBackend(), { cols: 80, rows: 24 });
    await h.press('?');
    const range = (lines: string[]): [number, number] => {
      const found = /scroll, (\d+)-(\d+) of \d+\)/.exec(screenText(lines));
      if (found === null) throw new Error(`no scroll range on screen:\n${screenText(lines)}`);
      return [Number(found[1]), Number(found[2])];
    };
    const [, lastShown] = range(await h.lines());
    for (let i = 0; i < 60; i++) await h.press('\x1b[B');
    const bottom = await h.lines();
    expect(screenText(bottom)).toContain('In dialogs');
    const [bottomStart] = range(bottom);
    expect(bottomStart).toBeGreaterThan(1);
    await h.press('\x1b[A');
    expect(range(await h.lines())).toEqual([bottomStart - 1, bottomStart - 2 + lastShown]);
  });

  it('fits 80×24: every node row, processes and the render pane are on screen', async () => {
    h = await startDashboard(createFakeBackend(), { cols: 80, rows: 24 });
    const lines = await h.lines();
    const text = screenText(lines);
    for (const id of [261, 262, 265, 266]) expect(text).toMatch(new RegExp(`│\\s*\\*?${id} `));
    expect(text).toContain('Processes 4/6');
    expect(text).toContain('Render');
    expect(text).toContain('No render jobs. Press r');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('below the minimum size says which size it needs, and recovers after a resize', async () => {
    h = await startDashboard(createFakeBackend(), { cols: 50, rows: 12 });
    expect(screenText(await h.lines())).toMatch(/omtop needs at least 60×16\s+this terminal is 50×12/);
    await h.resize(100, 30);
    const text = screenText(await h.lines());
    expect(text).not.toContain('needs at least');
    expect(text).toContain('Nodes (4)');
  });

  it('read-only mode refuses actions and says so', async () => {
    const backend = createFakeBackend();
    h = await startDashboard(backend, { readonly: true });
    expect(screenText(await h.lines())).toMatch(/^omtop · READ-ONLY · /);
    await h.press('e');
    expect(screenText(await h.lines())).toMatch(/^read-only mode: "expel guest processes from this node" is disabled/m);
    expect(backend.performed).toEqual([]);
  });

  it('shows render jobs with the node of each part, and highlights their processes', async () => {
    const job = fakeJob();
    const startRender = async () => ({ id: job.id, view: () => job, subscribe: () => () => undefined, cancel: async () => undefined, done: new Promise<never>(() => undefined) });
    h = await startDashboard(createFakeBackend(), { startRender });
    submitRenderForm(h.app);
    const text = screenText(await h.refresh());
    expect(text).toContain('render r1 started: 40 frames in 4 parts');
    expect(text).toMatch(/1\. blacksmith\.blend running 16\/40 40%/);
    expect(text).toMatch(/3 21-30\s+25 N265/);
  });
});
