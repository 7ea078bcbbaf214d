// The dashboard's render jobs: started through the StartRender seam, watched, cancelled.
import type { RenderJobHandle, RenderJobView, RenderRequest, StartRender } from '../launcher/types.js';
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

export function createRenderJobs(startRender: StartRender | null, onChange: () => void): RenderJobs {
  const handles: RenderJobHandle[] = [];
  let views: readonly RenderJobView[] = [];
  const refresh = (): void => {
    views = handles.map((h) => h.view());
    onChange();
  };
  return {
    async start(request) {
      if (startRender === null) throw new Error('rendering is not available in this build');
      const handle = await startRender(request);
      handles.push(handle);
      handle.subscribe(refresh);
      // The job's own end (and a failure of its promise) must show too, not only its events.
      handle.done.then(refresh, refresh);
      refresh();
      return handle.view();
    },
    async cancel(jobId) {
      const handle = handles.find((h) => h.id === jobId);
      if (handle === undefined) throw new Error(`no render job ${jobId}`);
      await handle.cancel();
      refresh();
    },
    views: () => views,
    async cancelRunning() {
      const running = handles.filter((h) => jobActive(h.view()));
      await Promise.all(running.map((h) => h.cancel()));
    },
  };
}
