// Carries out what the reducer asked for. Cluster commands and renders run in the background and
// report back through dispatch, so a hanging command never blocks keys, resizes or quitting.
import type { Backend } from '../backends/backend.js';
import type { Collector } from '../collector/types.js';
import { errorLine } from '../errorLine.js';
import type { UiEvent } from '../reducer/events.js';
import type { Effect } from '../state/ui.js';
import type { Store } from '../store/types.js';
import { describeOutcome } from '../view/outcomeLine.js';
import type { RenderJobs } from './renderJobs.js';
import { showJob } from './jobText.js';

export interface EffectDeps {
  readonly backend: Backend;
  readonly collector: Collector;
  /** The snapshots before and after a command (its result is read back) and the event log. */
  readonly store: Store;
  readonly now: () => number;
  readonly jobs: RenderJobs;
  readonly dispatch: (event: UiEvent) => void;
  readonly quit: () => void;
  /** Ctrl-Z: restore the terminal and stop the process until it is continued (terminalGuard). */
  readonly suspend: () => void;
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
    case 'suspend':
      deps.suspend();
      return;
    case 'setIntervalMs':
      deps.collector.setIntervalMs(effect.ms);
      return;
    case 'setPaused':
      deps.collector.setPaused(effect.paused);
      return;
    case 'perform': {
      const before = deps.store.latest();
      deps.backend.perform(effect.command).then(async (outcome) => {
        if (outcome.ok) deps.dispatch({ type: 'status', status: { text: `${effect.label}: done; reading the cluster again…`, kind: 'running' } });
        // The tools often do not say what happened (migrate prints nothing): read the cluster again
        // and say what changed. This also shows the change now rather than at the next tick.
        await deps.collector.pollNow();
        const line = describeOutcome({ command: effect.command, outcome, before, after: deps.store.latest() });
        deps.store.events.add({ at: deps.now(), source: 'action', severity: line.ok ? 'ok' : 'error', text: line.log });
        deps.dispatch({ type: 'status', status: { text: line.text, kind: line.ok ? 'ok' : 'error' } });
      }).catch(fail(effect.label));
      return;
    }
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
