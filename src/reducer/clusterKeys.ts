// Keys that send a command to the cluster or start or stop a render. Whether one asks first, or
// is refused with --readonly, is the key table's policy (state/keyTable.ts), applied by `propose`
// and by reduceKey; these handlers only say what the command is and what to ask.
import type { NodeFlag } from '../cluster/commands.js';
import type { KeyId } from '../state/keyTable.js';
import { listAt } from '../state/list.js';
import { jobActive, selectedJobIndex, selectedProcess } from '../state/selectors.js';
import type { UiState } from '../state/ui.js';
import { propose, withStatus, type ReduceContext, type Reduction } from './reduceContext.js';
import { EMPTY_RENDER_FORM } from './renderForm.js';

type KeyHandler = (ui: UiState, ctx: ReduceContext) => Reduction;

export const SIGNAL_OPTIONS = [
  { label: 'TERM  ask it to stop', value: 'TERM' },
  { label: 'KILL  stop it now', value: 'KILL' },
  { label: 'STOP  pause it', value: 'STOP' },
  { label: 'CONT  resume it', value: 'CONT' },
] as const;

/** Node commands act on the node omtop runs on, as mosctl does. */
const here = (ctx: ReduceContext): string => `node ${ctx.snapshot?.localNode ?? '?'} (this node)`;

function toggleFlag(id: KeyId, flag: NodeFlag, name: string, meaning?: string): KeyHandler {
  return (ui, ctx) => {
    const local = ctx.snapshot?.nodes.find((n) => n.isLocal);
    if (local === undefined) return withStatus(ui, 'no reading of the local node yet; try again in a moment', 'error');
    const on = !(local.flags[flag] ?? false);
    const question = `Turn ${name} ${on ? `on${meaning === undefined ? '' : ` (${meaning})`}` : 'off'} for ${here(ctx)}?`;
    return propose(ui, id, question, { kind: 'perform', command: { type: 'setFlag', flag, on }, label: `${name} ${on ? 'on' : 'off'}` });
  };
}

/** A handler for the selected process; says so when there is none. */
function onProcess(act: (ui: UiState, pid: number, node: number, ctx: ReduceContext) => Reduction): KeyHandler {
  return (ui, ctx) => {
    const process = selectedProcess(ui, ctx.snapshot, ctx.jobs);
    return process === undefined ? withStatus(ui, 'no process selected', 'error') : act(ui, process.pid, process.node, ctx);
  };
}

export const CLUSTER_KEYS = {
  expel: (ui, ctx) => propose(ui, 'expel', `Expel every guest process from ${here(ctx)}?`,
    { kind: 'perform', command: { type: 'expel' }, label: 'expel' }),
  bring: (ui, ctx) => propose(ui, 'bring', `Bring every process of ${here(ctx)} back home?`,
    { kind: 'perform', command: { type: 'bring' }, label: 'bring' }),
  toggleStay: toggleFlag('toggleStay', 'stay', 'stay'),
  toggleLock: toggleFlag('toggleLock', 'lstay', 'lock (lstay)'),
  toggleBlock: toggleFlag('toggleBlock', 'block', 'block', 'refuse guest processes'),
  toggleQuiet: toggleFlag('toggleQuiet', 'quiet', 'quiet'),
  sendHome: onProcess((ui, pid) => propose(ui, 'sendHome', `Send ${pid} home?`,
    { kind: 'perform', command: { type: 'migrate', pid, to: 'home' }, label: `send ${pid} home` })),
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
  openRenderForm: (ui) => ({ ui: { ...ui, overlay: { kind: 'renderForm', fields: EMPTY_RENDER_FORM, field: 'file', error: null } }, effects: [] }),
  cancelRender: (ui, ctx) => {
    const job = ctx.jobs[selectedJobIndex(ctx.jobs, ui)];
    if (job === undefined || !jobActive(job)) return withStatus(ui, 'no running render selected to cancel', 'error');
    return propose(ui, 'cancelRender', `Cancel render ${job.id} (${job.framesDone}/${job.framesTotal} frames done)? Finished frames are kept.`,
      { kind: 'cancelRender', jobId: job.id });
  },
} satisfies Partial<Record<KeyId, KeyHandler>>;
