// The boxes drawn over the panes: help, confirmation, pickers and the render form.
import { arrayItems, pageStart, scrollStart, selectedIndex, type ListState, type ListWindow } from '../state/list.js';
import type { Overlay, RenderFormField, UiState } from '../state/ui.js';
import type { LogEntry } from '../store/eventLog.js';
import { fit, wrapWords } from '../text/format.js';
import { eventsDialog } from './eventLogView.js';
import { toHelpLines } from './footer.js';
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
  file: '.blend file', start: 'Start frame', end: 'End frame', parts: 'Parts', output: 'Output dir', movie: 'Movie', slurm: 'Run on',
};

function formValue(field: RenderFormField, overlay: Extract<Overlay, { kind: 'renderForm' }>): string {
  if (field === 'movie') return overlay.fields.movie ? '[x] on (space toggles)' : '[ ] off (space toggles)';
  if (field === 'slurm') return overlay.fields.slurm ? 'Slurm: a job array (space: here)' : 'here (space: Slurm job array)';
  return overlay.fields[field];
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
}

const NO_DATA: DialogData = { events: [], backend: null };

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
      const fields = (Object.keys(FIELD_LABELS) as RenderFormField[]).filter((field) => field !== 'slurm' || slurm);
      const lines = fields.map((field) => {
        const value = formValue(field, overlay);
        const cursor = field === overlay.field && field !== 'movie' && field !== 'slurm' ? '_' : '';
        return plain(`${FIELD_LABELS[field].padEnd(12)} ${value}${cursor}`, 'normal', field === overlay.field);
      });
      lines.push(plain(''), plain(overlay.error ?? 'Tab/↓ next field · Enter start · Esc cancel', overlay.error === null ? 'dim' : 'error'));
      return fixed('Start a split render', lines, Math.min(cols, 70));
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
