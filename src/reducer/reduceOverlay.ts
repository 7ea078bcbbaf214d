// Input while a dialog is open: the help, a confirmation, a picker, the filter prompt, the render form.
import type { SignalName } from '../cluster/commands.js';
import { commandTarget } from '../cluster/target.js';
import { arrayItems, moveSelection, scrollList, selectedIndex } from '../state/list.js';
import { RENDER_FORM_FIELDS, type Effect, type Overlay, type UiState } from '../state/ui.js';
import { EXISTING_OPTIONS } from '../state/renderChoices.js';
import type { UiEvent } from './events.js';
import { listedProcesses } from '../state/selectors.js';
import { propose, run, unchanged, withStatus, type ReduceContext, type Reduction } from './reduceContext.js';
import { toRenderRequest } from './renderForm.js';

type OverlayOf<K extends Overlay['kind']> = Extract<Overlay, { kind: K }>;

const pickerItems = (picker: OverlayOf<'picker'>) => arrayItems(picker.options, (option) => option.value);

function choosePicker(ui: UiState, picker: OverlayOf<'picker'>): Reduction {
  const option = picker.options[selectedIndex(picker.list, pickerItems(picker))];
  if (option === undefined) return { ui: { ...ui, overlay: null }, effects: [] };
  const pid = picker.pid;
  if (picker.purpose === 'jobSignal') {
    const job = picker.job ?? '';
    const signal = option.value as SignalName;
    return propose(ui, 'signal', `Send ${signal} to job ${job}?`, { kind: 'perform', command: { type: 'jobSignal', job, signal }, label: `${signal} job ${job}` });
  }
  if (picker.purpose === 'migrate') {
    const to = Number(option.value);
    return propose(ui, 'migrate', `Migrate ${pid} to N${to}?`, { kind: 'perform', command: { type: 'migrate', pid, to }, label: commandTarget({ type: 'migrate', pid, to }, '') });
  }
  const signal = option.value as SignalName;
  return propose(ui, 'signal', `Send ${signal} to process ${pid}?`, { kind: 'perform', command: { type: 'signal', pid, signal }, label: commandTarget({ type: 'signal', pid, signal }, '') });
}

function submitForm(ui: UiState, form: OverlayOf<'renderForm'>): Reduction {
  const request = toRenderRequest(form.fields);
  if (typeof request === 'string') return { ui: { ...ui, overlay: { ...form, error: request } }, effects: [] };
  return { ui: { ...ui, overlay: null, lastForm: form.fields, status: { text: `starting render of ${request.blendFile}…`, kind: 'running' } },
    effects: [{ kind: 'startRender', request, fields: form.fields }] };
}

/** Leaving the file field with a new .blend asks blender where its frames go (and its range). */
function inspectOnLeave(form: OverlayOf<'renderForm'>): { destination: OverlayOf<'renderForm'>['destination']; effects: Effect[] } {
  const file = form.fields.file.trim();
  if (form.field !== 'file' || file === '' || form.destination?.file === file) return { destination: form.destination, effects: [] };
  return { destination: { kind: 'asking', file }, effects: [{ kind: 'inspectBlend', file }] };
}

function editForm(ui: UiState, form: OverlayOf<'renderForm'>, event: UiEvent, ctx: ReduceContext): Reduction {
  const { field, fields } = form;
  if (event.type === 'overlayMove') {
    // "Run on: here / Slurm" is offered only where both are possible: on a Slurm cluster.
    const shown = RENDER_FORM_FIELDS.filter((f) => f !== 'slurm' || ctx.snapshot?.backend === 'slurm');
    const index = shown.indexOf(field);
    const next = shown[(index + event.delta + shown.length) % shown.length] ?? field;
    const { destination, effects } = inspectOnLeave(form);
    return { ui: { ...ui, overlay: { ...form, field: next, ...(destination === undefined ? {} : { destination }) } }, effects };
  }
  if (field === 'movie' || field === 'slurm' || field === 'noDenoising') {
    if (event.type !== 'textInput' || event.text !== ' ') return unchanged(ui);
    return { ui: { ...ui, overlay: { ...form, fields: { ...fields, [field]: !fields[field] }, error: null } }, effects: [] };
  }
  const value = fields[field];
  const edited = event.type === 'textInput' ? value + event.text : event.type === 'textBackspace' ? [...value].slice(0, -1).join('') : value;
  return { ui: { ...ui, overlay: { ...form, fields: { ...fields, [field]: edited }, error: null } }, effects: [] };
}

/** The filter applies as it is typed; Enter keeps it, Esc puts back what it was before. */
function editFilter(ui: UiState, filter: OverlayOf<'filter'>, event: UiEvent, ctx: ReduceContext): Reduction {
  if (event.type === 'overlayChoose') {
    const text = filter.text.trim();
    const kept = { ...ui, overlay: null, filterText: text };
    const matched = ctx.snapshot === null || ctx.snapshot.jobs !== undefined ? null : listedProcesses(kept, ctx.snapshot, ctx.jobs).rows.processCount;
    if (text === '') return withStatus(kept, 'no filter: every process is listed');
    if (matched === 0) return withStatus(kept, `no process matches "${text}" (Esc clears the filter)`, 'error');
    return withStatus(kept, `showing processes matching "${text}" (Esc clears)`);
  }
  let text: string;
  if (event.type === 'textInput') text = filter.text + event.text;
  else if (event.type === 'textBackspace') text = [...filter.text].slice(0, -1).join('');
  else return unchanged(ui);
  return { ui: { ...ui, overlay: { ...filter, text }, filterText: text.trim() }, effects: [] };
}

/** The reason a Slurm drain needs: typed, then confirmed as the key table's policy says. */
function editReason(ui: UiState, overlay: OverlayOf<'reason'>, event: UiEvent): Reduction {
  if (event.type === 'textInput') return { ui: { ...ui, overlay: { ...overlay, text: overlay.text + event.text } }, effects: [] };
  if (event.type === 'textBackspace') return { ui: { ...ui, overlay: { ...overlay, text: [...overlay.text].slice(0, -1).join('') } }, effects: [] };
  if (event.type !== 'overlayChoose') return unchanged(ui);
  const reason = overlay.text.trim();
  if (reason === '') return { ui: { ...ui, status: { text: 'a drain needs a reason (Esc cancels)', kind: 'error' } }, effects: [] };
  return propose(ui, 'toggleBlock', `Drain ${overlay.node} ("${reason}")? Its running jobs finish; no new job starts there.`,
    { kind: 'perform', command: { type: 'drain', node: overlay.node, reason }, label: `drain ${overlay.node}` });
}

const existingItems = (overlay: OverlayOf<'framesExist'>) => arrayItems(EXISTING_OPTIONS, (option) => option.value);

function chooseExisting(ui: UiState, overlay: OverlayOf<'framesExist'>): Reduction {
  const choice = EXISTING_OPTIONS[selectedIndex(overlay.list, existingItems(overlay))]?.value ?? 'cancel';
  if (choice === 'cancel') return { ui: { ...ui, overlay: null, status: { text: 'render not started; the frames on disk are untouched', kind: 'info' } }, effects: [] };
  const request = { ...overlay.request, existing: choice };
  return { ui: { ...ui, overlay: null, status: { text: `starting render of ${request.blendFile} (${choice})…`, kind: 'running' } },
    effects: [{ kind: 'startRender', request, fields: overlay.fields }] };
}

/** Handles an event while `overlay` is open; every key goes to the dialog, never to the panes. */
export function reduceOverlay(ui: UiState, overlay: Overlay, event: UiEvent, ctx: ReduceContext): Reduction {
  if (event.type === 'dismiss') {
    const status = overlay.kind === 'confirm' ? { text: 'cancelled, nothing was done', kind: 'info' as const } : ui.status;
    const filterText = overlay.kind === 'filter' ? overlay.before : ui.filterText;
    const lastForm = overlay.kind === 'renderForm' ? overlay.fields : ui.lastForm;
    return { ui: { ...ui, overlay: null, status, filterText, lastForm }, effects: [] };
  }
  switch (overlay.kind) {
    case 'help':
    case 'events':
      return event.type === 'overlayMove'
        ? { ui: { ...ui, overlay: { kind: overlay.kind, scroll: scrollList(overlay.scroll, event.delta, ctx.shown) } }, effects: [] }
        : unchanged(ui);
    case 'confirm':
      return event.type === 'confirmYes' ? run(ui, overlay.effect) : unchanged(ui);
    case 'picker':
      if (event.type === 'overlayChoose') return choosePicker(ui, overlay);
      if (event.type !== 'overlayMove') return unchanged(ui);
      return { ui: { ...ui, overlay: { ...overlay, list: moveSelection(overlay.list, pickerItems(overlay), event.delta) } }, effects: [] };
    case 'filter':
      return editFilter(ui, overlay, event, ctx);
    case 'renderForm':
      return event.type === 'overlayChoose' ? submitForm(ui, overlay) : editForm(ui, overlay, event, ctx);
    case 'reason':
      return editReason(ui, overlay, event);
    case 'text':
      return event.type === 'overlayChoose' ? { ui: { ...ui, overlay: null }, effects: [] } : unchanged(ui);
    case 'framesExist':
      if (event.type === 'overlayChoose') return chooseExisting(ui, overlay);
      if (event.type !== 'overlayMove') return unchanged(ui);
      return { ui: { ...ui, overlay: { ...overlay, list: moveSelection(overlay.list, existingItems(overlay), event.delta) } }, effects: [] };
    case 'jobDetail':
      return event.type === 'overlayMove'
        ? { ui: { ...ui, overlay: { ...overlay, scroll: scrollList(overlay.scroll, event.delta, ctx.shown) } }, effects: [] }
        : unchanged(ui);
  }
}
