import { describe, expect, it } from 'vitest';
import { createProcessTracks, identityOf } from '../../src/store/processTracks.js';
import { fakeProcess } from '../helpers/fakeBackend.js';

describe('process tracks', () => {
  it('counts moves and remembers when the process arrived on its node', () => {
    const tracks = createProcessTracks(4);
    tracks.ingest([fakeProcess(1181, { command: 'blender -b a.blend', node: 261, cpu: 50 })], 1000);
    tracks.ingest([fakeProcess(1181, { command: 'blender -b a.blend', node: 261, cpu: 60 })], 3000);
    expect(tracks.get(1181)).toMatchObject({ firstSeen: 1000, node: 261, arrived: null, moves: 0, cpu: [50, 60] });
    // Migrated: mps prints a migrated process as (comm), and it is still the same process.
    tracks.ingest([fakeProcess(1181, { command: '(blender)', node: 266, home: 261, cpu: 99 })], 5000);
    tracks.ingest([fakeProcess(1181, { command: '(blender)', node: 266, home: 261, cpu: 98 })], 7000);
    tracks.ingest([fakeProcess(1181, { command: '(blender)', node: 407, home: 261, cpu: 97, mem: null })], 9000);
    expect(tracks.get(1181)).toMatchObject({ firstSeen: 1000, node: 407, arrived: 9000, moves: 2, cpu: [60, 99, 98, 97] });
    expect(tracks.get(1181)?.mem).toEqual([1, 1, 1, null]);
  });

  it('forgets a PID that is gone, and treats a reused PID with another program as new', () => {
    const tracks = createProcessTracks();
    tracks.ingest([fakeProcess(7, { command: 'bash', node: 261 })], 1);
    tracks.ingest([fakeProcess(7, { command: 'bash', node: 266 })], 2);
    tracks.ingest([fakeProcess(7, { command: 'lame --preset standard x.wav', node: 266 })], 3);
    expect(tracks.get(7)).toMatchObject({ firstSeen: 3, moves: 0, arrived: null });
    tracks.ingest([], 4);
    expect(tracks.get(7)).toBeNull();
  });

  it('names a program the same whether printed whole, as (comm) or as [kthread]', () => {
    expect(identityOf('/usr/bin/blender -b x.blend')).toBe('blender');
    expect(identityOf('(blender)')).toBe('blender');
    expect(identityOf('[kworker/0:1]')).toBe('kworker/0:1');
  });
});
