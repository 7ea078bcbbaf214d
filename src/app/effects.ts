// Carries out what the reducer asked for. Cluster commands and renders run in the background and
// report back through dispatch, so a hanging command never blocks keys, resizes or quitting.
import type { Backend } from '../backends/backend.js';
import type { Collector } from '../collector/types.js';
import { errorLine } from '../errorLine.js';
import type { UiEvent } from '../reducer/events.js';
import type { Effect } from '../state/ui.js';
import type { RenderJobs } from './renderJobs.js';
import { showJob } from './jobText.js';

export interface EffectDeps {
  readonly backend: Backend;
  readonly collector: Collector;
  readonly jobs: RenderJobs;
  readonly dispatch: (event: UiEvent) => void;
  readonly quit: () => void;
  /** The job log the text dialog follows now, if any. */
  readonly following: (path: string) => boolean;
  readonly timers: Set<NodeJS.Timeout>;
}

export function applyEffect(effect: Effect, deps: EffectDeps): void {
  const fail = (what: string) => (error: unknown): void =>
    deps.dispatch({ type: 'status', status: { text: `${what}: ${errorLine(error)}`, kind: 'error' } });
  switch (effect.kind) {
    case 'quit':
      deps.quit();
      return;
    case 'setIntervalMs':
      deps.collector.setIntervalMs(effect.ms);
      return;
    case 'setPaused':
      deps.collector.setPaused(effect.paused);
      return;
    case 'perform':
      deps.backend.perform(effect.command).then((result) => {
        // The backend's message is already the whole line: "expel: ok" or the tool's own error.
        deps.dispatch({ type: 'status', status: { text: result.message, kind: result.ok ? 'ok' : 'error' } });
        // Show what the command did now rather than at the next tick.
        return deps.collector.pollNow();
      }).catch(fail(effect.label));
      return;
    case 'startRender':
      deps.jobs.start(effect.request).then((view) => {
        deps.dispatch({ type: 'renderStarted', jobId: view.id, message: `render ${view.id} started: ${view.framesTotal} frames in ${view.parts.length} parts` });
      }).catch(fail('render not started'));
      return;
    case 'showJob':
      showJob(effect.job, effect.log, deps).catch(fail(`job ${effect.job}`));
      return;
    case 'cancelRender':
      deps.dispatch({ type: 'status', status: { text: `cancelling render ${effect.jobId}…`, kind: 'running' } });
      deps.jobs.cancel(effect.jobId).then(() => {
        deps.dispatch({ type: 'status', status: { text: `render ${effect.jobId} cancelled; finished frames are kept`, kind: 'ok' } });
      }).catch(fail(`cancel ${effect.jobId}`));
      return;
  }
}
