import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCpuinfo, parseLoadavg, parseMeminfo, parseProcStatCpu } from '../../../src/backends/local/procText.js';
import { commandFrom, parsePasswd, parsePidStat, parsePidStatLine, parsePidStatus, statRssPages } from '../../../src/backends/local/procPid.js';

describe('/proc text parsers', () => {
  it('reads the 1-minute load average', () => {
    expect(parseLoadavg('0.15 0.23 0.16 1/93 7669\n')).toBe(0.15);
    expect(parseLoadavg('')).toBeNull();
    expect(parseLoadavg('garbage')).toBeNull();
  });

  it('reads MemTotal and MemAvailable (MemFree on old kernels) in bytes', () => {
    expect(parseMeminfo('MemTotal:       1000 kB\nMemFree:         200 kB\nMemAvailable:    300 kB\n')).toEqual({ totalBytes: 1024000, freeBytes: 307200 });
    expect(parseMeminfo('MemTotal:       1000 kB\nMemFree:         200 kB\n')).toEqual({ totalBytes: 1024000, freeBytes: 204800 });
    expect(parseMeminfo('nothing here')).toBeNull();
  });

  it('counts processors and averages their MHz', () => {
    const text = 'processor\t: 0\ncpu MHz\t\t: 1000.000\n\nprocessor\t: 1\ncpu MHz\t\t: 2000.000\n';
    expect(parseCpuinfo(text)).toEqual({ cpus: 2, mhz: 1500 });
    expect(parseCpuinfo('processor\t: 0\nBogoMIPS\t: 50.00\n')).toEqual({ cpus: 1, mhz: null });
    expect(parseCpuinfo('')).toBeNull();
  });

  it('sums busy and total ticks from the cpu line', () => {
    expect(parseProcStatCpu('cpu  10 0 5 80 5 0 0 0 0 0\ncpu0 1 2 3 4\n')).toEqual({ busy: 15, total: 100 });
    expect(parseProcStatCpu('intr 1 2 3')).toBeNull();
  });

  it('reads a stat line whose comm has spaces and parentheses', () => {
    const line = '1234 (my (odd) prog) R 1 1234 1234 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 1 0 5000 1000000 300 18446744073709551615';
    expect(parsePidStat(line)).toEqual({ pid: 1234, comm: 'my (odd) prog', state: 'R', ppid: 1, cpuTicks: 300, startTicks: 5000, kernelThread: false });
    expect(parsePidStat('not a stat line')).toBeNull();
  });

  it('reads the resident page count from stat (field 24), or null when the line is shorter', () => {
    expect(statRssPages('7 (a b) S 1 7 7 0 -1 4194304 0 0 0 0 10 5 0 0 20 0 1 0 500 123456 789 18446744073709551615')).toBe(789);
    expect(statRssPages('2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 20 0')).toBeNull();
  });

  it('reads uid and resident memory from status', () => {
    expect(parsePidStatus('Name:\tx\nUid:\t1000\t1000\t1000\t1000\nVmRSS:\t   38912 kB\n')).toEqual({ uid: 1000, rssBytes: 38912 * 1024 });
    expect(parsePidStatus('Name:\tkthreadd\nUid:\t0\t0\t0\t0\n')).toEqual({ uid: 0, rssBytes: 0 });
  });

  it('shows the command line, or [comm] when there is none (never (comm): that means migrated)', () => {
    expect(commandFrom('blender\0-b\0scene.blend\0', 'blender')).toBe('blender -b scene.blend');
    expect(commandFrom('', 'kworker/0:1')).toBe('[kworker/0:1]');
  });

  it('knows a kernel thread by the PF_KTHREAD flag', () => {
    // Lines as /proc/2/stat (kthreadd, flags 0x208040) and /proc/1/stat (a program, flags 0x400100) print them.
    expect(parsePidStat('2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 20 0 0 18446744073709551615')?.kernelThread).toBe(true);
    expect(parsePidStat('1 (init) S 0 1 1 0 -1 4194560 511 0 0 0 50 10 0 0 20 0 1 0 20 0 0 18446744073709551615')?.kernelThread).toBe(false);
  });

  it('maps uids to names from /etc/passwd', () => {
    const users = parsePasswd('root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n# comment\n');
    expect(users.get(0)).toBe('root');
    expect(users.get(1000)).toBe('alice');
    expect(users.size).toBe(2);
  });

  it('reads a stat line in one pass to what parsePidStat and statRssPages make of it: every line of this machine and odd ones', () => {
    const both = (text: string) => {
      const stat = parsePidStat(text);
      return stat === null ? null : { ...stat, rssPages: statRssPages(text) };
    };
    const lines: string[] = [];
    for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        lines.push(readFileSync(`/proc/${name}/stat`, 'utf8'));
      } catch {
        // It exited since the listing: nothing to compare.
      }
    }
    expect(lines.length).toBeGreaterThan(1);
    const real = '1234 (my (odd) prog) R 1 1234 1234 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 1 0 5000 1000000 300 18446744073709551615\n';
    lines.push(
      real,
      '2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 20 0',
      '2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 20 0 0',
      '7 (a)  S 1 7 7 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 500 0 -3\n',
      '7 (a) S 1 7 7 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 500 0 12abc 9\n',
      '7 (a) \tS 1 7 7 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 500 0 4 \n',
      '7 (a) SS 1 7 7 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 500',
      '7 (a) S 1 7 7 0 -1 0 0 0 0 0 1e2 5 0 0 20 0 1 0 500',
      '7 (a) S 1 7 7 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0',
      ' 7 (a) S 1 7 7 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 500 0 1',
      'x7 (a) S 1 7 7 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 500 0 1',
      '(a) S 1', '7 (a S 1', '', '\n',
    );
    // Every one-character change of a real line: a digit, a space, a letter, a cut.
    for (let at = 0; at < real.length; at += 1) {
      for (const put of ['0', '9', ' ', 'x', '-', '']) lines.push(real.slice(0, at) + put + real.slice(at + 1));
    }
    for (const line of lines) expect(parsePidStatLine(line), JSON.stringify(line)).toEqual(both(line));
  });
});
