// createEmulatedCluster: the demo backend's openMosix cluster. It answers the tools' commands
// (mosctl, mps, mtop, openmosix, migrate, kill) with their real text, instantly, and moves only
// when advance() is called. Same seed and same advances give the same text.
import type { CommandResult, RunOptions } from '../runner/runner.js';
import { runCommand } from './commands/dispatch.js';
import { settleNodeFigures } from './cpu.js';
import { failNode } from './failures.js';
import { createInitialModel } from './initial.js';
import { adopt, release } from './operations.js';
import { startTutorialRender } from './render.js';
import { advanceModel } from './step.js';
import type { AdoptedProcess, EmulatedCluster, EmulatorEvent, EmulatorOptions, EmulatorView } from './types.js';
import { inspectModel } from './views.js';
import { emulatedRenderSources } from './renderFiles.js';

export function createEmulatedCluster(options: EmulatorOptions = {}): EmulatedCluster {
  const model = createInitialModel(options);
  if (options.withRender ?? true) startTutorialRender(model);
  settleNodeFigures(model);
  return {
    localNode: model.localNode,
    run(argv: readonly string[], runOptions?: RunOptions): Promise<CommandResult> {
      return Promise.resolve(runCommand(model, argv, runOptions));
    },
    advance(ms: number): void {
      advanceModel(model, ms);
    },
    adoptProcess(process: AdoptedProcess): void {
      adopt(model, process);
    },
    releaseProcess(pid: number): void {
      release(model, pid);
    },
    events(): readonly EmulatorEvent[] {
      return [...model.events];
    },
    failNode(id: number, forMs: number): void {
      failNode(model, id, forMs);
    },
    inspect(): EmulatorView {
      return inspectModel(model);
    },
    renderSources(toEpochMs) {
      return emulatedRenderSources(model, toEpochMs);
    },
  };
}
