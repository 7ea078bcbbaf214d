// A render's end as the user notices it: the bell (on by default, off with --no-bell), the status
// line and the event log, and — after quitting — the command that resumes.
import { afterEach, describe, expect, it } from 'vitest';
import { resumeLines } from '../../src/app/dashboardSession.js';
import type { RenderJobHandle, RenderJobView, StartRender } from '../../src/launcher/types.js';
import { createFakeBackend, fakeJob } from '../helpers/fakeBackend.js';
import { startDashboard, type DashboardHarness, submitRenderForm } from '../helpers/dashboardHarness.js';

describe('after quitting', () => {
  it('prints each incomplete render and its resume command after quitting', () => {
    const resume = { request: { blendFile: 'b.blend', start: 1, end: 40, parts: 4 }, command: "omtop render --resume b.blend 1 40 4" };
    expect(resumeLines([
      fakeJob({ state: 'cancelled', resume }),
      fakeJob({ id: 'script-1159', origin: 'observed', state: 'finished', command: '/bin/sh render b.blend 1 40 4', framesMissing: '1,40', resume }),
      fakeJob({ id: 'done', state: 'finished', resume: null }),
    ])).toEqual([
      'omtop: render r1 stopped: 16 of 40 frames done, kept in /tmp/out',
      'omtop: resume with: omtop render --resume b.blend 1 40 4',
      'omtop: /bin/sh render b.blend 1 40 4 left frames 1,40 missing',
      'omtop: resume with: omtop render --resume b.blend 1 40 4',
    ]);
  });
});

describe('the bell', () => {
  let h: DashboardHarness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  /** A job that finishes when `finish()` is called. */
  function controllable(): { startRender: StartRender; finish: (state: RenderJobView['state']) => void } {
    let view = fakeJob();
    const listeners = new Set<(v: RenderJobView) => void>();
    const handle: RenderJobHandle = {
      id: view.id, view: () => view, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), cancel: async () => undefined,
      done: new Promise(() => undefined),
    };
    return {
      startRender: async () => handle,
      finish: (state) => {
        view = { ...view, state, framesDone: 40, etaSeconds: null };
        for (const listener of listeners) listener(view);
      },
    };
  }

  async function startJob(harness: DashboardHarness): Promise<void> {
    submitRenderForm(harness.app);
    await harness.refresh();
  }

  it('rings once when a render finishes, says so, and tells the listeners', async () => {
    const job = controllable();
    h = await startDashboard(createFakeBackend(), { startRender: job.startRender });
    await startJob(h);
    expect(h.bells()).toBe(0);
    job.finish('finished');
    const lines = await h.lines();
    expect(h.bells()).toBe(1);
    expect(lines.join('\n')).toContain('render r1 finished, 40/40 frames');
    // The same news is in the event log (E).
    await h.press('E');
    expect((await h.lines()).join('\n')).toContain('render r1 finished, 40/40 frames');
  });

  it('rings for a failure too', async () => {
    const job = controllable();
    h = await startDashboard(createFakeBackend(), { startRender: job.startRender });
    await startJob(h);
    job.finish('failed');
    await h.lines();
    expect(h.bells()).toBe(1);
  });

  it('never rings with --no-bell', async () => {
    const job = controllable();
    h = await startDashboard(createFakeBackend(), { startRender: job.startRender, bell: false });
    await startJob(h);
    job.finish('failed');
    await h.lines();
    expect(h.bells()).toBe(0);
  });
});
