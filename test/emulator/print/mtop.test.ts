import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { printMtop, uptimeLine } from '../../../src/emulator/print/mtop.js';
import { fixtureJson, fixtureText } from './seedFixtures.js';

const Tutorial = z.object({
  loadAverage: z.tuple([z.number(), z.number(), z.number()]),
  tasks: z.object({ sleeping: z.number(), running: z.number(), zombie: z.number(), stopped: z.number() }),
  cpuStates: z.object({ user: z.number(), system: z.number(), nice: z.number(), idle: z.number() }),
  memKiB: z.object({ total: z.number(), used: z.number(), free: z.number(), shared: z.number(), buffers: z.number() }),
  swapKiB: z.object({ total: z.number(), used: z.number(), free: z.number(), cached: z.number() }),
  processes: z.array(
    z.object({
      pid: z.number(),
      user: z.string(),
      pri: z.number(),
      ni: z.number(),
      sizeKiB: z.number(),
      rssKiB: z.number(),
      shareKiB: z.number(),
      stat: z.string(),
      node: z.number(),
      cpu: z.number(),
      mem: z.number(),
      timeSeconds: z.number(),
      command: z.string(),
      extra: z.object({ MGS: z.string() }),
    }),
  ),
});

describe('printMtop', () => {
  it("reproduces the real mtop screen byte for byte from its values", () => {
    const screen = Tutorial.parse(fixtureJson('real/mtop-chaos-screen.json'));
    const text = printMtop({
      header: {
        clockSeconds: 8 * 3600 + 31 * 60, // 8:31am
        uptimeSeconds: 21 * 3600 + 50 * 60, // up 21:50
        users: 0,
        loadAverage: screen.loadAverage,
        tasks: screen.tasks,
        cpu: screen.cpuStates,
        memKiB: { av: screen.memKiB.total, used: screen.memKiB.used, free: screen.memKiB.free, shrd: screen.memKiB.shared, buff: screen.memKiB.buffers },
        swapKiB: { av: screen.swapKiB.total, used: screen.swapKiB.used, free: screen.swapKiB.free, cached: screen.swapKiB.cached },
      },
      rows: screen.processes.map((row) => ({
        pid: row.pid,
        user: row.user,
        priority: row.pri,
        nice: row.ni,
        sizeKiB: row.sizeKiB,
        rssKiB: row.rssKiB,
        shareKiB: row.shareKiB,
        stat: row.stat,
        node: row.node,
        migrations: Number(row.extra.MGS),
        cpuPercent: row.cpu,
        memPercent: row.mem,
        timeSeconds: row.timeSeconds,
        command: row.command,
      })),
    });
    expect(text).toBe(fixtureText('real/mtop-chaos-screen.txt'));
  });

  it('prints uptimes in days and minutes the way procps does', () => {
    const base = { users: 1, loadAverage: [1, 0.5, 0.25] as const };
    expect(uptimeLine({ ...base, clockSeconds: 0, uptimeSeconds: 3 * 86_400 + 4 * 3600 + 12 * 60 })).toBe(
      ' 12:00am  up 3 days,  4:12,  1 user,  load average: 1.00, 0.50, 0.25',
    );
    expect(uptimeLine({ ...base, clockSeconds: 13 * 3600 + 5 * 60, uptimeSeconds: 12 * 60 })).toBe(
      '  1:05pm  up 12 min,  1 user,  load average: 1.00, 0.50, 0.25',
    );
  });
});
