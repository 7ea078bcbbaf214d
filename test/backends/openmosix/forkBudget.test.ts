import { describe, expect, it } from 'vitest';
import { DEFAULT_FORKS_PER_SECOND, ForkCost, loadsPerTick, planVisits, refreshBudget, slowShare, tickBudget, type VisitCandidate } from '../../../src/backends/openmosix/forkBudget.js';

type Kind = 'mem' | 'speed';
const node = (id: number, readAt: number | null, due: readonly Kind[] = []): VisitCandidate<Kind> => ({ id, readAt, due });

describe('tickBudget', () => {
  it('is the rate times the interval, and at least one fork', () => {
    expect(tickBudget(1000)).toBe(DEFAULT_FORKS_PER_SECOND);
    expect(tickBudget(2000, 50)).toBe(100);
    expect(tickBudget(100, 5)).toBe(1);
    expect(tickBudget(1000, Infinity)).toBe(Infinity);
  });
});

describe('loadsPerTick and refreshBudget', () => {
  it('counts the loads a tick needs for every node within 5 s', () => {
    expect(loadsPerTick(256, 1000)).toBe(52);
    expect(loadsPerTick(250, 1000)).toBe(50);
    expect(loadsPerTick(256, 2000)).toBe(103);
    expect(loadsPerTick(4, 1000)).toBe(1);
    expect(loadsPerTick(0, 1000)).toBe(1);
  });

  it('keeps the rate\'s budget where it reads every node within 5 s', () => {
    expect(refreshBudget(1000, 50, 4)).toBe(50);
    expect(refreshBudget(1000, 50, 64)).toBe(50);
    expect(refreshBudget(1000, 100, 256)).toBe(100);
  });

  it('raises it for the loads, a fifth more for the slower readings, mps and setpe -r (256 nodes: 52 loads, 67 forks)', () => {
    expect(refreshBudget(1000, 50, 256)).toBe(67);
    expect(refreshBudget(2000, 50, 256)).toBe(131);
  });

  it('never raises it past twice the rate: a map that needs more keeps the rate', () => {
    expect(refreshBudget(1000, 50, 390)).toBe(100);
    expect(refreshBudget(1000, 50, 391)).toBe(50);
    expect(refreshBudget(1000, 50, 5000)).toBe(50);
  });
});

describe('slowShare', () => {
  it('is half the budget where the loads need less than half', () => {
    expect(slowShare(50, 1)).toBe(25);
    expect(slowShare(50, 13)).toBe(25);
  });

  it('is what the loads leave where they need more, but at least a fifth of the budget', () => {
    expect(slowShare(66, 52)).toBe(14);
    expect(slowShare(50, 45)).toBe(10);
    expect(slowShare(50, 1000)).toBe(10);
    expect(slowShare(2, 5)).toBe(1);
  });
});

describe('planVisits', () => {
  it('visits nodes never read first (in list order), then the one read longest ago', () => {
    const plan = planVisits([node(1, 5000), node(2, null), node(3, 1000), node(4, null), node(5, 3000)], 4);
    expect(plan.map((visit) => visit.id)).toEqual([2, 4, 3, 5]);
  });

  it('keeps list order between nodes read at the same time', () => {
    expect(planVisits([node(9, 7), node(3, 7), node(5, 7)], 2).map((visit) => visit.id)).toEqual([9, 3]);
  });

  it('counts the load as one fork and each slower reading as one, and stops at the budget', () => {
    const plan = planVisits([node(1, 10, ['mem', 'speed']), node(2, 20, ['mem']), node(3, 30)], 4);
    // Node 1: load + mem + speed (3), node 2: load only (1 left), node 3: none left.
    expect(plan).toEqual([{ id: 1, kinds: ['mem', 'speed'] }, { id: 2, kinds: [] }]);
  });

  it('gives a visit the slower readings that still fit, most wanted first', () => {
    expect(planVisits([node(1, 5, ['mem', 'speed'])], 2)).toEqual([{ id: 1, kinds: ['mem'] }]);
  });

  it('visits a node never read whole or not yet, and spends what is left on nodes already read', () => {
    const plan = planVisits([node(1, null, ['mem', 'speed']), node(2, null, ['mem', 'speed']), node(3, 7, ['mem'])], 5);
    // Node 1 whole (3), node 2 would need 3 of the 2 left: not yet; node 3 its load and memory.
    expect(plan).toEqual([{ id: 1, kinds: ['mem', 'speed'] }, { id: 3, kinds: ['mem'] }]);
  });

  it('visits every node with all its due readings when the budget is unlimited', () => {
    const nodes = [node(1, 5, ['mem']), node(2, null, ['mem', 'speed']), node(3, 1)];
    const plan = planVisits(nodes, Infinity);
    expect(plan).toEqual([{ id: 2, kinds: ['mem', 'speed'] }, { id: 3, kinds: [] }, { id: 1, kinds: ['mem'] }]);
  });

  it('gives the slower readings at most half the budget, so more nodes get their load', () => {
    const nodes = Array.from({ length: 10 }, (_, i) => node(i + 1, i, ['mem', 'speed']));
    const plan = planVisits(nodes, 10);
    // 5 slower readings at most: nodes 1 and 2 get both, node 3 one, then loads only.
    expect(plan.map((visit) => visit.kinds.length)).toEqual([2, 2, 1, 0, 0]);
    expect(plan.reduce((sum, visit) => sum + 1 + visit.kinds.length, 0)).toBe(10);
  });

  it('gives the loads what a 5 s round needs before the slower readings', () => {
    const nodes = Array.from({ length: 256 }, (_, i) => node(i + 1, i, ['mem', 'speed']));
    const plan = planVisits(nodes, 66, 52);
    expect(plan).toHaveLength(52);
    expect(plan.reduce((sum, visit) => sum + visit.kinds.length, 0)).toBe(14);
    // Without the loads wanted, half the budget goes to the slower readings: 33 visits.
    expect(planVisits(nodes, 66)).toHaveLength(33);
  });

  it('hands the slower readings to the visited nodes whose readings have been due longest', () => {
    const nodes: VisitCandidate<Kind>[] = [
      { id: 1, readAt: 10, due: ['mem'], dueSince: 900 },
      { id: 2, readAt: 20, due: ['mem', 'speed'], dueSince: 100 },
      { id: 3, readAt: 30, due: ['mem'], dueSince: 500 },
      { id: 4, readAt: 40, due: [] },
    ];
    // 8 forks, 4 for the slower readings (half): node 2 waited longest (2), node 3 next (1), node 1 last (1).
    expect(planVisits(nodes, 8)).toEqual([{ id: 1, kinds: ['mem'] }, { id: 2, kinds: ['mem', 'speed'] }, { id: 3, kinds: ['mem'] }, { id: 4, kinds: [] }]);
    // 6 forks, 3 of them slower readings: node 1, due the latest, waits.
    expect(planVisits(nodes, 6)).toEqual([{ id: 1, kinds: [] }, { id: 2, kinds: ['mem', 'speed'] }, { id: 3, kinds: ['mem'] }]);
  });

  it('takes nothing with a budget under one fork', () => {
    expect(planVisits([node(1, null)], 0)).toEqual([]);
  });

  it('plans 5,000 nodes within the budget, the never-read ones first', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => node(i + 1, i < 4000 ? i : null, ['mem', 'speed']));
    const plan = planVisits(nodes, 100);
    const forks = plan.reduce((sum, visit) => sum + 1 + visit.kinds.length, 0);
    expect(forks).toBe(100);
    // 33 whole visits of never-read nodes (3 forks each), then the one fork left to the oldest read node.
    expect(plan.slice(0, 33).every((visit) => visit.id > 4000 && visit.kinds.length === 2)).toBe(true);
    expect(plan.slice(33)).toEqual([{ id: 1, kinds: [] }]);
  });
});

describe('ForkCost', () => {
  it('gives the rate\'s budget until a tick is measured, then at most 80 % of the interval at the cost seen', () => {
    const cost = new ForkCost();
    expect(cost.budget(1000)).toBe(50);
    cost.observe(50, 5000);
    expect(cost.msPerFork()).toBe(100);
    expect(cost.budget(1000)).toBe(8);
    // Cheap forks never raise it above the rate.
    cost.observe(50, 0);
    expect(cost.msPerFork()).toBe(50);
    expect(cost.budget(1000)).toBe(16);
    cost.observe(50, 0);
    cost.observe(50, 0);
    expect(cost.budget(1000)).toBe(50);
  });

  it('raises the budget for a big map once forks were measured, and lowers it to the cost seen like the rate\'s', () => {
    const cost = new ForkCost();
    // The first tick, before any fork was measured, keeps the rate's (a busy machine forks ten times slower).
    expect(cost.budget(1000, 50, 256)).toBe(50);
    cost.observe(50, 500);
    expect(cost.budget(1000, 50, 256)).toBe(67);
    cost.observe(10, 500);
    // (10 + 50) / 2 = 30 ms a fork: 800 ms hold 26.
    expect(cost.budget(1000, 50, 256)).toBe(26);
    // Without a wall clock nothing is ever measured: raised from the first tick.
    expect(new ForkCost().budget(1000, 50, 256, true)).toBe(67);
  });

  it('ignores a tick that forked nothing, and never goes under one fork', () => {
    const cost = new ForkCost();
    cost.observe(0, 900);
    expect(cost.msPerFork()).toBeNull();
    cost.observe(1, 60_000);
    expect(cost.budget(1000)).toBe(1);
  });
});
