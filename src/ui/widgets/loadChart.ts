// The load history pane: a blessed-contrib line chart (braille) with every node as one series,
// and a legend in the rows under the x-axis. Takes plain data; the render loop calls screen.render().
import blessed from 'blessed';
import type contrib from 'blessed-contrib';
import contribLine from 'blessed-contrib/lib/widget/charts/line.js';
import type { Rect } from '../../view/layout.js';
import { CHART_FOOTER_ROWS, LEGEND_ROWS_UNDER_AXIS, type LoadChartVm } from '../../view/loadHistory.js';
import { escapeTags, type Theme } from '../theme.js';
import { escapedRows, paintCells } from './cells.js';
import { retain, skipLineAttributes } from './retained.js';

export interface LoadChartWidget {
  readonly element: contrib.Widgets.LineElement;
  render(vm: LoadChartVm, rect: Rect): void;
}

/** The eight ANSI colours drawille knows, minus black (invisible on dark terminals) and white (the default's look-alike). */
const SERIES_COLOURS = ['green', 'cyan', 'yellow', 'magenta', 'blue', 'red'] as const;
/** drawille's name for the terminal's default foreground. */
const DEFAULT_COLOUR = 'normal';

export function seriesColour(index: number, color: boolean): string {
  return color ? SERIES_COLOURS[index % SERIES_COLOURS.length] ?? DEFAULT_COLOUR : DEFAULT_COLOUR;
}

interface CanvasChart {
  readonly ctx: { readonly _canvas: { frame(): string } };
  readonly style: unknown;
  _pcontent: string;
  clearPos(get: boolean): void;
  setContent(text: string): void;
  sattr(style: unknown): number;
  _render(): { xi: number; xl: number; yi: number; yl: number } | undefined;
}

interface AttrScreen {
  attrCode(code: string, current: number, normal: number): number;
}

/**
 * contrib's canvas render makes the canvas's text (an escape code around every braille character)
 * on every render and hands it to blessed, which walks its escape codes for every cell on every
 * render (a third of the demo's screen render in the profile). Here the text is made and set once
 * per drawing of the canvas (the chart's content stays that text), cut into cells once, and painted
 * like the panes (cells.ts) while blessed draws the box with no text inside; the legend under the
 * axis is rendered again over the cells, as blessed drew children after the content.
 */
function paintCanvasAsCells(element: contrib.Widgets.LineElement, legend: blessed.Widgets.BoxElement): { redrawn(): void } {
  const chart = element as unknown as CanvasChart;
  const screen = element.screen as unknown as AttrScreen;
  const painter = paintCells(element, false);
  let frame: string | null = null;
  let normalAttr = -1;
  (element as unknown as { render(): unknown }).render = function renderCanvasCells() {
    chart.clearPos(true);
    const normal = chart.sattr(chart.style);
    if (frame === null || normal !== normalAttr) {
      frame = chart.ctx._canvas.frame();
      chart.setContent(frame);
      painter.rows(escapedRows(frame, normal, (code, current, base) => screen.attrCode(code, current, base)));
      normalAttr = normal;
    }
    const text = chart._pcontent;
    chart._pcontent = '';
    let coords;
    try {
      coords = chart._render();
    } finally {
      chart._pcontent = text;
    }
    painter.paint(coords);
    if (coords !== undefined && !legend.hidden) legend.render();
    return coords;
  };
  return {
    redrawn() {
      frame = null;
    },
  };
}

interface ClearingContext {
  clearRect(x: number, y: number, width: number, height: number): void;
}

/**
 * Draws on the canvas contrib has just made, which is blank: its setData first clears the whole
 * canvas through two filled triangles, pixel by pixel (a tenth of a demo frame's CPU in the
 * profile), which leaves a blank canvas as it was.
 */
function onBlankCanvas(element: contrib.Widgets.LineElement, draw: () => void): void {
  const ctx = (element as unknown as { ctx: ClearingContext }).ctx;
  const clearRect = ctx.clearRect;
  ctx.clearRect = () => undefined;
  try {
    draw();
  } finally {
    ctx.clearRect = clearRect;
  }
}

export function createLoadChart(screen: blessed.Widgets.Screen, theme: Theme): LoadChartWidget {
  const element = skipLineAttributes(contribLine({
    border: { type: 'line' }, tags: false, width: 40, height: 12,
    // The axis and y labels in the default colour: contrib's black axis vanishes on dark terminals.
    style: { line: DEFAULT_COLOUR, text: DEFAULT_COLOUR, baseline: DEFAULT_COLOUR },
    wholeNumbersOnly: true, showLegend: false, minY: 0,
  }) as contrib.Widgets.LineElement);
  // Appended, not created with `parent`: contrib makes its canvas on 'attach', which a `parent`
  // option fires before contrib listens, and a canvas-less chart throws when the screen renders.
  screen.append(element);
  // Children of a bordered element are placed from its outer edge, hence the 1s below.
  const legend = skipLineAttributes(blessed.box({ parent: element, left: 1, height: LEGEND_ROWS_UNDER_AXIS, tags: true, wrap: false }));
  const drawn = { chart: retain(element), legend: retain(legend) };
  const canvas = paintCanvasAsCells(element, legend);
  /** The data, scale and size of the plot on the canvas now; null: none. */
  let plotted: string | null = null;

  const legendText = (vm: LoadChartVm): string => vm.legend.map((row) => row.map((cell) => {
    const text = escapeTags(cell.text);
    if (cell.series === null) return text;
    const colour = seriesColour(cell.series, theme.color);
    // With colour each name matches its line; without, the names and values tell the lines apart.
    if (colour === DEFAULT_COLOUR) return theme.tone(vm.series[cell.series]?.tone ?? 'normal', text);
    return `{${colour}-fg}${text}{/${colour}-fg}`;
  }).join('')).join('\n');

  return {
    element,
    render(vm, rect) {
      Object.assign(element, { left: rect.left, top: rect.top, width: rect.width, height: rect.height });
      drawn.chart.label(` ${vm.title} `);
      const border = theme.border(false);
      if (border !== undefined) element.style.border = { fg: border };
      const innerWidth = Math.max(0, rect.width - 2);
      const innerRows = Math.max(0, rect.height - 2);
      // contrib sizes its canvas only on 'attach' (its README's resize recipe re-emits it). Doing it
      // for every new plot also gives a blank canvas: setData clears pixels but not old axis-label
      // text, which would linger when the scale changes. The same plot at the same size keeps the
      // canvas drawn last time (a frame for a key press, say): contrib redraws all of it per setData.
      const plot = vm.plot ? JSON.stringify([rect.width, rect.height, vm.maxY, vm.yStep, vm.series]) : null;
      if (plot === null || plot !== plotted) {
        element.emit('attach');
        canvas.redrawn();
        if (vm.plot) {
          Object.assign(element.options, { maxY: vm.maxY, numYLabels: Math.max(1, Math.round(vm.maxY / vm.yStep)) });
          onBlankCanvas(element, () => element.setData(vm.series.map((s, i) => ({
            title: s.title, x: [...s.x], y: [...s.y], style: { line: seriesColour(i, theme.color) },
          }))));
        }
      }
      plotted = plot;
      const legendTop = vm.plot ? Math.max(0, innerRows - CHART_FOOTER_ROWS + 1) : 0;
      Object.assign(legend, { top: legendTop + 1, width: innerWidth, height: vm.plot ? LEGEND_ROWS_UNDER_AXIS : innerRows });
      drawn.legend.content(legendText(vm));
    },
  };
}
