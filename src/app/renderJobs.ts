// The dashboard's render jobs: started through the StartRender seam, watched, cancelled. A job
// that stopped with frames missing offers the resume: the same request, rendering only those.
import type { RenderJobHandle, RenderJobView, RenderRequest, ResumeOffer, StartRender } from '../launcher/types.js';
import { resumeCommand } from '../launcher/progressText.js';
import { jobActive } from '../state/selectors.js';

export interface RenderJobs {
  /** Starts a job; resolves to its first view, rejects with a one-line Error. */
  start(request: RenderRequest): Promise<RenderJobView>;
  cancel(jobId: string): Promise<void>;
  /** Every job of this session, oldest first. */
  views(): readonly RenderJobView[];
  /** Quitting the dashboard stops its renders: no blender process is left behind. */
  cancelRunning(): Promise<void>;
}

/** `omtop render …` for a request, as the CLI would take it, with --resume. */
export function resumeOf(request: RenderRequest): ResumeOffer {
  const args = [request.blendFile, String(request.start), String(request.end), String(request.parts)];
  if (request.outDir !== undefined) args.push('--out', request.outDir);
  if (request.outputPattern !== undefined) args.push('--out-pattern', request.outputPattern);
  if (request.scene !== undefined) args.push('--scene', request.scene);
  if (request.format !== undefined) args.push('--format', request.format);
  if (request.engine !== undefined) args.push('--engine', request.engine);
  if (request.noDenoising) args.push('--no-denoising');
  if (request.movie !== undefined) args.push('--movie', request.movie);
  return { request: { ...request, existing: 'resume' }, command: resumeCommand(args) };
}

function withResume(view: RenderJobView, request: RenderRequest): RenderJobView {
  const missing = view.framesMissing ?? '';
  return { ...view, resume: jobActive(view) || missing === '' ? null : resumeOf(request) };
}

export function createRenderJobs(startRender: StartRender | null, onChange: () => void): RenderJobs {
  const started: Array<{ readonly handle: RenderJobHandle; readonly request: RenderRequest }> = [];
  let views: readonly RenderJobView[] = [];
  const refresh = (): void => {
    views = started.map(({ handle, request }) => withResume(handle.view(), request));
    onChange();
  };
  return {
    async start(request) {
      if (startRender === null) throw new Error('rendering is not available in this build');
      const handle = await startRender(request);
      started.push({ handle, request });
      handle.subscribe(refresh);
      // The job's own end (and a failure of its promise) must show too, not only its events.
      handle.done.then(refresh, refresh);
      refresh();
      return handle.view();
    },
    async cancel(jobId) {
      const found = started.find(({ handle }) => handle.id === jobId);
      if (found === undefined) throw new Error(`no render job ${jobId}`);
      await found.handle.cancel();
      refresh();
    },
    views: () => views,
    async cancelRunning() {
      const running = started.filter(({ handle }) => jobActive(handle.view()));
      await Promise.all(running.map(({ handle }) => handle.cancel()));
      refresh();
    },
  };
}
