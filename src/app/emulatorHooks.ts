// With the demo backend, launched blender parts join the emulated cluster, whose balancer then
// places them on nodes like any other process: the render pane shows where each part runs.
import type { EmulatedCluster } from '../emulator/types.js';
import type { RenderHooks } from '../launcher/jobConfig.js';

export type PartHooks = Pick<RenderHooks, 'onPartSpawn' | 'onPartExit'>;

/** @param user shown as the parts' owner in the process list (the emulator cannot ask the OS). */
export function emulatorHooks(emulator: EmulatedCluster | null, user?: string): PartHooks {
  if (emulator === null) return {};
  return {
    // A process table has one line per process: the --python-expr argument spans several.
    onPartSpawn: (pid, argv) => emulator.adoptProcess({ pid, ppid: process.pid, command: argv.join(' ').replace(/\s+/g, ' '), ...(user ? { user } : {}) }),
    onPartExit: (pid) => emulator.releaseProcess(pid),
  };
}
