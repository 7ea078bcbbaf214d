// Render jobs' news for the event log: a part failing or being retried, a job ending. Found by
// comparing the jobs' views before and after a change; plain data out, for store.events.add.
import type { PartView, RenderJobView } from '../launcher/types.js';
import type { LogEntry } from '../store/eventLog.js';

function partEvent(job: RenderJobView, before: PartView | undefined, part: PartView, at: number): LogEntry | null {
  if (before?.state === part.state) return null;
  const name = `render ${job.id}: part ${part.index} (frames ${part.frames})`;
  const log = part.logFile === null ? '' : `; log ${part.logFile}`;
  if (part.state === 'failed') return { at, source: 'render', severity: 'error', text: `${name} failed${log}` };
  if (part.state === 'retrying') return { at, source: 'render', severity: 'warning', text: `${name} is retried${log}` };
  return null;
}

function jobEnd(job: RenderJobView, at: number): LogEntry | null {
  const said = job.message === null ? '' : `: ${job.message}`;
  switch (job.state) {
    case 'finished':
      return { at, source: 'render', severity: 'ok', text: `render ${job.id} finished, ${job.framesDone}/${job.framesTotal} frames${said}` };
    case 'failed':
      return { at, source: 'render', severity: 'error', text: `render ${job.id} failed${said}` };
    case 'cancelled':
      return { at, source: 'render', severity: 'info', text: `render ${job.id} cancelled, ${job.framesDone}/${job.framesTotal} frames kept` };
    default:
      return null;
  }
}

export function jobEvents(before: readonly RenderJobView[], after: readonly RenderJobView[], at: number): LogEntry[] {
  const old = new Map(before.map((job) => [job.id, job]));
  const events: LogEntry[] = [];
  for (const job of after) {
    const was = old.get(job.id);
    if (was === undefined) {
      events.push({ at, source: 'render', severity: 'info', text: `render ${job.id} started: ${job.framesTotal} frames in ${job.parts.length} parts` });
    }
    const parts = new Map((was?.parts ?? []).map((part) => [part.index, part]));
    for (const part of job.parts) {
      const event = partEvent(job, parts.get(part.index), part, at);
      if (event !== null) events.push(event);
    }
    if (was?.state !== job.state) {
      const end = jobEnd(job, at);
      if (end !== null) events.push(end);
    }
  }
  return events;
}
