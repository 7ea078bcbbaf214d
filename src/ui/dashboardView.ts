// Every widget of the dashboard, and the one function that draws a FrameVm onto them.
// Positions come from the frame's layout, so a resize is just another frame.
import blessed from 'blessed';
import type { FrameVm } from '../view/frame.js';
import type { Tone } from '../view/tableVm.js';
import type { StatusLine } from '../state/ui.js';
import { createDialog } from './widgets/dialog.js';
import { createLoadChart } from './widgets/loadChart.js';
import { createPane } from './widgets/pane.js';
import { createTextLine } from './widgets/textLine.js';
import type { Theme } from './theme.js';

export interface DashboardView {
  draw(frame: FrameVm): void;
  /** The terminal's bell (BEL): a render finished or failed. */
  bell(): void;
}

const STATUS_TONES: Readonly<Record<StatusLine['kind'], Tone>> = { info: 'normal', running: 'stale', ok: 'ok', error: 'error' };

export function createDashboardView(screen: blessed.Widgets.Screen, theme: Theme): DashboardView {
  const nodes = createPane(screen, theme);
  const history = createLoadChart(screen, theme);
  const processes = createPane(screen, theme);
  const render = createPane(screen, theme);
  const header = createTextLine(screen, theme);
  const alert = createTextLine(screen, theme);
  const status = createTextLine(screen, theme);
  const footer = createTextLine(screen, theme);
  const detail = createDialog(screen, theme);
  const dialog = createDialog(screen, theme);
  const tooSmall = blessed.box({ parent: screen, top: 0, left: 0, width: '100%', height: '100%', tags: false, hidden: true });
  const panes = [nodes, history, processes, render, header, alert, status, footer];

  return {
    bell() {
      screen.program.bell();
    },
    draw(frame) {
      if (frame.kind === 'tooSmall') {
        for (const widget of panes) widget.element.hide();
        detail.render(null);
        dialog.render(null);
        tooSmall.setContent(frame.message);
        tooSmall.show();
        return;
      }
      tooSmall.hide();
      for (const widget of panes) widget.element.show();
      const { layout } = frame;
      header.render({ text: frame.header, tone: 'normal', bar: true }, layout.header);
      alert.render({ text: frame.alert ?? '', tone: 'stale' }, layout.alert);
      nodes.render(frame.nodes, layout.nodes);
      if (frame.history !== null && layout.history !== null) history.render(frame.history, layout.history);
      else history.element.hide();
      processes.render(frame.processes, layout.processes);
      render.render(frame.render, layout.render);
      status.render({ text: frame.status.text, tone: STATUS_TONES[frame.status.kind] }, layout.status);
      footer.render({ text: frame.footer, tone: 'normal', bar: true }, layout.footer);
      // The detail view first, so a dialog opened from it (a picker, a confirmation) is drawn over it.
      detail.render(frame.detail);
      dialog.render(frame.dialog);
    },
  };
}
