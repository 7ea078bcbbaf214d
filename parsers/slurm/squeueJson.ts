// `squeue --json`: every job the controller still knows, finished ones included (for MinJobAge).
// A running array task is its own record (array_job_id/array_task_id set); pending tasks share one
// record with `array_task_string` "4-6". Numbers are plain (22.05) or {set, infinite, number}.
import { type ParseResult, type ParseWarning } from '../result.js';
import { validated } from '../util/validate.js';
import { countOf, isObject, numberOf, readSlurmDocument, recordList, textOf, timeOf, wordsOf, type JsonObject } from './json.js';
import { jobStateFromWords } from './jobState.js';
import { type SlurmJob, type Squeue, SqueueSchema } from './types.js';

export function parseSqueueJson(text: string): ParseResult<Squeue> {
  const document = readSlurmDocument(text, 'squeue');
  if (!document.ok) return document;
  const list = recordList(document.value, ['jobs'], 'squeue');
  if (!list.ok) return list;
  const warnings: ParseWarning[] = [...document.value.warnings];
  const jobs: SlurmJob[] = [];
  for (const [index, entry] of list.value.entries()) {
    const job = isObject(entry) ? jobOf(entry) : null;
    if (job) jobs.push(job);
    else warnings.push({ line: 0, message: `job record ${index + 1} has no job id; skipped` });
  }
  return validated(SqueueSchema, { version: document.value.version, jobs }, warnings);
}

function nonEmpty(value: unknown): string | null {
  const text = textOf(value);
  return text === null || text.trim() === '' ? null : text;
}

function jobOf(entry: JsonObject): SlurmJob | null {
  const jobId = countOf(entry.job_id);
  if (jobId === null) return null;
  const arrayJob = countOf(entry.array_job_id);
  const arrayJobId = arrayJob === null || arrayJob === 0 ? null : arrayJob;
  const arrayTaskId = arrayJobId === null ? null : countOf(entry.array_task_id);
  const arrayPending = nonEmpty(entry.array_task_string);
  const { state, stateFlags, finished } = jobStateFromWords(wordsOf(entry.job_state));
  const reason = nonEmpty(entry.state_reason);
  const limit = numberOf(entry.time_limit);
  return {
    id: arrayTaskId !== null ? `${arrayJobId}_${arrayTaskId}` : arrayPending !== null ? `${arrayJobId ?? jobId}_[${arrayPending}]` : String(jobId),
    jobId,
    arrayJobId: arrayJobId ?? (arrayPending !== null ? jobId : null),
    arrayTaskId,
    arrayPending,
    name: textOf(entry.name) ?? '',
    user: nonEmpty(entry.user_name),
    state,
    stateFlags,
    finished,
    reason: reason === 'None' ? null : reason,
    partition: nonEmpty(entry.partition),
    nodes: textOf(entry.nodes) ?? '',
    cpus: countOf(entry.cpus),
    nodeCount: countOf(entry.node_count),
    submitTime: timeOf(entry.submit_time),
    startTime: timeOf(entry.start_time),
    // For a running job end_time is when its limit runs out (submit + 1 year when unlimited).
    endTime: finished ? timeOf(entry.end_time) : null,
    elapsedSeconds: null,
    timeLimitMinutes: limit === null || limit < 0 ? null : limit,
    workDir: nonEmpty(entry.current_working_directory),
    stdout: nonEmpty(entry.standard_output),
  };
}
