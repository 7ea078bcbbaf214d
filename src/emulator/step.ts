// Model time: advance(ms) runs whole fixed steps, carrying the remainder, so the same total time
// gives the same history however it is split up.
import { balanceIfDue } from './balancer.js';
import { shareCpus, updateNodeFigures } from './cpu.js';
import { failuresStep } from './failures.js';
import { guestsStep } from './guests.js';
import type { ClusterModel } from './model.js';
import { STEP_MS } from './model.js';
import { renderStep } from './render.js';

export function advanceModel(model: ClusterModel, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance: expected a duration in ms >= 0, got ${ms}`);
  model.pendingMs += ms;
  while (model.pendingMs >= STEP_MS) {
    model.pendingMs -= STEP_MS;
    model.nowMs += STEP_MS;
    step(model);
  }
}

function step(model: ClusterModel): void {
  failuresStep(model, STEP_MS);
  shareCpus(model, STEP_MS);
  renderStep(model, STEP_MS);
  guestsStep(model, STEP_MS);
  updateNodeFigures(model, STEP_MS);
  balanceIfDue(model);
}
