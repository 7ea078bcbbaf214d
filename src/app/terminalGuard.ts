// Whatever ends the dashboard (a signal, an exception nobody caught) must give the terminal back.
// These listeners also keep blessed's own handlers out of the way: blessed only acts when it is
// the sole listener, and its exception handler prints a full stack over the user's shell.
import { errorLine } from '../errorLine.js';

export type ProcessEvents = Pick<NodeJS.Process, 'on' | 'removeListener'>;

export interface GuardHandlers {
  onSignal(signal: NodeJS.Signals): void;
  onCrash(error: unknown): void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'];

/** Installs the handlers; returns the function that removes them. */
export function guardTerminal(target: ProcessEvents, handlers: GuardHandlers): () => void {
  const onSignal = (signal: NodeJS.Signals): void => handlers.onSignal(signal);
  const onCrash = (error: unknown): void => handlers.onCrash(error);
  for (const signal of SIGNALS) target.on(signal, onSignal);
  target.on('uncaughtException', onCrash);
  target.on('unhandledRejection', onCrash);
  return () => {
    for (const signal of SIGNALS) target.removeListener(signal, onSignal);
    target.removeListener('uncaughtException', onCrash);
    target.removeListener('unhandledRejection', onCrash);
  };
}

const SIGNAL_NUMBERS: Readonly<Partial<Record<NodeJS.Signals, number>>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15 };

/** The shell's convention: 128 + the signal's number. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (SIGNAL_NUMBERS[signal] ?? 15);
}

/** One line for the user, after the screen is restored: never a stack trace (OMTOP_DEBUG shows it). */
export function crashLine(error: unknown, debug: boolean): string {
  const stack = debug && error instanceof Error && error.stack !== undefined ? `\n${error.stack}` : '';
  return `omtop: the dashboard stopped on an unexpected error: ${errorLine(error)}${stack}\n`;
}
