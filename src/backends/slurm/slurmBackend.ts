// A Slurm cluster through its client tools (sinfo, squeue, scontrol, scancel) and the runner seam:
// nodes with their scheduler state and reason, jobs (array tasks as 123_4), and the commands that
// have a Slurm meaning. openMosix commands are refused with a line that says so.
import { type CommandOutcome, type ClusterCommand, isSlurmCommand } from '../../cluster/commands.js';
import { validateAndFreeze, failedSnapshot } from '../../model/validateSnapshot.js';
import type { ClusterSnapshot, JobSnapshot, NodeSnapshot, SourceError } from '../../model/snapshot.js';
import type { CommandRunner } from '../../runner/runner.js';
import type { Backend } from '../backend.js';
import { refuse, runCommand } from '../runCommand.js';
import { readJobDetails } from './jobDetails.js';
import { controllerProblem, type OutputMode, readTool, SINFO, SQUEUE } from './readings.js';
import { jobSnapshots, NodeIds, nodeSnapshot } from './toSnapshot.js';

export interface SlurmBackendOptions {
  readonly runner: CommandRunner;
  /** @default Date.now */
  readonly now?: () => number;
  /** Start with the text formats (for a Slurm whose JSON omtop does not read). @default 'json' */
  readonly mode?: OutputMode;
}

export function createSlurmBackend(options: SlurmBackendOptions): Backend {
  const { runner } = options;
  const now = options.now ?? Date.now;
  const ids = new NodeIds();
  let nodeMode: OutputMode = options.mode ?? 'json';
  let jobMode: OutputMode = options.mode ?? 'json';
  let lastNodes: NodeSnapshot[] = [];

  return {
    name: 'slurm',
    async collect(signal?: AbortSignal): Promise<ClusterSnapshot> {
      const takenAt = now();
      const [sinfo, squeue] = await Promise.all([
        readTool(runner, SINFO, nodeMode, (mode) => { nodeMode = mode; }, signal),
        readTool(runner, SQUEUE, jobMode, (mode) => { jobMode = mode; }, signal),
      ]);
      const errors: SourceError[] = [];
      if (!sinfo.ok || !squeue.ok) {
        // sinfo/squeue give up slowly or vaguely when the controller is gone; scontrol ping says it plainly.
        const problem = await controllerProblem(runner, signal);
        if (problem && !sinfo.ok && !squeue.ok && lastNodes.length === 0) {
          return failedSnapshot('slurm', takenAt, [{ source: 'scontrol ping', message: problem }]);
        }
        if (problem) errors.push({ source: 'scontrol ping', message: problem });
      }
      let nodes: NodeSnapshot[];
      if (sinfo.ok) {
        nodes = sinfo.value.nodes.map((node) => nodeSnapshot(node, ids.idOf(node.name)));
        lastNodes = nodes;
      } else {
        errors.push({ source: sinfo.source, message: sinfo.message });
        nodes = lastNodes.map((node) => ({ ...node, stale: true, error: sinfo.message }));
      }
      let jobs: JobSnapshot[] = [];
      if (squeue.ok) jobs = jobSnapshots(squeue.value.jobs, ids, takenAt);
      else errors.push({ source: squeue.source, message: squeue.message });
      return validateAndFreeze({ takenAt, backend: 'slurm', localNode: 0, nodes, processes: [], jobs, errors });
    },
    perform(command: ClusterCommand): Promise<CommandOutcome> {
      if (!isSlurmCommand(command)) return Promise.resolve(refuse(command, 'slurm'));
      return runCommand(runner, command);
    },
    close: () => Promise.resolve(),
    jobDetails: (job: string) => readJobDetails(runner, job),
  };
}
