// omtop --demo's render pane: the emulated cluster's own `render blacksmith-jpeg.blend 1 235 4`,
// found by the render watch through the demo's seam, on a headless terminal: the job, its four
// parts on the nodes the process pane shows them on, the script's warning, and a moving count.
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoBackend } from '../../src/backends/demo.js';
import { startDashboard, type DashboardHarness } from '../helpers/dashboardHarness.js';

let h: DashboardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** The render pane's text: the right-hand box of the lower half, one string per row. */
const renderPane = (lines: string[]): string[] => {
  const top = lines.findIndex((l) => l.includes('─ Render'));
  const column = lines[top]?.lastIndexOf('┌') ?? -1;
  return lines.slice(top + 1).filter((l) => l[column] === '│').map((l) => l.slice(column + 1, l.lastIndexOf('│')).trimEnd());
};

describe('the demo\'s render in the render pane', () => {
  it('shows the script\'s job on the first refresh: four parts, their nodes, the warning; its count moves', async () => {
    const backend = createDemoBackend({ seed: 7, realtime: false });
    h = await startDashboard(backend, { cols: 150, rows: 50, renderSources: backend.renderSources });
    const lines = await h.lines();
    const pane = renderPane(lines);
    const first = /^1\. render blacksmith-jpeg\.blend 1 235 4 running (\d+)\/235/.exec(pane[0] ?? '');
    expect(first, pane.join('\n')).not.toBeNull();
    expect(pane.join(' ').replace(/\s+/g, ' ')).toContain('⚠ the script renders 2–233: frames 1, 234, 235 will be missing');
    // Each part's node is where the process table puts its (blender) PID now.
    const parts = pane.filter((l) => /^\s+\d \d+-\d+ /.test(l)).map((l) => l.trim().split(/\s+/).slice(1, 4));
    expect(parts.map(([frames]) => frames)).toEqual(['2-59', '60-117', '118-175', '176-233']);
    const processes = backend.emulator.inspect().processes;
    const emulated = new Map(processes.map((p) => [p.pid, `N${p.node}`]));
    expect(parts.map(([, , node]) => node)).toEqual([1166, 1169, 1172, 1175].map((pid) => emulated.get(pid)));
    expect(new Set(parts.map(([, , node]) => node)).size).toBeGreaterThan(1);
    for (const [pid, node] of [1166, 1169, 1172, 1175].map((p) => [p, emulated.get(p)] as const)) {
      expect(lines.some((l) => new RegExp(`│\\s+${pid} \\S+\\s+${node} `).test(l))).toBe(true);
    }

    let later = first;
    for (let i = 0; i < 20 && later?.[1] === first?.[1]; i += 1) {
      later = /running (\d+)\/235/.exec(renderPane(await h.refresh())[0] ?? '');
    }
    expect(Number(later?.[1])).toBeGreaterThan(Number(first?.[1]));
  });
});
