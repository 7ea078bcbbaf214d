// What keys mean on a Slurm cluster. Keys with a close Slurm meaning act on the selected node or
// job (B drains/resumes, k signals a job); Slurm's own commands have keys of their own in the
// process pane (c cancel, e requeue, H hold/release, i details, l log); an openMosix key without a
// Slurm meaning, and a Slurm key elsewhere, are refused by what the backend can do (reduce.ts). Policy (asks first,
// --readonly) is the key table's, applied as for every key.
import type { ClusterCommand } from '../cluster/commands.js';
import type { KeyId } from '../state/keyTable.js';
import { listAt } from '../state/list.js';
import { selectedBatchJob, selectedNodeIndex } from '../state/selectors.js';
import type { UiState } from '../state/ui.js';
import { SIGNAL_OPTIONS } from './clusterKeys.js';
import { propose, withStatus, type ReduceContext, type Reduction } from './reduceContext.js';

type KeyHandler = (ui: UiState, ctx: ReduceContext) => Reduction;

export const isSlurm = (ctx: ReduceContext): boolean => ctx.snapshot?.backend === 'slurm';

function onJob(act: (ui: UiState, job: NonNullable<ReturnType<typeof selectedBatchJob>>) => Reduction): KeyHandler {
  return (ui, ctx) => {
    const job = selectedBatchJob(ui, ctx.snapshot, ctx.jobs);
    return job === undefined ? withStatus(ui, 'no job selected', 'error') : act(ui, job);
  };
}

const perform = (command: ClusterCommand, label: string) => ({ kind: 'perform' as const, command, label });

const needsSlurm = (handler: KeyHandler): KeyHandler => (ui, ctx) =>
  isSlurm(ctx) ? handler(ui, ctx) : withStatus(ui, 'that key acts on Slurm jobs: this is not a Slurm cluster');

/** Slurm's own commands (each says "not a Slurm cluster" elsewhere). */
const OWN = {
  jobCancel: onJob((ui, job) => propose(ui, 'jobCancel', `Cancel job ${job.id} (${job.name}, ${job.state})?`, perform({ type: 'cancel', job: job.id }, `scancel ${job.id}`))),
  jobRequeue: onJob((ui, job) => propose(ui, 'jobRequeue', `Requeue job ${job.id} (${job.name})? It stops and waits in the queue again.`,
    perform({ type: 'requeue', job: job.id }, `requeue ${job.id}`))),
  jobHold: onJob((ui, job) => {
    const held = job.reason === 'JobHeldUser' || job.reason === 'JobHeldAdmin';
    if (!held && job.state !== 'PENDING') return withStatus(ui, `job ${job.id} is ${job.state}: only a pending job can be held`, 'error');
    const type = held ? 'release' : 'hold';
    return propose(ui, 'jobHold', `${held ? 'Release' : 'Hold'} job ${job.id} (${job.name})?`, perform({ type, job: job.id }, `${type} ${job.id}`));
  }),
  jobDetails: onJob((ui, job) => ({ ui: { ...ui, status: { text: `reading job ${job.id}…`, kind: 'running' } }, effects: [{ kind: 'showJob', job: job.id, log: false }] })),
  jobLog: onJob((ui, job) => ({ ui: { ...ui, status: { text: `opening the log of job ${job.id}…`, kind: 'running' } }, effects: [{ kind: 'showJob', job: job.id, log: true }] })),
} satisfies Partial<Record<KeyId, KeyHandler>>;

export const SLURM_KEYS = Object.fromEntries(Object.entries(OWN).map(([id, handler]) => [id, needsSlurm(handler)])) as typeof OWN;

/** On Slurm, these keys of openMosix commands do the closest Slurm thing. */
const SLURM_MEANINGS: Partial<Record<KeyId, KeyHandler>> = {
  toggleBlock: (ui, ctx) => {
    const node = ctx.snapshot === null ? undefined : ctx.snapshot.nodes[selectedNodeIndex(ctx.snapshot, ui)]?.scheduler;
    if (node === undefined) return withStatus(ui, 'no node selected', 'error');
    if (node.state === 'drained' || node.state === 'draining') {
      return propose(ui, 'toggleBlock', `Resume ${node.name} (drained: ${node.reason ?? 'no reason given'})?`, perform({ type: 'resume', node: node.name }, `resume ${node.name}`));
    }
    return { ui: { ...ui, overlay: { kind: 'reason', node: node.name, text: '' } }, effects: [] };
  },
  // Enter shows the selected row in detail everywhere: on Slurm that row is a job.
  openDetail: OWN.jobDetails,
  signal: onJob((ui, job) => ({
    ui: { ...ui, overlay: { kind: 'picker', title: `Signal for job ${job.id}`, purpose: 'jobSignal', pid: 0, job: job.id, options: SIGNAL_OPTIONS, list: listAt() } },
    effects: [],
  })),
};

/**
 * On a Slurm cluster: the Slurm meaning of an openMosix key; else undefined. An openMosix key
 * without one is refused before this, by what the backend can do (reduce.ts, cluster/abilities.ts).
 */
export function slurmOverride(id: KeyId, ctx: ReduceContext): KeyHandler | undefined {
  return isSlurm(ctx) ? SLURM_MEANINGS[id] : undefined;
}
