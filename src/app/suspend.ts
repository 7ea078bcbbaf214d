// Ctrl-Z and SIGTSTP in the dashboard, as htop does it: give the terminal back (normal screen,
// cooked mode, cursor shown), stop, and on SIGCONT take it again and redraw. A `kill -TSTP` from
// elsewhere does the same, so the terminal is never left raw in the alternate screen; while omtop is
// stopped the shell owns the terminal, so what is typed there goes to the shell, not to omtop.
import type { ProcessEvents } from './terminalGuard.js';

export interface SuspendDeps {
  /** Gives the terminal back; returns what takes it again (blessed's program.pause()). */
  readonly pauseTerminal: () => () => void;
  /** Draws the whole screen again. */
  readonly redraw: () => void;
  /** Stops the job; SIGCONT continues it (see stopJob). */
  readonly stop: () => void;
  readonly events: ProcessEvents;
}

export interface Suspender {
  /** Ctrl-Z: suspend now (nothing while already suspended). */
  suspend(): void;
  /** Removes the signal listeners. */
  release(): void;
}

export function createSuspender(deps: SuspendDeps): Suspender {
  let resume: (() => void) | null = null;
  /** SIGTSTPs omtop sent its own process group: each arrives here too, after the stop, and is not a new request. */
  let ownSignals = 0;

  const suspend = (): void => {
    if (resume !== null) return;
    resume = deps.pauseTerminal();
    ownSignals += 1;
    deps.stop();
  };
  const onTstp = (): void => {
    if (ownSignals > 0) {
      ownSignals -= 1;
      return;
    }
    suspend();
  };
  const onCont = (): void => {
    const takeBack = resume;
    if (takeBack === null) return;
    resume = null;
    takeBack();
    deps.redraw();
  };
  deps.events.on('SIGTSTP', onTstp);
  deps.events.on('SIGCONT', onCont);
  return {
    suspend,
    release() {
      deps.events.removeListener('SIGTSTP', onTstp);
      deps.events.removeListener('SIGCONT', onCont);
    },
  };
}

/**
 * Stops this process's job: SIGTSTP to its process group, so that a wrapper in the same job (npx)
 * stops too and the shell takes the terminal back, then SIGSTOP to omtop itself, which SIGTSTP cannot
 * stop while it listens for it (and which would not stop at all in an orphaned process group).
 */
export function stopJob(): void {
  process.kill(0, 'SIGTSTP');
  process.kill(process.pid, 'SIGSTOP');
}
