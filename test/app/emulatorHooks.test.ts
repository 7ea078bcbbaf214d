import { describe, expect, it } from 'vitest';
import { emulatorHooks } from '../../src/app/emulatorHooks.js';
import type { AdoptedProcess, EmulatedCluster } from '../../src/emulator/types.js';

describe('emulatorHooks', () => {
  it('adopts each launched part into the emulated cluster as one process line, and releases it', () => {
    const adopted: AdoptedProcess[] = [];
    const released: number[] = [];
    const emulator = {
      adoptProcess: (p: AdoptedProcess) => adopted.push(p),
      releaseProcess: (pid: number) => released.push(pid),
    } as unknown as EmulatedCluster;
    const hooks = emulatorHooks(emulator);
    hooks.onPartSpawn?.(4242, ['/usr/bin/blender', '-b', 'x.blend', '--python-expr', 'import bpy\nscene = 1', '-a']);
    hooks.onPartExit?.(4242);
    // Its parent is omtop: the render watch never takes omtop's own parts for someone else's render.
    expect(adopted).toEqual([{ pid: 4242, ppid: process.pid, command: '/usr/bin/blender -b x.blend --python-expr import bpy scene = 1 -a' }]);
    expect(released).toEqual([4242]);
    emulatorHooks(emulator, 'alice').onPartSpawn?.(7, ['blender']);
    expect(adopted[1]).toEqual({ pid: 7, ppid: process.pid, command: 'blender', user: 'alice' });
  });

  it('does nothing without an emulator (real cluster)', () => {
    expect(emulatorHooks(null)).toEqual({});
  });
});
