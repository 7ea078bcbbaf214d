// What squeue says about the tasks of one render array: one line per task (`-r`), finished ones
// included (`-t all`), in the version-independent text format. Pure mapping from parsed jobs.
import { type SlurmJob } from '../../../parsers/index.js';

export type TaskQueueState = 'pending' | 'running' | 'ended';

export interface TaskQueueView {
  readonly state: TaskQueueState;
  /** The node a running or ended task ran on; null while pending. */
  readonly node: string | null;
  /** The scheduler's word: PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT… */
  readonly slurmState: string;
  readonly reason: string | null;
}

export function squeueTasksArgv(arrayJobId: string, format: string): string[] {
  return ['squeue', '-h', '-r', '-t', 'all', '-j', arrayJobId, '-o', format];
}

/** Task number → what squeue says, for the records of `arrayJobId`. Pending ranges (`5_[3-6]`) are expanded. */
export function taskStates(jobs: readonly SlurmJob[], arrayJobId: number): Map<number, TaskQueueView> {
  const states = new Map<number, TaskQueueView>();
  for (const job of jobs) {
    if (job.arrayJobId !== arrayJobId) continue;
    const state: TaskQueueState = job.finished ? 'ended' : job.state === 'PENDING' ? 'pending' : 'running';
    const view = { state, node: job.nodes === '' ? null : job.nodes, slurmState: job.state, reason: job.reason };
    if (job.arrayTaskId !== null) states.set(job.arrayTaskId, view);
    else if (job.arrayPending !== null) for (const task of expandTaskRange(job.arrayPending)) states.set(task, view);
  }
  return states;
}

/** `3-6`, `1,4-5`, `2-10%4` → task numbers (bounded: a malformed range gives none). */
export function expandTaskRange(text: string): number[] {
  const tasks: number[] = [];
  for (const item of text.replace(/%\d+$/, '').split(',')) {
    const match = /^(\d+)(?:-(\d+))?(?::\d+)?$/.exec(item.trim());
    if (!match) continue;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from || to - from > 1_000_000) continue;
    for (let n = from; n <= to; n++) tasks.push(n);
  }
  return tasks;
}
