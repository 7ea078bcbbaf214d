// Other users' jobs on the other nodes. They start now and then at their home node; the balancer
// may send some to the local node, where they are guests (load without an mps line) until they
// end, are expelled, or their home goes down.
import type { ClusterModel } from './model.js';
import { findNode, logEvent, removeProcess } from './model.js';
import { foreignProcess } from './initial.js';

const MEAN_ARRIVAL_MS = 120_000;
const MIN_WORK = 1_500_000;
const MAX_WORK = 6_000_000;
const JOBS = [
  { comm: 'povray', cmdline: 'povray +Iscene.pov +W640 +H480' },
  { comm: 'lame', cmdline: 'lame --preset standard track.wav' },
  { comm: 'bzip2', cmdline: 'bzip2 -9 backup.tar' },
  { comm: 'mencoder', cmdline: 'mencoder dvd://1 -ovc lavc -o movie.avi' },
  { comm: 'make', cmdline: 'make -j2 bzImage' },
] as const;

export function guestsStep(model: ClusterModel, stepMs: number): void {
  finishForeignJobs(model, stepMs);
  if (!model.settings.guestArrivals) return;
  if (model.random.next() >= stepMs / MEAN_ARRIVAL_MS) return;
  const homes = model.nodes.filter((node) => node.up && node.id !== model.localNode);
  const home = homes[model.random.index(homes.length)];
  const job = JOBS[model.random.index(JOBS.length)];
  const rssKiB = Math.round(model.random.between(2, 30)) * 1024;
  const work = model.random.between(MIN_WORK, MAX_WORK);
  if (!home || !job) return;
  const pid = model.nextForeignPid;
  model.nextForeignPid += 1;
  model.processes.set(pid, foreignProcess(pid, job.comm, job.cmdline, home.id, home.id, rssKiB, work));
  logEvent(model, 'guest-started', `job ${pid} (${job.comm}) started on node ${home.id}`, { pid, node: home.id });
}

function finishForeignJobs(model: ClusterModel, stepMs: number): void {
  for (const process of [...model.processes.values()]) {
    if (process.kind !== 'foreign' || process.workLeft === null) continue;
    const speed = findNode(model, process.node)?.speed ?? 0;
    process.workLeft -= (speed * process.share * stepMs) / 1000;
    if (process.workLeft > 0) continue;
    removeProcess(model, process.pid);
    logEvent(model, 'exited', `job ${process.pid} (${process.comm}) from node ${process.home} finished on node ${process.node}`, {
      pid: process.pid,
      node: process.node,
    });
  }
}
