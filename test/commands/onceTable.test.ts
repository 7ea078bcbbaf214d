import { describe, expect, it } from 'vitest';
import { formatSnapshot, memory } from '../../src/commands/onceTable.js';
import { formatCpuTime } from '../../src/text/format.js';
import type { ClusterSnapshot } from '../../src/model/snapshot.js';
import { node } from '../helpers/snapshots.js';

describe('formatSnapshot', () => {
  const snapshot: ClusterSnapshot = {
    takenAt: Date.UTC(2004, 9, 4, 22, 37, 0),
    backend: 'openmosix',
    localNode: 261,
    nodes: [
      node(261, { ip: '10.0.1.5', isLocal: true, load: 6, speed: 8240, memFreeBytes: 247595008, memTotalBytes: 268423168, flags: { stay: true, block: true } }),
      node(266, { ip: '10.0.1.10', stale: true, error: 'mosctl getload 266: timed out after 2 s', cpus: null }),
      node(407, { ip: '10.0.1.151', up: false, load: null, util: null, error: 'Node #407 is not up' }),
    ],
    processes: [
      { pid: 1159, user: 'root', node: 261, home: 261, migrated: false, stat: 'S', cpu: 0, mem: 0.4, timeSeconds: 0, command: '/bin/sh render x.blend 1 235 4', isBlender: false },
      { pid: 1169, user: null, node: 266, home: 261, migrated: true, stat: 'S', cpu: null, mem: null, timeSeconds: 351, command: '(blender)', isBlender: true },
    ],
    errors: [{ source: 'mosctl getload 266', message: 'timed out after 2 s' }],
  };
  const text = formatSnapshot(snapshot);

  it('heads the output with the backend, local node and time', () => {
    expect(text.split('\n')[0]).toBe('omtop: openmosix backend, local node 261, 2004-10-04 22:37:00 UTC');
  });

  it('shows each node’s state, flags and process count, with its error below the table', () => {
    expect(text).toMatch(/^261\*\s+10\.0\.1\.5\s+up\s+6\s+8240\s+236\.1M\/256\.0M\s+100%\s+1\s+1\s+stay,block$/m);
    expect(text).toMatch(/^266\s+10\.0\.1\.10\s+stale\s+.*\s-\s+1\s+-$/m);
    expect(text).toMatch(/^407\s+10\.0\.1\.151\s+down\s+-\s/m);
    expect(text).toContain('  266: mosctl getload 266: timed out after 2 s');
  });

  it('marks migrated processes with →NODE and prints unknown values as -', () => {
    expect(text).toMatch(/^1169\s+-\s+→266\s+261\s+S\s+-\s+-\s+5:51\s+\(blender\)$/m);
    expect(text).toMatch(/^1159\s+root\s+261\s+261\s+S\s+0\.0\s+0\.4\s+0:00\s+\/bin\/sh render x\.blend 1 235 4$/m);
  });

  it('lists the errors last', () => {
    expect(text.trimEnd().split('\n').slice(-2)).toEqual(['Errors:', '  mosctl getload 266: timed out after 2 s']);
  });

  it('formats bytes and CPU time the way the tools do', () => {
    expect(memory(217960448)).toBe('207.9M');
    expect(memory(512)).toBe('512B');
    expect(memory(null)).toBe('-');
    expect(formatCpuTime(351, 'mps')).toBe('5:51');
    expect(formatCpuTime(7384.9, 'mps')).toBe('123:04');
  });
});
