import { describe, expect, it } from 'vitest';
import { createRenderJobs } from '../../src/app/renderJobs.js';
import type { RenderJobHandle, RenderJobView } from '../../src/launcher/types.js';
import { fakeJob } from '../helpers/fakeBackend.js';

function fakeHandle(initial: RenderJobView) {
  let view = initial;
  const listeners = new Set<(v: RenderJobView) => void>();
  let cancelled = 0;
  const handle: RenderJobHandle = {
    id: initial.id,
    view: () => view,
    subscribe: (l) => { listeners.add(l); return () => listeners.delete(l); },
    cancel: async () => { cancelled += 1; view = { ...view, state: 'cancelled' }; },
    done: new Promise(() => undefined),
  };
  return { handle, update: (patch: Partial<RenderJobView>) => { view = { ...view, ...patch }; for (const l of listeners) l(view); }, cancelled: () => cancelled };
}

describe('createRenderJobs', () => {
  it('starts jobs, follows their progress and redraws on each change', async () => {
    const job = fakeHandle(fakeJob());
    let changes = 0;
    const jobs = createRenderJobs(async () => job.handle, () => { changes += 1; });
    const first = await jobs.start({ blendFile: 'x.blend', start: 1, end: 40, parts: 4 });
    expect(first.id).toBe('r1');
    job.update({ framesDone: 20 });
    expect(jobs.views().map((v) => v.framesDone)).toEqual([20]);
    expect(changes).toBeGreaterThanOrEqual(2);
  });

  it('cancels one job, or every running job when the dashboard quits', async () => {
    const a = fakeHandle(fakeJob({ id: 'a' }));
    const b = fakeHandle(fakeJob({ id: 'b', state: 'finished' }));
    const handles = [a.handle, b.handle];
    const jobs = createRenderJobs(async () => handles.shift() as RenderJobHandle, () => undefined);
    await jobs.start({ blendFile: 'x.blend', start: 1, end: 2, parts: 1 });
    await jobs.start({ blendFile: 'x.blend', start: 1, end: 2, parts: 1 });
    await jobs.cancelRunning();
    expect([a.cancelled(), b.cancelled()]).toEqual([1, 0]);
    await expect(jobs.cancel('zzz')).rejects.toThrow('no render job zzz');
  });

  it('says plainly when rendering is not available', async () => {
    const jobs = createRenderJobs(null, () => undefined);
    await expect(jobs.start({ blendFile: 'x.blend', start: 1, end: 2, parts: 1 })).rejects.toThrow('rendering is not available');
  });
});
