// Input while a dialog is open: the help, a confirmation, a picker, the filter prompt, the render form.
import type { SignalName } from '../cluster/commands.js';
import { RENDER_FORM_FIELDS, type Overlay, type UiAction, type UiState } from '../state/ui.js';
import { run, unchanged, type Reduction } from './reduceContext.js';
import { toRenderRequest } from './renderForm.js';
import { toHelpLines } from '../view/footer.js';

type OverlayOf<K extends Overlay['kind']> = Extract<Overlay, { kind: K }>;

function choosePicker(ui: UiState, picker: OverlayOf<'picker'>): Reduction {
  const option = picker.options[picker.index];
  if (option === undefined) return { ui: { ...ui, overlay: null }, effects: [] };
  if (picker.purpose === 'migrate') {
    const to = Number(option.value);
    return run(ui, { kind: 'perform', action: { type: 'migrate', pid: picker.pid, to }, label: `migrate ${picker.pid} to N${to}` });
  }
  const signal = option.value as SignalName;
  return {
    ui: { ...ui, overlay: { kind: 'confirm', question: `Send ${signal} to process ${picker.pid}?`,
      effect: { kind: 'perform', action: { type: 'signal', pid: picker.pid, signal }, label: `${signal} ${picker.pid}` } } },
    effects: [],
  };
}

function submitForm(ui: UiState, form: OverlayOf<'renderForm'>): Reduction {
  const request = toRenderRequest(form.fields);
  if (typeof request === 'string') return { ui: { ...ui, overlay: { ...form, error: request } }, effects: [] };
  return { ui: { ...ui, overlay: null, status: { text: `starting render of ${request.blendFile}…`, kind: 'running' } },
    effects: [{ kind: 'startRender', request }] };
}

function editForm(ui: UiState, form: OverlayOf<'renderForm'>, action: UiAction): Reduction {
  const { field, fields } = form;
  if (action.type === 'overlayMove') {
    const index = RENDER_FORM_FIELDS.indexOf(field);
    const next = RENDER_FORM_FIELDS[(index + action.delta + RENDER_FORM_FIELDS.length) % RENDER_FORM_FIELDS.length] ?? field;
    return { ui: { ...ui, overlay: { ...form, field: next } }, effects: [] };
  }
  if (field === 'movie') {
    if (action.type !== 'textInput' || action.text !== ' ') return unchanged(ui);
    return { ui: { ...ui, overlay: { ...form, fields: { ...fields, movie: !fields.movie }, error: null } }, effects: [] };
  }
  const value = fields[field];
  const edited = action.type === 'textInput' ? value + action.text : action.type === 'textBackspace' ? [...value].slice(0, -1).join('') : value;
  return { ui: { ...ui, overlay: { ...form, fields: { ...fields, [field]: edited }, error: null } }, effects: [] };
}

function editFilter(ui: UiState, filter: OverlayOf<'filter'>, action: UiAction): Reduction {
  if (action.type === 'overlayChoose') {
    const text = filter.text.trim();
    const status = { text: text === '' ? 'text filter cleared' : `showing processes matching "${text}"`, kind: 'info' as const };
    return { ui: { ...ui, overlay: null, filterText: text, status, processIndexHint: 0 }, effects: [] };
  }
  if (action.type === 'textInput') return { ui: { ...ui, overlay: { kind: 'filter', text: filter.text + action.text } }, effects: [] };
  if (action.type === 'textBackspace') return { ui: { ...ui, overlay: { kind: 'filter', text: [...filter.text].slice(0, -1).join('') } }, effects: [] };
  return unchanged(ui);
}

/** Handles an action while `overlay` is open; every key goes to the dialog, never to the panes. */
export function reduceOverlay(ui: UiState, overlay: Overlay, action: UiAction): Reduction {
  if (action.type === 'dismiss') {
    const status = overlay.kind === 'confirm' ? { text: 'cancelled, nothing was done', kind: 'info' as const } : ui.status;
    return { ui: { ...ui, overlay: null, status }, effects: [] };
  }
  switch (overlay.kind) {
    case 'help':
      return action.type === 'overlayMove'
        ? { ui: { ...ui, overlay: { kind: 'help', offset: Math.max(0, Math.min(toHelpLines(ui).length, overlay.offset + action.delta)) } }, effects: [] }
        : unchanged(ui);
    case 'confirm':
      return action.type === 'confirmYes' ? run(ui, overlay.effect) : unchanged(ui);
    case 'picker':
      if (action.type === 'overlayChoose') return choosePicker(ui, overlay);
      if (action.type !== 'overlayMove') return unchanged(ui);
      return { ui: { ...ui, overlay: { ...overlay, index: Math.max(0, Math.min(overlay.options.length - 1, overlay.index + action.delta)) } }, effects: [] };
    case 'filter':
      return editFilter(ui, overlay, action);
    case 'renderForm':
      return action.type === 'overlayChoose' ? submitForm(ui, overlay) : editForm(ui, overlay, action);
  }
}
