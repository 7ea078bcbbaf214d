// Keys that send a command to the cluster or start or stop a render. Whether one asks first, or
// is refused with --readonly, is the key table's policy (state/keyTable.ts), applied by `propose`
// and by reduceKey; these handlers only say what the command is and what to ask.
import type { NodeFlag, OpenMosixCommand } from '../cluster/commands.js';
import { commandTarget, FLAG_NAMES } from '../cluster/target.js';
import type { NodeSnapshot } from '../model/snapshot.js';
import type { KeyId } from '../state/keyTable.js';
import { listAt } from '../state/list.js';
import { jobActive, selectedJobIndex, selectedNodeIndex, selectedRow, targetProcess } from '../state/selectors.js';
import type { UiState } from '../state/ui.js';
import { confirm, propose, withStatus, type ReduceContext, type Reduction } from './reduceContext.js';
import { EMPTY_RENDER_FORM } from './renderForm.js';

type KeyHandler = (ui: UiState, ctx: ReduceContext) => Reduction;

export const SIGNAL_OPTIONS = [
  { label: 'TERM  ask it to stop', value: 'TERM' },
  { label: 'KILL  stop it now', value: 'KILL' },
  { label: 'STOP  pause it', value: 'STOP' },
  { label: 'CONT  resume it', value: 'CONT' },
] as const;

/**
 * Node commands act on the node omtop runs on, as mosctl does, whichever node is selected. With
 * another node selected the command asks first and says so, even one that otherwise does not ask.
 */
function onLocalNode(id: KeyId, ask: (local: NodeSnapshot) => string, command: (local: NodeSnapshot) => OpenMosixCommand): KeyHandler {
  return (ui, ctx) => {
    const snapshot = ctx.snapshot;
    const local = snapshot?.nodes.find((n) => n.isLocal);
    if (snapshot === null || local === undefined) return withStatus(ui, 'no reading of the local node yet; try again in a moment', 'error');
    const chosen = command(local);
    const effect = { kind: 'perform' as const, command: chosen, label: commandTarget(chosen, local.id) };
    const selected = snapshot.nodes[selectedNodeIndex(snapshot, ui)];
    const question = ask(local);
    if (selected !== undefined && selected.id !== local.id) {
      return confirm(ui, `N${selected.id} is selected, but mosctl changes only this node (${local.id}). ${question}`, effect);
    }
    return propose(ui, id, question, effect);
  };
}

function toggleFlag(id: KeyId, flag: NodeFlag, meaning?: string): KeyHandler {
  const name = FLAG_NAMES[flag];
  return onLocalNode(id,
    (local) => {
      const on = !(local.flags[flag] ?? false);
      return `Turn ${name} ${on ? `on${meaning === undefined ? '' : ` (${meaning})`}` : 'off'} for node ${local.id} (this node)?`;
    },
    (local) => ({ type: 'setFlag', flag, on: !(local.flags[flag] ?? false) }));
}

/** A handler for the process the keys act on (the detail view's, else the selected one); says so when there is none. */
function onProcess(act: (ui: UiState, pid: number, node: number | null, ctx: ReduceContext) => Reduction): KeyHandler {
  return (ui, ctx) => {
    const process = targetProcess(ui, ctx.snapshot, ctx.jobs);
    if (process !== undefined) return act(ui, process.pid, process.node, ctx);
    if (ui.detail !== null) return withStatus(ui, `process ${ui.detail.pid} is gone`, 'error');
    const row = selectedRow(ui, ctx.snapshot, ctx.jobs);
    return withStatus(ui, row?.kind === 'group' ? `that is node ${row.node}'s total: select a process under it (↓)` : 'no process selected', 'error');
  };
}

export const CLUSTER_KEYS = {
  expel: onLocalNode('expel', (local) => `Expel every guest process from node ${local.id} (this node)?`, () => ({ type: 'expel' })),
  bring: onLocalNode('bring', (local) => `Bring every process of node ${local.id} (this node) back home?`, () => ({ type: 'bring' })),
  toggleStay: toggleFlag('toggleStay', 'stay'),
  toggleLock: toggleFlag('toggleLock', 'lstay'),
  toggleBlock: toggleFlag('toggleBlock', 'block', 'refuse guest processes'),
  toggleQuiet: toggleFlag('toggleQuiet', 'quiet'),
  sendHome: onProcess((ui, pid) => propose(ui, 'sendHome', `Send ${pid} home?`,
    { kind: 'perform', command: { type: 'migrate', pid, to: 'home' }, label: `migrate ${pid} home` })),
  balance: onProcess((ui, pid) => propose(ui, 'balance', `Let the balancer place ${pid}?`,
    { kind: 'perform', command: { type: 'migrate', pid, to: 'balance' }, label: `balance ${pid}` })),
  signal: onProcess((ui, pid) => ({
    ui: { ...ui, overlay: { kind: 'picker', title: `Signal for ${pid}`, purpose: 'signal', pid, options: SIGNAL_OPTIONS, list: listAt() } },
    effects: [],
  })),
  migrate: onProcess((ui, pid, node, ctx) => {
    const nodes = (ctx.snapshot?.nodes ?? []).filter((n) => n.up && n.id !== node);
    if (nodes.length === 0) return withStatus(ui, `no other node is up to migrate ${pid} to`, 'error');
    const options = nodes.map((n) => ({ label: `N${n.id}  ${n.ip}  speed ${n.speed ?? '-'}  load ${n.load ?? '-'}`, value: String(n.id) }));
    return { ui: { ...ui, overlay: { kind: 'picker', title: `Migrate ${pid} to`, purpose: 'migrate', pid, options, list: listAt() } }, effects: [] };
  }),
  openRenderForm: (ui) => ({ ui: { ...ui, overlay: { kind: 'renderForm', fields: ui.lastForm ?? EMPTY_RENDER_FORM, field: 'file', error: null } }, effects: [] }),
  cancelRender: (ui, ctx) => {
    const job = ctx.jobs[selectedJobIndex(ctx.jobs, ui)];
    if (job === undefined || !jobActive(job)) return withStatus(ui, 'no running render selected to cancel', 'error');
    if (job.origin === 'observed') {
      const pids = job.pids ?? [];
      const what = `${job.command ?? job.blendFile} (${pids.length} process${pids.length === 1 ? '' : 'es'}: ${pids.join(' ')})`;
      return propose(ui, 'cancelRender', `Stop ${what}? Frames on disk are kept.`, { kind: 'stopObserved', jobId: job.id, pids });
    }
    return propose(ui, 'cancelRender', `Cancel render ${job.id} (${job.framesDone}/${job.framesTotal} frames done)? Finished frames are kept.`,
      { kind: 'cancelRender', jobId: job.id });
  },
} satisfies Partial<Record<KeyId, KeyHandler>>;
