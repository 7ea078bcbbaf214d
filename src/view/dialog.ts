// The boxes drawn over the panes: help, confirmation, pickers and the render form.
import { arrayItems, pageStart, scrollStart, selectedIndex, type ListState, type ListWindow } from '../state/list.js';
import type { Overlay, RenderFormField, UiState } from '../state/ui.js';
import type { LogEntry } from '../store/eventLog.js';
import { fit, wrapWords } from '../text/format.js';
import { eventsDialog } from './eventLogView.js';
import { toHelpLines } from './footer.js';
import { jobDetailLines } from './jobDetail.js';
import { wrap } from '../text/wrap.js';
import type { RenderJobView } from '../launcher/types.js';
import type { ClusterSnapshot } from '../model/snapshot.js';
import { EXISTING_OPTIONS } from '../state/renderChoices.js';
import type { LineVm } from './tableVm.js';

export interface DialogVm {
  readonly title: string;
  readonly lines: readonly LineVm[];
  /** Outer size including the border. */
  readonly width: number;
  readonly height: number;
  /** The list inside, for keys that move in it: rows shown, rows in all. */
  readonly window: ListWindow;
}

const FIELD_LABELS: Readonly<Record<RenderFormField, string>> = {
  file: '.blend file', start: 'Start frame', end: 'End frame', parts: 'Parts', output: 'Output dir', movie: 'Movie',
  noDenoising: 'No denoising', slurm: 'Run on',
};

const TOGGLE_NOTES: Readonly<Record<'movie' | 'noDenoising', string>> = {
  movie: 'space toggles', noDenoising: 'space toggles; Debian\'s blender has no OpenImageDenoise',
};

function formValue(field: RenderFormField, overlay: Extract<Overlay, { kind: 'renderForm' }>): string {
  if (field === 'movie' || field === 'noDenoising') return `${overlay.fields[field] ? '[x] on' : '[ ] off'} (${TOGGLE_NOTES[field]})`;
  if (field === 'slurm') return overlay.fields.slurm ? 'Slurm: a job array (space: here)' : 'here (space: Slurm job array)';
  return overlay.fields[field];
}

/** Where the form's frames will go, before anything starts: the folder typed, else what blender says of the .blend. */
function destinationLine(overlay: Extract<Overlay, { kind: 'renderForm' }>): LineVm {
  const output = overlay.fields.output.trim();
  const known = overlay.destination?.kind === 'known' && overlay.destination.file === overlay.fields.file.trim() ? overlay.destination : null;
  const extension = known === null ? '' : /\.[A-Za-z0-9]+$/.exec(known.pattern)?.[0] ?? '';
  if (output !== '') return plain(`Frames go to ${output.replace(/\/+$/, '')}/frame_####${extension === '' ? '.*' : extension}`);
  const destination = overlay.destination;
  if (destination === undefined || destination.file !== overlay.fields.file.trim()) return plain('Frames go to the .blend\'s own output path (Tab asks blender)', 'dim');
  if (destination.kind === 'asking') return plain('Frames go to … (asking blender)', 'dim');
  if (destination.kind === 'unknown') return plain(`Frames go to ? (${destination.error})`, 'error');
  return plain(`Frames go to ${destination.pattern} (the .blend's own output path)`);
}

const plain = (text: string, tone: LineVm['tone'] = 'normal', selected = false): LineVm => ({ text, tone, selected });

/** Two columns side by side: used when one column is taller than the screen but it is wide. */
function twoColumns(lines: readonly string[], colWidth: number): string[] {
  const half = Math.ceil(lines.length / 2);
  return lines.slice(0, half).map((left, i) => `${fit(left, colWidth)} │ ${lines[half + i] ?? ''}`);
}

/** The help dialog at this screen size: one column if it fits, else two, else it scrolls. */
export function helpDialog(ui: Pick<UiState, 'readonly'>, scroll: ListState<never>, cols: number, rows: number, backend: string | null = null): DialogVm {
  const lines = toHelpLines(ui, backend);
  const colWidth = Math.max(...lines.map((l) => l.length));
  const twoCols = lines.length + 2 > rows && cols >= 2 * colWidth + 5;
  const all = twoCols ? twoColumns(lines, colWidth) : lines;
  const width = Math.min(cols, (twoCols ? 2 * colWidth + 3 : colWidth) + 2);
  const height = Math.min(rows, all.length + 2);
  const window = { rows: height - 2, total: all.length };
  const start = scrollStart(scroll, window);
  const more = all.length > window.rows ? ` (↑/↓ scroll, ${start + 1}-${start + window.rows} of ${all.length})` : '';
  return {
    title: `Keys${more} · Esc closes`, lines: all.slice(start, start + window.rows).map((t) => plain(fit(t, width - 2))), width, height, window,
  };
}

/** A dialog whose lines all fit: nothing to scroll. */
function fixed(title: string, lines: readonly LineVm[], width: number): DialogVm {
  return { title, lines, width, height: lines.length + 2, window: { rows: lines.length, total: lines.length } };
}

/** What dialogs show besides the UI state. */
export interface DialogData {
  readonly events: readonly LogEntry[];
  /** The latest snapshot's backend: the help marks the keys it cannot run. */
  readonly backend: string | null;
  /** The render jobs, for a job's details. */
  readonly jobs?: readonly RenderJobView[];
  readonly snapshot?: ClusterSnapshot | null;
}

const NO_DATA: DialogData = { events: [], backend: null };

/** A dialog of many lines that scrolls, like the help. */
function scrolling(title: string, all: readonly string[], scroll: ListState<never>, cols: number, rows: number, width: number): DialogVm {
  const height = Math.min(rows, all.length + 2);
  const window = { rows: height - 2, total: all.length };
  const start = scrollStart(scroll, window);
  const more = all.length > window.rows ? ` (↑/↓ scroll, ${start + 1}-${start + window.rows} of ${all.length})` : '';
  return { title: `${title}${more} · Esc closes`, lines: all.slice(start, start + window.rows).map((t) => plain(t)), width: Math.min(cols, width), height, window };
}

/** `data.backend` is 'slurm' on a Slurm cluster: the render form offers "here" or "Slurm". */
export function toDialogVm(overlay: Overlay | null, ui: UiState, cols: number, rows: number, data: DialogData = NO_DATA): DialogVm | null {
  if (overlay === null || overlay.kind === 'filter') return null;
  const slurm = data.backend === 'slurm';
  switch (overlay.kind) {
    case 'help':
      return helpDialog(ui, overlay.scroll, cols, rows, data.backend);
    case 'events':
      return eventsDialog(data.events, overlay.scroll, cols, rows);
    case 'confirm': {
      const width = Math.min(cols, Math.max(40, Math.min(72, overlay.question.length + 4)));
      const question = wrapWords(overlay.question, width - 2).map((line) => plain(line));
      const lines = [...question, plain(''), plain('y / Enter: yes     n / Esc: no', 'dim')];
      return fixed('Confirm', lines, width);
    }
    case 'picker': {
      const selected = selectedIndex(overlay.list, arrayItems(overlay.options, (o) => o.value));
      const height = Math.min(rows, overlay.options.length + 2);
      const window = { rows: height - 2, total: overlay.options.length };
      const start = pageStart(selected, window);
      const lines = overlay.options.slice(start, start + window.rows).map((o, i) => plain(o.label, 'normal', start + i === selected));
      return { title: overlay.title, lines, width: Math.min(cols, 44), height, window };
    }
    case 'renderForm': {
      const width = Math.min(cols, 76);
      const fields = (Object.keys(FIELD_LABELS) as RenderFormField[]).filter((field) => field !== 'slurm' || slurm);
      const lines = fields.map((field) => {
        const value = formValue(field, overlay);
        const cursor = field === overlay.field && field !== 'movie' && field !== 'slurm' && field !== 'noDenoising' ? '_' : '';
        return plain(`${FIELD_LABELS[field].padEnd(12)} ${value}${cursor}`, 'normal', field === overlay.field);
      });
      lines.push(plain(''), destinationLine(overlay));
      const note = overlay.error ?? 'Tab/↓ next field · Enter start · Esc cancel';
      lines.push(...wrap(note, width - 2).map((text) => plain(text, overlay.error === null ? 'dim' : 'error')));
      return fixed('Start a split render', lines, width);
    }
    case 'framesExist': {
      const selected = selectedIndex(overlay.list, arrayItems(EXISTING_OPTIONS, (o) => o.value));
      const lines = [plain(overlay.question), plain('')]
        .concat(EXISTING_OPTIONS.map((o, i) => plain(o.label, 'normal', i === selected)))
        .concat([plain(''), plain('↑/↓ choose · Enter · Esc cancels', 'dim')]);
      return fixed('Frames already exist', lines, Math.min(cols, Math.max(46, overlay.question.length + 4)));
    }
    case 'jobDetail': {
      const job = (data.jobs ?? []).find((j) => j.id === overlay.jobId);
      const width = Math.min(cols, 100);
      const all = job === undefined ? ['this render is no longer listed'] : jobDetailLines(job, data.snapshot ?? null, width - 2);
      return scrolling(`Render ${job?.id ?? overlay.jobId}`, all, overlay.scroll, cols, rows, width);
    }
    case 'reason': {
      const lines = [plain(`Why drain ${overlay.node}? (stored by Slurm, shown in sinfo)`), plain(`${overlay.text}_`, 'normal', true), plain(''),
        plain('Enter: drain (asks first) · Esc: cancel', 'dim')];
      return fixed(`Drain ${overlay.node}`, lines, Math.min(cols, 64));
    }
    case 'text': {
      const height = Math.min(rows, overlay.lines.length + 2, 30);
      const shown = overlay.lines.slice(-(height - 2)).map((line) => plain(fit(line, Math.min(cols, 100) - 2)));
      const width = Math.min(cols, 100);
      return { title: `${overlay.title} · Esc closes`, lines: shown, width, height: shown.length + 2, window: { rows: shown.length, total: shown.length } };
    }
  }
}
