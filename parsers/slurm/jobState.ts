// A job's state words → its base state, the other words and whether it has finished. 22.05 and
// 23.02 print one word ("RUNNING"); 23.11+ print a list (["PENDING", "REQUEUED"]).
import { FINISHED_JOB_STATES } from './types.js';

const BASE_STATES = new Set([
  'PENDING', 'RUNNING', 'SUSPENDED', 'COMPLETING', 'CONFIGURING', 'RESIZING', 'REQUEUED', 'STOPPED', 'SIGNALING',
  'STAGE_OUT', 'RESV_DEL_HOLD', 'REQUEUE_FED', 'REQUEUE_HOLD', 'SPECIAL_EXIT', ...FINISHED_JOB_STATES,
]);

/** Text squeue %t's short codes, for a state printed in its compact form. */
const SHORT: Readonly<Record<string, string>> = {
  PD: 'PENDING', R: 'RUNNING', CG: 'COMPLETING', CD: 'COMPLETED', CA: 'CANCELLED', F: 'FAILED', TO: 'TIMEOUT',
  NF: 'NODE_FAIL', PR: 'PREEMPTED', S: 'SUSPENDED', ST: 'STOPPED', OOM: 'OUT_OF_MEMORY', BF: 'BOOT_FAIL',
  DL: 'DEADLINE', CF: 'CONFIGURING', RQ: 'REQUEUED', RH: 'REQUEUE_HOLD', SE: 'SPECIAL_EXIT', SI: 'SIGNALING',
};

export interface JobStateReading {
  readonly state: string;
  readonly stateFlags: string[];
  readonly finished: boolean;
}

export function jobStateFromWords(words: readonly string[]): JobStateReading {
  const upper = words.map((word) => {
    const w = word.trim().toUpperCase();
    return SHORT[w] ?? w;
  });
  const finishedAt = upper.findIndex((word) => FINISHED_JOB_STATES.has(word));
  const baseAt = finishedAt >= 0 ? finishedAt : Math.max(0, upper.findIndex((word) => BASE_STATES.has(word)));
  const state = upper[baseAt] ?? 'UNKNOWN';
  return { state, stateFlags: upper.filter((_, i) => i !== baseAt), finished: finishedAt >= 0 };
}
