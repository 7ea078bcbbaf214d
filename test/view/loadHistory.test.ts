import { describe, expect, it } from 'vitest';
import { fillGaps, flowLegend, niceStep, toLoadChartVm } from '../../src/view/loadHistory.js';
import { fakeNode, fakeSnapshot } from '../helpers/fakeBackend.js';

const histories: Record<number, (number | null)[]> = {
  261: [100, 143],
  262: [90, null, 98],
  265: [200, 250, 210],
  266: [null, 180, 187],
};
const history = (id: number): (number | null)[] => histories[id] ?? [];
const size = { cols: 34, rows: 10 };

describe('toLoadChartVm', () => {
  it('gives one series per node, named like the legend, local node starred, all the same length', () => {
    const vm = toLoadChartVm(fakeSnapshot(), size, history);
    expect(vm.series.map((s) => s.title)).toEqual(['N261*', 'N262', 'N265', 'N266']);
    for (const s of vm.series) {
      expect(s.y).toHaveLength(3);
      expect(s.x).toHaveLength(3);
    }
    expect(vm.plot).toBe(true);
    expect(vm.title).toBe('Load history · 3 readings');
  });

  it("names a scheduler's nodes by their own names (Slurm's n1, n2), not by number", () => {
    const scheduler = (name: string) => ({ name, state: 'idle' as const, reason: null, notResponding: false, cpusAllocated: 0, loadAverage: 0.5, partitions: ['debug'] });
    const snapshot = { ...fakeSnapshot(), nodes: [fakeNode(1, { scheduler: scheduler('n1') }), fakeNode(2, { scheduler: scheduler('n2') })] };
    expect(toLoadChartVm(snapshot, size, () => [10, 20]).series.map((s) => s.title)).toEqual(['n1', 'n2']);
  });

  it('puts every node on one shared, round y-axis above the highest load', () => {
    const vm = toLoadChartVm(fakeSnapshot(), size, history);
    expect(vm.maxY).toBeGreaterThanOrEqual(250);
    expect(vm.maxY % vm.yStep).toBe(0);
    expect(vm.maxY / vm.yStep).toBeLessThanOrEqual(5);
    expect(vm.maxY).toBe(300);
    // An idle cluster still gets a 0-100 axis, so a load of 3 does not fill the chart.
    expect(toLoadChartVm(fakeSnapshot(), size, () => [1, 3, 2]).maxY).toBe(100);
  });

  it('fills gaps: the last known load inside the history, 0 before the first reading and for late nodes', () => {
    const vm = toLoadChartVm(fakeSnapshot(), size, history);
    expect(vm.series[1]?.y).toEqual([90, 90, 98]);
    expect(vm.series[3]?.y).toEqual([0, 180, 187]);
    // N261 has only two readings: it is padded at the old end so the newest points line up.
    expect(vm.series[0]?.y).toEqual([0, 100, 143]);
    for (const s of vm.series) for (const v of s.y) expect(Number.isFinite(v)).toBe(true);
  });

  it('legend shows each node with its latest load, or down', () => {
    const snapshot = fakeSnapshot({ nodes: [fakeNode(261, { isLocal: true }), fakeNode(262, { up: false, load: null })] });
    const vm = toLoadChartVm(snapshot, size, (id) => (id === 261 ? [120.4] : [50, null]));
    expect(vm.series.map((s) => s.legend)).toEqual(['N261* 120', 'N262 down']);
    expect(vm.series[1]?.tone).toBe('down');
    expect(vm.legend.flat().map((c) => c.text.trim())).toEqual(['N261* 120', 'N262 down']);
  });

  it('does not plot without readings or room, and keeps the legend', () => {
    const empty = toLoadChartVm(fakeSnapshot(), size, () => []);
    expect(empty.plot).toBe(false);
    expect(empty.title).toBe('Load history · 0 readings');
    const tiny = toLoadChartVm(fakeSnapshot(), { cols: 34, rows: 4 }, history);
    expect(tiny.plot).toBe(false);
    expect(tiny.legend.flat()).toHaveLength(4);
    expect(toLoadChartVm(null, size, history).series).toEqual([]);
  });
});

describe('fillGaps', () => {
  it('carries the previous value and never goes below 0', () => {
    expect(fillGaps([null, null, 5, null, -3, 7])).toEqual([0, 0, 5, 5, 0, 7]);
    expect(fillGaps([])).toEqual([]);
  });
});

describe('niceStep', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(41)).toBe(50);
    expect(niceStep(120)).toBe(200);
    expect(niceStep(230)).toBe(250);
    expect(niceStep(1000)).toBe(1000);
    expect(niceStep(0)).toBe(1);
  });
});

describe('flowLegend', () => {
  const many = toLoadChartVm(fakeSnapshot({ nodes: Array.from({ length: 12 }, (_, i) => fakeNode(300 + i)) }),
    { cols: 34, rows: 10 }, () => [100]).series;

  it('flows cells into rows that fit the width', () => {
    const rows = flowLegend(many.slice(0, 4), 34, 2);
    expect(rows.map((r) => r.length)).toEqual([3, 1]);
    for (const row of rows) expect(row.map((c) => c.text).join('').length).toBeLessThanOrEqual(34);
  });

  it('drops the values, then says how many nodes are left out', () => {
    const names = flowLegend(many.slice(0, 9), 34, 2);
    expect(names.flat().map((c) => c.text.trim())).toContain('N308');
    expect(names.flat().every((c) => !c.text.includes('100'))).toBe(true);
    const cut = flowLegend(many, 34, 2);
    expect(cut).toHaveLength(2);
    const last = cut[1]?.[cut[1].length - 1];
    expect(last?.series).toBeNull();
    const shown = cut.flat().filter((c) => c.series !== null).length;
    expect(last?.text.trim()).toBe(`+${12 - shown}`);
  });
});
