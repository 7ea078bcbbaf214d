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
import { FramesExistError } from '../launcher/inputChecks.js';

/** Blender's answer about a .blend for the render form (null: no blender to ask). */
export type InspectBlend = (file: string) => Promise<Extract<UiEvent, { type: 'blendInspected' }>['result']>;

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
  readonly inspectBlend?: InspectBlend | null;
}

function startRender(effect: Extract<Effect, { kind: 'startRender' }>, deps: EffectDeps): void {
  deps.jobs.start(effect.request).then((view) => {
    deps.dispatch({ type: 'renderStarted', jobId: view.id, message: `render ${view.id} started: ${view.framesTotal} frames in ${view.parts.length} parts` });
  }).catch((error: unknown) => {
    const framesExist = error instanceof FramesExistError ? { existing: error.existing, total: error.total, folder: error.folder } : null;
    // The form comes back as it was typed, with why (or, for frames on disk, the question what to do with them).
    if (effect.fields !== undefined) {
      deps.dispatch({ type: 'renderRefused', request: effect.request, fields: effect.fields, error: errorLine(error), framesExist });
    } else {
      deps.dispatch({ type: 'status', status: { text: `render not started: ${errorLine(error)}`, kind: 'error' } });
    }
  });
}

/** TERM to every process of a render omtop found running, each through the backend (kill, or openMosix's own). */
function stopObserved(effect: Extract<Effect, { kind: 'stopObserved' }>, deps: EffectDeps): void {
  deps.dispatch({ type: 'status', status: { text: `stopping ${effect.pids.join(' ')}…`, kind: 'running' } });
  Promise.all(effect.pids.map((pid) => deps.backend.perform({ type: 'signal', pid, signal: 'TERM' }))).then((outcomes) => {
    const failed = outcomes.filter((outcome) => !outcome.ok);
    const text = failed.length === 0
      ? `sent TERM to ${effect.pids.join(' ')}; the frames on disk are kept`
      : `could not stop every process: ${failed.map((f) => f.message).join('; ')}`;
    deps.dispatch({ type: 'status', status: { text, kind: failed.length === 0 ? 'ok' : 'error' } });
    return deps.collector.pollNow();
  }).catch((error: unknown) => deps.dispatch({ type: 'status', status: { text: `stop ${effect.jobId}: ${errorLine(error)}`, kind: 'error' } }));
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
      startRender(effect, deps);
      return;
    case 'showJob':
      showJob(effect.job, effect.log, deps).catch(fail(`job ${effect.job}`));
      return;
    case 'stopObserved':
      stopObserved(effect, deps);
      return;
    case 'inspectBlend': {
      const inspect = deps.inspectBlend;
      if (inspect === null || inspect === undefined) {
        deps.dispatch({ type: 'blendInspected', file: effect.file, result: { ok: false, error: 'rendering is not available here' } });
        return;
      }
      inspect(effect.file).then((result) => deps.dispatch({ type: 'blendInspected', file: effect.file, result }))
        .catch((error: unknown) => deps.dispatch({ type: 'blendInspected', file: effect.file, result: { ok: false, error: errorLine(error) } }));
      return;
    }
    case 'cancelRender':
      deps.dispatch({ type: 'status', status: { text: `cancelling render ${effect.jobId}…`, kind: 'running' } });
      deps.jobs.cancel(effect.jobId).then(() => {
        deps.dispatch({ type: 'status', status: { text: `render ${effect.jobId} cancelled; finished frames are kept`, kind: 'ok' } });
      }).catch(fail(`cancel ${effect.jobId}`));
      return;
  }
}
