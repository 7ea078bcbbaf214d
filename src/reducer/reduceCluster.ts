// Keys that act on the cluster or a render: read-only guard, then confirmation where dangerous.
import type { NodeFlag } from '../cluster/commands.js';
import type { KeyActionId } from '../state/keyTable.js';
import type { Effect, UiState } from '../state/ui.js';
import { run, withStatus, type ReduceContext, type Reduction } from './reduceContext.js';
import { orderProcesses, processAt, processViewOf, selectedProcessIndex } from '../view/processTable.js';
import { jobActive, jobsRunning, selectedJobIndex } from '../view/renderPane.js';
import { EMPTY_RENDER_FORM } from './renderForm.js';

const FLAG_OF: Partial<Record<KeyActionId, { flag: NodeFlag; name: string }>> = {
  toggleStay: { flag: 'stay', name: 'stay' },
  toggleLock: { flag: 'lstay', name: 'lock (lstay)' },
  toggleBlock: { flag: 'block', name: 'block' },
  toggleQuiet: { flag: 'quiet', name: 'quiet' },
};

export const SIGNAL_OPTIONS = [
  { label: 'TERM  ask it to stop', value: 'TERM' },
  { label: 'KILL  stop it now', value: 'KILL' },
  { label: 'STOP  pause it', value: 'STOP' },
  { label: 'CONT  resume it', value: 'CONT' },
] as const;

function confirm(ui: UiState, question: string, effect: Effect): Reduction {
  return { ui: { ...ui, overlay: { kind: 'confirm', question, effect } }, effects: [] };
}

function selectedProcess(ui: UiState, ctx: ReduceContext) {
  if (ctx.snapshot === null) return undefined;
  const order = orderProcesses(ctx.snapshot.processes, processViewOf(ui, ctx.snapshot, jobsRunning(ctx.jobs)));
  return processAt(order, selectedProcessIndex(order, ui));
}

function nodeAction(ui: UiState, id: KeyActionId, ctx: ReduceContext): Reduction {
  const local = ctx.snapshot?.nodes.find((n) => n.isLocal);
  const where = `node ${ctx.snapshot?.localNode ?? '?'} (this node)`;
  if (id === 'expel') return confirm(ui, `Expel every guest process from ${where}?`, { kind: 'perform', action: { type: 'expel' }, label: 'expel' });
  if (id === 'bring') return confirm(ui, `Bring every process of ${where} back home?`, { kind: 'perform', action: { type: 'bring' }, label: 'bring' });
  const flag = FLAG_OF[id];
  if (flag === undefined) return withStatus(ui, `unknown node action ${id}`, 'error');
  if (local === undefined) return withStatus(ui, 'no reading of the local node yet; try again in a moment', 'error');
  const on = !(local.flags[flag.flag] ?? false);
  const effect: Effect = { kind: 'perform', action: { type: 'setFlag', flag: flag.flag, on }, label: `${flag.name} ${on ? 'on' : 'off'}` };
  return id === 'toggleBlock' ? confirm(ui, `Turn block ${on ? 'on (refuse guest processes)' : 'off'} for ${where}?`, effect) : run(ui, effect);
}

function processAction(ui: UiState, id: KeyActionId, ctx: ReduceContext): Reduction {
  const process = selectedProcess(ui, ctx);
  if (process === undefined) return withStatus(ui, 'no process selected', 'error');
  const pid = process.pid;
  switch (id) {
    case 'sendHome': return run(ui, { kind: 'perform', action: { type: 'migrate', pid, to: 'home' }, label: `send ${pid} home` });
    case 'balance': return run(ui, { kind: 'perform', action: { type: 'migrate', pid, to: 'balance' }, label: `balance ${pid}` });
    case 'signal':
      return { ui: { ...ui, overlay: { kind: 'picker', title: `Signal for ${pid}`, purpose: 'signal', pid, options: SIGNAL_OPTIONS, index: 0 } }, effects: [] };
    default: {
      const nodes = (ctx.snapshot?.nodes ?? []).filter((n) => n.up && n.id !== process.node);
      if (nodes.length === 0) return withStatus(ui, `no other node is up to migrate ${pid} to`, 'error');
      const options = nodes.map((n) => ({ label: `N${n.id}  ${n.ip}  speed ${n.speed ?? '-'}  load ${n.load ?? '-'}`, value: String(n.id) }));
      return { ui: { ...ui, overlay: { kind: 'picker', title: `Migrate ${pid} to`, purpose: 'migrate', pid, options, index: 0 } }, effects: [] };
    }
  }
}

function renderAction(ui: UiState, id: KeyActionId, ctx: ReduceContext): Reduction {
  if (id === 'openRenderForm') {
    return { ui: { ...ui, overlay: { kind: 'renderForm', fields: EMPTY_RENDER_FORM, field: 'file', error: null } }, effects: [] };
  }
  const job = ctx.jobs[selectedJobIndex(ctx.jobs, ui)];
  if (job === undefined || !jobActive(job)) return withStatus(ui, 'no running render selected to cancel', 'error');
  return confirm(ui, `Cancel render ${job.id} (${job.framesDone}/${job.framesTotal} frames done)? Finished frames are kept.`,
    { kind: 'cancelRender', jobId: job.id });
}

export const CLUSTER_KEYS: ReadonlySet<KeyActionId> = new Set<KeyActionId>([
  'expel', 'bring', 'toggleStay', 'toggleLock', 'toggleBlock', 'toggleQuiet',
  'migrate', 'sendHome', 'balance', 'signal', 'openRenderForm', 'cancelRender',
]);

export function reduceClusterKey(ui: UiState, id: KeyActionId, description: string, ctx: ReduceContext): Reduction {
  if (ui.readonly) return withStatus(ui, `read-only mode: "${description}" is disabled (omtop was started with --readonly)`, 'error');
  if (id === 'openRenderForm' || id === 'cancelRender') return renderAction(ui, id, ctx);
  if (id === 'migrate' || id === 'sendHome' || id === 'balance' || id === 'signal') return processAction(ui, id, ctx);
  return nodeAction(ui, id, ctx);
}
