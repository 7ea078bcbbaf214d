// The tutorial's render, `render blacksmith-jpeg.blend 1 235 4`, as Gloor's script runs it: four
// blender parts that each render a frame range. A part progresses by speed × CPU share; when its
// range is done it exits. A part lost with a failed node is started again from its first
// unfinished frame (what omtop's launcher does; the real script would just lose those frames).
import { scriptSplit } from '../../parsers/renderCommand.js';
import { hash01 } from './random.js';
import type { ClusterModel, EmuProcess, PartProgress, RenderState } from './model.js';
import { allocatePid, findNode, logEvent, newProcess, removeProcess } from './model.js';

const BLEND = 'blacksmith-jpeg.blend';
/** Where the tutorial's user ran the script (`[d:b] ../blacksmith #`), and the scene's output, `//rendered/`. */
export const TUTORIAL_DIR = '/root/blacksmith';
export const TUTORIAL_FRAMES_DIR = `${TUTORIAL_DIR}/rendered`;
/** The script had been running this long when the tutorial's mps was taken (its parts' CPU times). */
const TUTORIAL_STARTED_MS = -6 * 60_000;
const FIRST = 1;
const LAST = 235;
const PARTS = 4;
/** Mean work per frame in speed-seconds: ~25 s on the reference CPU, ~20 min for the whole job. */
const MEAN_FRAME_WORK = 250_000;
const RESTART_DELAY_MS = 60_000;
const BLENDER_BASE_RSS_KIB = 36 * 1024;
const RSS_GROWTH_PER_FRAME_KIB = 32;

// Where the tutorial's parts run and how much CPU they have used when the emulator starts.
const TUTORIAL_PARTS = [
  { pid: 1166, node: 266, cpuSeconds: 160, sizeKiB: 42436 },
  { pid: 1169, node: 407, cpuSeconds: 351, sizeKiB: 39328 },
  { pid: 1172, node: 266, cpuSeconds: 256, sizeKiB: 37700 },
  { pid: 1175, node: 258, cpuSeconds: 108, sizeKiB: 26592 },
] as const;
const TUTORIAL_SCRIPT_PID = 1159;
/** The zsh in the tutorial's xterm, the script's parent. */
const TUTORIAL_SHELL_PID = 1147;

/** Frame ranges exactly as Gloor's render.sh splits them (it drops the remainder frames). */
export const gloorSplit = scriptSplit;

/** Work for one frame: scenes vary, so frames cost 0.75-1.25 × the mean, fixed per frame number. */
export function frameWork(frame: number): number {
  return MEAN_FRAME_WORK * (0.75 + 0.5 * hash01(frame));
}

export function startTutorialRender(model: ClusterModel): void {
  const ranges = gloorSplit(FIRST, LAST, PARTS);
  model.render = newRenderState(TUTORIAL_SCRIPT_PID, ranges);
  model.processes.set(TUTORIAL_SCRIPT_PID, scriptProcess(model, TUTORIAL_SCRIPT_PID, TUTORIAL_STARTED_MS));
  TUTORIAL_PARTS.forEach((spec, index) => {
    const range = ranges[index];
    if (!range) return;
    const node = findNode(model, spec.node);
    const part = partProcess(model, spec.pid, index, range.first, range.last, TUTORIAL_SCRIPT_PID, TUTORIAL_STARTED_MS);
    part.node = spec.node;
    part.cpuSeconds = spec.cpuSeconds;
    addWork(model, part, spec.cpuSeconds * (node?.speed ?? 10_000));
    backdateFrames(model, range.first, part.part?.frame ?? range.first);
    part.sizeKiB = spec.sizeKiB;
    part.rssKiB = spec.sizeKiB - 1024;
    model.processes.set(part.pid, part);
  });
}

/** Frames done before the emulator started were written evenly since the script did. */
function backdateFrames(model: ClusterModel, first: number, next: number): void {
  const count = next - first;
  for (let frame = first; frame < next; frame += 1) {
    model.renderedFrames.set(frame, Math.round(TUTORIAL_STARTED_MS * (1 - (frame - first + 1) / (count + 1))));
  }
}

function startNewRender(model: ClusterModel): void {
  const ranges = gloorSplit(FIRST, LAST, PARTS);
  const scriptPid = allocatePid(model);
  model.render = newRenderState(scriptPid, ranges);
  model.processes.set(scriptPid, scriptProcess(model, scriptPid, model.nowMs));
  ranges.forEach((range, index) => {
    const part = partProcess(model, allocatePid(model), index, range.first, range.last, scriptPid, model.nowMs);
    model.processes.set(part.pid, part);
  });
  logEvent(model, 'render-started', `render ${BLEND} ${FIRST} ${LAST} ${PARTS} (script pid ${scriptPid})`, { pid: scriptPid });
}

function newRenderState(scriptPid: number, ranges: ReadonlyArray<{ first: number; last: number }>): RenderState {
  const framesTotal = ranges.reduce((sum, range) => sum + range.last - range.first + 1, 0);
  return { blend: BLEND, first: FIRST, last: LAST, parts: PARTS, scriptPid, framesTotal, framesDone: 0, finished: false, restartAtMs: null };
}

/** One step: parts progress, finished parts exit, a finished render ends (and later restarts). */
export function renderStep(model: ClusterModel, stepMs: number): void {
  const render = model.render;
  if (!render) return;
  if (render.finished) {
    if (render.restartAtMs !== null && model.nowMs >= render.restartAtMs) startNewRender(model);
    return;
  }
  for (const process of [...model.processes.values()]) {
    if (!process.part) continue;
    const speed = findNode(model, process.node)?.speed ?? 0;
    addWork(model, process, (speed * process.share * stepMs) / 1000);
    if (process.part.frame > process.part.last) {
      removeProcess(model, process.pid);
      logEvent(model, 'exited', `${process.pid} (blender) finished frames up to ${process.part.last}`, { pid: process.pid });
    }
  }
  const partsLeft = [...model.processes.values()].some((process) => process.part !== null);
  if (!partsLeft) finishRender(model, render);
}

function finishRender(model: ClusterModel, render: RenderState): void {
  render.finished = true;
  render.restartAtMs = model.settings.repeatRender ? model.nowMs + RESTART_DELAY_MS : null;
  removeProcess(model, render.scriptPid);
  logEvent(model, 'render-finished', `${render.blend}: ${render.framesDone} of ${render.framesTotal} frames rendered`, {
    pid: render.scriptPid,
  });
}

/** Adds work to a part, completing frames; the process grows a little with every frame. */
function addWork(model: ClusterModel, process: EmuProcess, work: number): void {
  const part = process.part;
  if (!part) return;
  part.frameWork += work;
  while (part.frame <= part.last && part.frameWork >= frameWork(part.frame)) {
    part.frameWork -= frameWork(part.frame);
    model.renderedFrames.set(part.frame, model.nowMs);
    part.frame += 1;
    process.rssKiB += RSS_GROWTH_PER_FRAME_KIB;
    process.sizeKiB += RSS_GROWTH_PER_FRAME_KIB;
    if (model.render) model.render.framesDone += 1;
  }
}

/** A part lost with its node starts again at home from the frame it was rendering. */
export function respawnLostPart(model: ClusterModel, lost: EmuProcess): void {
  if (!lost.part || !model.render || model.render.finished) return;
  const replacement = partProcess(model, allocatePid(model), lost.part.index, lost.part.frame, lost.part.last, lost.ppid, model.nowMs);
  model.processes.set(replacement.pid, replacement);
  logEvent(
    model,
    'respawned',
    `part ${lost.part.index + 1} (frames ${lost.part.frame}-${lost.part.last}) restarted as ${replacement.pid} after ${lost.pid} was lost`,
    { pid: replacement.pid, node: model.localNode },
  );
}

function scriptProcess(model: ClusterModel, pid: number, startedMs: number): EmuProcess {
  return newProcess({
    pid,
    ppid: TUTORIAL_SHELL_PID,
    startedMs,
    user: 'root',
    home: model.localNode,
    node: model.localNode,
    comm: 'sh',
    cmdline: `/bin/sh render ${BLEND} ${FIRST} ${LAST} ${PARTS}`,
    kind: 'render-script',
    baseStat: 'S',
    startedAtMs: model.nowMs,
    sizeKiB: 1100,
    rssKiB: 1100,
    shareKiB: 900,
  });
}

function partProcess(model: ClusterModel, pid: number, index: number, first: number, last: number, ppid: number, startedMs: number): EmuProcess {
  const part: PartProgress = { index, last, frame: first, frameWork: 0 };
  return newProcess({
    pid,
    ppid,
    startedMs,
    user: 'root',
    home: model.localNode,
    node: model.localNode,
    comm: 'blender',
    cmdline: `blender -b ${BLEND} -s ${first} -e ${last} -a`,
    kind: 'render-part',
    demand: 1,
    startedAtMs: model.nowMs,
    sizeKiB: BLENDER_BASE_RSS_KIB + 1024,
    rssKiB: BLENDER_BASE_RSS_KIB,
    shareKiB: 1656,
    part,
  });
}
