// A hand-written Backend and snapshot for dashboard tests: four nodes shaped like the tutorial's
// cluster (speeds 8240 and 26842), blender parts spread over them, and a record of every command.
import type { Backend } from '../../src/backends/backend.js';
import type { CommandOutcome, ClusterCommand } from '../../src/cluster/commands.js';
import type { PartView, RenderJobView } from '../../src/launcher/types.js';
import { isBlenderCommand, type ClusterSnapshot, type NodeSnapshot, type ProcessSnapshot } from '../../src/model/snapshot.js';

const GiB = 1024 ** 3;

export function fakeNode(id: number, patch: Partial<NodeSnapshot> = {}): NodeSnapshot {
  return {
    id, ip: `192.168.1.${id - 256}`, up: true, load: 100, speed: 8240, memFreeBytes: 0.25 * GiB, memTotalBytes: 0.5 * GiB,
    util: 100, cpus: 1, flags: {}, stale: false, isLocal: false, ...patch,
  };
}

export function fakeProcess(pid: number, patch: Partial<ProcessSnapshot> = {}): ProcessSnapshot {
  const command = patch.command ?? 'bash';
  const node = patch.node ?? 261;
  const home = patch.home ?? 261;
  return {
    pid, user: 'root', node, home, migrated: node !== home, stat: 'R', cpu: 10, mem: 1, timeSeconds: 60,
    command, isBlender: isBlenderCommand(command), ...patch,
  };
}

export function fakeSnapshot(patch: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return {
    takenAt: Date.UTC(2026, 10, 25, 12, 0, 0),
    backend: 'demo',
    localNode: 261,
    nodes: [
      fakeNode(261, { isLocal: true, load: 143, speed: 8240, flags: { stay: true } }),
      fakeNode(262, { load: 98, speed: 8240 }),
      fakeNode(265, { load: 210, speed: 26842, memFreeBytes: 1.5 * GiB, memTotalBytes: 2 * GiB, cpus: 2 }),
      fakeNode(266, { load: 187, speed: 26842, memFreeBytes: 1.2 * GiB, memTotalBytes: 2 * GiB, cpus: 2 }),
    ],
    processes: [
      fakeProcess(1, { command: 'init', cpu: 0, node: 261 }),
      fakeProcess(4101, { command: 'blender -b blacksmith.blend -s 1 -e 59 -a', node: 261, cpu: 97.5 }),
      fakeProcess(4102, { command: '(blender)', node: 262, cpu: 96.1 }),
      fakeProcess(4103, { command: '(blender)', node: 265, cpu: 99.0 }),
      fakeProcess(4104, { command: '(blender)', node: 266, cpu: 98.2 }),
      fakeProcess(5000, { command: 'sshd: user@pts/0', user: 'user', cpu: 0.3, node: 261 }),
    ],
    errors: [],
    ...patch,
  };
}

export interface FakeBackend extends Backend {
  readonly performed: ClusterCommand[];
  snapshot: ClusterSnapshot;
  /** When set, perform() waits for this promise before answering (a hanging command). */
  hold: Promise<void> | null;
  closed: boolean;
}

export function createFakeBackend(snapshot: ClusterSnapshot = fakeSnapshot()): FakeBackend {
  const backend: FakeBackend = {
    name: 'demo',
    performed: [],
    snapshot,
    hold: null,
    closed: false,
    async collect() {
      return { ...backend.snapshot, takenAt: backend.snapshot.takenAt };
    },
    async perform(command: ClusterCommand): Promise<CommandOutcome> {
      backend.performed.push(command);
      if (backend.hold !== null) await backend.hold;
      return { command, ok: true, message: `${command.type}: ok (fake)` };
    },
    async close() {
      backend.closed = true;
    },
  };
  return backend;
}

export function fakePart(index: number, patch: Partial<PartView> = {}): PartView {
  return { index, pid: 4100 + index, frames: `${index * 10 - 9}-${index * 10}`, currentFrame: index * 10 - 5, framesDone: 4,
    framesTotal: 10, secondsPerFrame: 2.5, state: 'rendering', logFile: `/tmp/part${index}.log`, ...patch };
}

/** A running 40-frame job in 4 parts whose PIDs are the fake snapshot's blender processes. */
export function fakeJob(patch: Partial<RenderJobView> = {}): RenderJobView {
  return { id: 'r1', blendFile: '/home/user/blacksmith.blend', outDir: '/tmp/out', framesDone: 16, framesTotal: 40, etaSeconds: 95,
    lastSaved: '/tmp/out/frame_0016.jpg',
    parts: [fakePart(1), fakePart(2), fakePart(3), fakePart(4, { pid: null, state: 'pending', currentFrame: null })],
    state: 'running', startedAt: 0, endedAt: null, message: null, ...patch };
}
