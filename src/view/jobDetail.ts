// A render job's details (Enter in the render pane): where its frames go, its logs, what failed in
// full, what is missing and the command that renders it. Long lines wrap instead of being cut: an
// error or a path is only useful whole.
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { PartView, RenderJobView } from '../launcher/types.js';
import { formatDuration } from '../text/format.js';
import { wrap } from '../text/wrap.js';
import { nodeOfPid } from './renderPane.js';

function field(label: string, value: string, width: number): string[] {
  return wrap(`${label.padEnd(15)} ${value}`, width, ' '.repeat(16));
}

function partLines(part: PartView, snapshot: ClusterSnapshot | null, width: number): string[] {
  const where = part.pid === null ? '' : ` · pid ${part.pid} on ${nodeOfPid(snapshot, part.pid)}`;
  const spf = part.secondsPerFrame === null ? '' : ` · ${part.secondsPerFrame.toFixed(1)} s/frame`;
  const lines = wrap(`part ${part.index}: frames ${part.frames} · ${part.framesDone}/${part.framesTotal} done · ${part.state}${where}${spf}`, width, '    ');
  if (part.logFile !== null) lines.push(...wrap(`    log: ${part.logFile}`, width, '         '));
  for (const error of part.errors ?? []) lines.push(...wrap(`    error: ${error}`, width, '           '));
  return lines;
}

export function jobDetailLines(job: RenderJobView, snapshot: ClusterSnapshot | null, width: number): string[] {
  const observed = job.origin === 'observed';
  const lines: string[] = [];
  lines.push(...wrap(observed ? `${job.command ?? job.blendFile} — found running, not started by omtop` : `omtop render of ${job.blendFile} (job ${job.id})`, width));
  const eta = job.state === 'running' ? ` · ETA ${formatDuration(job.etaSeconds)}` : '';
  lines.push(`${job.state} · ${job.framesDone}/${job.framesTotal} frames${eta}`);
  if (job.warning) lines.push(...wrap(`⚠ ${job.warning}`, width, '  '));
  if (job.message !== null) lines.push(...wrap(job.message, width, '  '));
  lines.push('');
  lines.push(...field('Output folder', job.outDir === '' ? 'unknown' : job.outDir, width));
  lines.push(...field('Frame pattern', job.framePattern ?? 'unknown', width));
  const logs = job.logDir ?? (observed ? 'none: the script sends blender\'s output to /dev/null' : 'none');
  lines.push(...field('Logs', logs, width));
  const missing = job.framesMissing ?? '';
  const ended = job.state !== 'running' && job.state !== 'assembling';
  lines.push(...field(ended ? 'Frames missing' : 'Still to render', missing === '' ? 'none' : missing, width));
  if (job.resume != null) lines.push(...field('Resume', `${job.resume.command}   (R runs it)`, width));
  lines.push('');
  for (const part of job.parts) lines.push(...partLines(part, snapshot, width));
  return lines;
}
