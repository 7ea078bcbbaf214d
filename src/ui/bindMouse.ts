// The mouse → UiEvents: a left click selects the row and pane under it, the wheel moves the
// selection there. What is where comes from view/hitTest.ts; this file only listens to blessed.
import type blessed from 'blessed';
import type { UiEvent } from '../reducer/events.js';
import type { FrameVm } from '../view/frame.js';
import { hitTest } from '../view/hitTest.js';

/** Rows one notch of the wheel moves, as in most terminal programs. */
export const WHEEL_ROWS = 3;

interface MouseData {
  readonly action?: string;
  readonly button?: string;
  readonly x?: number;
  readonly y?: number;
}

/** Turns on mouse reporting and listens; returns the function that stops listening and turns it off. */
export function bindMouse(screen: blessed.Widgets.Screen, currentFrame: () => FrameVm, dispatch: (event: UiEvent) => void): () => void {
  const onMouse = (data: MouseData): void => {
    const { action, x, y } = data;
    const wheel = action === 'wheelup' || action === 'wheeldown';
    // Moves and releases are not looked at: the frame is built only for what acts.
    if (x === undefined || y === undefined || !(wheel || (action === 'mousedown' && data.button === 'left'))) return;
    const frame = currentFrame();
    if (frame.kind !== 'panes') return;
    const hit = hitTest(frame, x, y);
    if (wheel) dispatch({ type: 'wheel', pane: hit?.pane ?? null, delta: action === 'wheelup' ? -WHEEL_ROWS : WHEEL_ROWS });
    else if (hit !== null) dispatch({ type: 'pointAt', pane: hit.pane, row: hit.row });
  };
  // Listening for 'mouse' makes blessed turn mouse reporting on in the terminal; SGR reports (1006)
  // work at any width. (Motion reports stay on: turning one tracking mode off turns them all off.)
  screen.on('mouse', onMouse);
  screen.program.setMouse({ sgrMouse: true }, true);
  return () => {
    screen.removeListener('mouse', onMouse);
    screen.program.disableMouse();
  };
}
