// Live progress on the CLI's stdout: a redrawn bar on a terminal, one line per event otherwise,
// or one JSON object per line with --json.
import type { Writable } from 'node:stream';
import type { RenderJobView } from './types.js';
import type { RenderEvent } from './jobConfig.js';
import { eventLine, progressLine } from './progressText.js';
import { terminalSafe } from '../text/terminalSafe.js';

export type ProgressMode = 'tty' | 'lines' | 'json';

/** A terminal gets at most this many redraws a second. */
const REDRAW_INTERVAL_MS = 100;

export class ProgressPrinter {
  private barShown = false;
  private lastDraw = 0;
  private pending: NodeJS.Timeout | undefined;
  private latest: RenderJobView | null = null;

  constructor(
    private readonly out: Writable,
    readonly mode: ProgressMode,
    private readonly columns: () => number,
  ) {}

  /** Writes a line above the bar; file names and blender's words in it are made terminal-safe. */
  line(text: string): void {
    this.clearBar();
    this.out.write(`${terminalSafe(text)}\n`);
    if (this.latest) this.draw(this.latest);
  }

  /** One JSON object per line (JSON mode only), with the exact text, escaped for a terminal. */
  json(value: object): void {
    if (this.mode === 'json') this.out.write(`${terminalSafe(JSON.stringify(value))}\n`);
  }

  onEvent(event: RenderEvent): void {
    if (this.mode === 'json') {
      this.json(event);
      return;
    }
    if (event.type === 'frame-done' && this.mode === 'tty') return; // the bar shows it
    const text = eventLine(event);
    if (text !== null) this.line(text);
  }

  onView(view: RenderJobView): void {
    this.latest = view;
    if (this.mode !== 'tty') return;
    const wait = this.lastDraw + REDRAW_INTERVAL_MS - Date.now();
    if (wait <= 0) this.draw(view);
    else this.pending ??= setTimeout(() => {
      this.pending = undefined;
      if (this.latest) this.draw(this.latest);
    }, wait);
  }

  /** Ends the bar so the final messages start on a fresh line. */
  stop(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
    if (this.mode === 'tty' && this.latest) this.draw(this.latest);
    if (this.barShown) this.out.write('\n');
    this.barShown = false;
    this.latest = null;
  }

  private draw(view: RenderJobView): void {
    if (this.mode !== 'tty') return;
    this.lastDraw = Date.now();
    this.out.write(`\r\x1b[K${terminalSafe(progressLine(view, this.columns()))}`);
    this.barShown = true;
  }

  private clearBar(): void {
    if (this.barShown) this.out.write('\r\x1b[K');
    this.barShown = false;
  }
}
