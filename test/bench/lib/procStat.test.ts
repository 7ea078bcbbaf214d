import { describe, expect, it } from 'vitest';
import { cpuSecondsOf, endedChildrenCpuSeconds, memoryOf, parseStatChildTicks, parseStatCpuTicks, parseStatParent, parseStatusKiB, processTree } from '../../../bench/lib/procStat.js';

// A real /proc/<pid>/stat line, with a command name that holds a space and a parenthesis.
const STAT = '4242 (node (tsx) x) S 4200 4242 4200 34816 4242 4194304 6155 0 0 0 123 45 0 0 20 0 11 0 1234 1161981952 33617 18446744073709551615';

describe('parseStatCpuTicks', () => {
  it('adds utime and stime, counting fields after the last parenthesis', () => {
    expect(parseStatCpuTicks(STAT)).toBe(168);
  });

  it('is null for text that is not a stat line', () => {
    expect(parseStatCpuTicks('no parentheses here')).toBeNull();
    expect(parseStatCpuTicks('1 (x) S 0')).toBeNull();
  });
});

describe('parseStatChildTicks', () => {
  it('adds cutime and cstime (fields 16 and 17)', () => {
    expect(parseStatChildTicks(STAT.replace(' 123 45 0 0 20 ', ' 123 45 7 3 20 '))).toBe(10);
    expect(parseStatChildTicks('1 (x) S 0')).toBeNull();
  });

  it("counts this process's ended children", async () => {
    const before = endedChildrenCpuSeconds() ?? Number.NaN;
    const { execFileSync } = await import('node:child_process');
    // A child that burns 0.3 s of its own CPU time (however busy the machine), then is waited for.
    execFileSync(process.execPath, ['-e', 'while (process.cpuUsage().user < 300000);']);
    expect((endedChildrenCpuSeconds() ?? Number.NaN) - before).toBeGreaterThanOrEqual(0.29);
  });
});

describe('parseStatParent', () => {
  it('reads field 4', () => {
    expect(parseStatParent(STAT)).toBe(4200);
    expect(parseStatParent('garbage')).toBeNull();
  });
});

describe('parseStatusKiB', () => {
  const status = 'Name:\tnode\nVmPeak:\t 1234 kB\nVmHWM:\t  135168 kB\nVmRSS:\t  120000 kB\n';

  it('reads a kB line in bytes', () => {
    expect(parseStatusKiB(status, 'VmHWM')).toBe(135168 * 1024);
    expect(parseStatusKiB(status, 'VmRSS')).toBe(120000 * 1024);
  });

  it('is null for a missing line', () => {
    expect(parseStatusKiB(status, 'VmSwap')).toBeNull();
  });
});

describe('readers on this process', () => {
  it('read our own CPU time and memory', () => {
    expect(cpuSecondsOf(process.pid)).toBeGreaterThan(0);
    const memory = memoryOf(process.pid);
    expect(memory?.rssBytes).toBeGreaterThan(1024 * 1024);
    expect(memory?.peakRssBytes).toBeGreaterThanOrEqual(memory?.rssBytes ?? Infinity);
  });

  it('give null for a process that does not exist', () => {
    expect(cpuSecondsOf(2 ** 22 + 1)).toBeNull();
    expect(memoryOf(2 ** 22 + 1)).toBeNull();
  });

  it('find this process in the tree of its parent', () => {
    expect(processTree(process.ppid)).toContain(process.pid);
    expect(processTree(process.pid)[0]).toBe(process.pid);
  });
});
