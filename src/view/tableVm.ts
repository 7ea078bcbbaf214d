// The shape every list pane is drawn from: already-formatted lines, only the visible ones.
import type { ListWindow } from '../state/list.js';
import type { PictureVm } from './picture.js';

/** What a line means; the widget turns it into colours (or nothing, with NO_COLOR). */
export type Tone = 'normal' | 'local' | 'migrated' | 'render' | 'down' | 'stale' | 'dim' | 'ok' | 'error' | 'group';

/** A stretch of a line to highlight, [start, end) in the line's characters: what a filter matched. */
export type Mark = readonly [start: number, end: number];

export interface LineVm {
  readonly text: string;
  readonly tone: Tone;
  readonly selected: boolean;
  readonly marks?: readonly Mark[];
}

export interface PaneVm {
  readonly title: string;
  readonly focused: boolean;
  /** Column header line, or null for panes without one. */
  readonly header: string | null;
  readonly lines: readonly LineVm[];
  /** The pane's list (nodes, processes, jobs) as drawn: rows shown, and how many it has. */
  readonly window: ListWindow;
  /** A picture drawn below the lines (the render pane's last finished frame). */
  readonly picture?: PictureVm | null;
}

/** Inner size of a pane, inside its border. */
export interface PaneSize {
  readonly cols: number;
  readonly rows: number;
}
