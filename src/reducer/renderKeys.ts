// Keys of the render pane: a job's details, rendering what a render left missing, the preview,
// and what the app reports back about renders (refused, frames already there, the .blend asked).
import type { RenderJobView } from '../launcher/types.js';
import type { KeyId } from '../state/keyTable.js';
import { listAt } from '../state/list.js';
import { jobActive, selectedJobIndex } from '../state/selectors.js';
import type { UiState } from '../state/ui.js';
import type { UiEvent } from './events.js';
import { run, withStatus, type ReduceContext, type Reduction } from './reduceContext.js';

type KeyHandler = (ui: UiState, ctx: ReduceContext) => Reduction;

const selectedJob = (ui: UiState, ctx: ReduceContext): RenderJobView | undefined => ctx.jobs[selectedJobIndex(ctx.jobs, ui)];

/** Why R does nothing for this job, in a line; null when it can run. */
function whyNoMissingRender(job: RenderJobView): string | null {
  if (job.resume != null) return null;
  if (jobActive(job)) {
    return job.origin === 'observed'
      ? 'the render is still running: R renders what it left missing once it has finished'
      : 'the render is still running; c cancels it, and R then renders what is missing';
  }
  if ((job.framesMissing ?? '') === '') return 'nothing is missing: every frame of the render is on disk';
  return 'omtop cannot render what is missing here: where its frames go is unknown (Enter shows why)';
}

export const RENDER_KEYS = {
  jobDetail: (ui, ctx) => {
    const job = selectedJob(ui, ctx);
    if (job === undefined) return withStatus(ui, 'no render selected', 'error');
    return { ui: { ...ui, overlay: { kind: 'jobDetail', jobId: job.id, scroll: listAt() } }, effects: [] };
  },
  renderMissing: (ui, ctx) => {
    const job = selectedJob(ui, ctx);
    if (job === undefined) return withStatus(ui, 'no render selected', 'error');
    const why = whyNoMissingRender(job);
    if (why !== null || job.resume == null) return withStatus(ui, why ?? 'nothing to render', 'error');
    return run({ ...ui, status: { text: `rendering frames ${job.framesMissing ?? ''} of ${job.blendFile}…`, kind: 'running' } },
      { kind: 'startRender', request: job.resume.request });
  },
  togglePreview: (ui) => withStatus({ ...ui, preview: !ui.preview }, ui.preview ? 'frame preview off' : 'frame preview on (the last finished frame)'),
} satisfies Partial<Record<KeyId, KeyHandler>>;

export type RenderNews = Extract<UiEvent, { type: 'renderRefused' | 'blendInspected' }>;

/** News about the form's render: refused (the form comes back as typed, with why), or frames already there (ask). */
export function reduceRenderNews(ui: UiState, event: RenderNews): Reduction {
  if (event.type === 'renderRefused') {
    if (event.framesExist !== null) {
      const { existing, total, folder } = event.framesExist;
      const question = `${existing} of ${total} frames already exist in ${folder}.`;
      return {
        ui: { ...ui, status: null, overlay: { kind: 'framesExist', request: event.request, fields: event.fields, question, list: listAt() } },
        effects: [],
      };
    }
    return {
      ui: { ...ui, status: { text: `render not started: ${event.error}`, kind: 'error' },
        overlay: { kind: 'renderForm', fields: event.fields, field: 'file', error: event.error } },
      effects: [],
    };
  }
  const form = ui.overlay;
  if (form?.kind !== 'renderForm' || form.fields.file.trim() !== event.file) return { ui, effects: [] };
  const { result } = event;
  if (!result.ok) return { ui: { ...ui, overlay: { ...form, destination: { kind: 'unknown', file: event.file, error: result.error } } }, effects: [] };
  // Start and End come from the .blend unless the user has typed their own.
  const untouched = form.fields.end.trim() === '' && (form.fields.start.trim() === '' || form.fields.start.trim() === '1');
  const fields = untouched ? { ...form.fields, start: String(result.frameStart), end: String(result.frameEnd) } : form.fields;
  return { ui: { ...ui, overlay: { ...form, fields, destination: { kind: 'known', file: event.file, pattern: result.pattern } } }, effects: [] };
}
