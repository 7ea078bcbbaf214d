// The dashboard over the real demo backend (emulated cluster, real parsers), on a headless terminal.
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoBackend } from '../../src/backends/demo.js';
import { startDashboard, type DashboardHarness } from '../helpers/dashboardHarness.js';

let h: DashboardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const text = (lines: string[]): string => lines.join('\n');

describe('dashboard over the demo cluster', () => {
  it('shows the four nodes with the tutorial\'s speeds and the blender processes with their nodes', async () => {
    const backend = createDemoBackend({ seed: 7, realtime: false });
    h = await startDashboard(backend);
    const screen = text(await h.refresh());
    const nodeRows = screen.split('\n').filter((l) => /^│\s+\*?\d+ \d+\.\d+\.\d+\.\d+ /.test(l));
    expect(nodeRows).toHaveLength(4);
    expect(screen).toMatch(/│ \*261 .* 8240 /);
    expect(screen).toMatch(/│\s+266 .* 26842 /);
    // Every blender process the emulator runs is listed with the node mps says it is on.
    const blender = backend.emulator.inspect().processes.filter((p) => p.command.includes('blender'));
    expect(blender.length).toBeGreaterThan(0);
    for (const p of blender.filter((x) => x.home === 261).slice(0, 4)) {
      expect(screen).toMatch(new RegExp(`│\\s+${p.pid} \\S+\\s+N${p.node} `));
    }
  });

  it('e then y expels through the emulated mosctl and shows the result', async () => {
    const backend = createDemoBackend({ seed: 7, realtime: false });
    h = await startDashboard(backend);
    await h.press('e');
    expect(text(await h.lines())).toContain('Expel every guest process from node 261 (this node)?');
    await h.press('y');
    await h.refresh();
    expect(text(await h.lines())).toMatch(/^expel from 261: guests sent away; load \d+ → \d+/m);
    expect(backend.emulator.events().some((e) => e.kind === 'expelled')).toBe(true);
  });
});
