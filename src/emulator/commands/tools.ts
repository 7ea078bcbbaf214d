// mps, mtop, openmosix, migrate and kill against the model.
import type { ClusterModel } from '../model.js';
import type { Signal } from '../operations.js';
import { migrate, sendSignal } from '../operations.js';
import { printMps } from '../print/mps.js';
import { printMtop } from '../print/mtop.js';
import { printOpenMosixStatus } from '../print/openmosixStatus.js';
import { mpsRows, mtopFrame, openMosixStatusState } from '../views.js';
import type { Reply } from './reply.js';
import { failErr, ok } from './reply.js';

/** procps 2.0 ps takes BSD-style flags; every listing the emulator knows is the default format. */
const MPS_ALL_FORMS = new Set(['a', 'x', 'ax', 'xa', '-a', '-x', '-ax', '-e', '-A']);

export function runMps(model: ClusterModel, args: readonly string[]): Reply {
  const unsupported = args.find((arg) => !MPS_ALL_FORMS.has(arg));
  if (unsupported !== undefined) return failErr(`mps: option ${unsupported} is not supported here (plain mps or mps ax)`);
  return ok(printMps(mpsRows(model)));
}

export function runMtop(model: ClusterModel, args: readonly string[]): Reply {
  const batch = args.includes('-b') || args.some((arg) => /^b(n\d+)?$/.test(arg));
  if (!batch) return failErr('mtop: only batch mode (mtop -b -n 1) works without a terminal');
  const count = args[args.indexOf('-n') + 1];
  if (args.includes('-n') && (count === undefined || !/^\d+$/.test(count))) return failErr('mtop: -n needs a number of frames');
  return ok(printMtop(mtopFrame(model)));
}

export function runOpenMosix(model: ClusterModel, args: readonly string[]): Reply {
  if (args[0] === 'status' && args.length === 1) return ok(printOpenMosixStatus(openMosixStatusState(model)));
  return failErr('Usage: openmosix {start|stop|status|restart|reload}');
}

export function runMigrate(model: ClusterModel, args: readonly string[]): Reply {
  const [pidText, targetText] = args;
  if (args.length !== 2 || pidText === undefined || targetText === undefined) {
    return failErr('Usage: migrate pid {openMosix_ID|home|balance}');
  }
  if (!/^\d+$/.test(pidText)) return failErr(`migrate: bad process id ${pidText}`);
  let target: number | 'home' | 'balance';
  if (targetText === 'home' || targetText === 'balance') target = targetText;
  else if (/^\d+$/.test(targetText)) target = Number(targetText);
  else return failErr(`Node #${targetText} is not configured`);
  const outcome = migrate(model, Number(pidText), target);
  if (outcome.ok) return ok();
  // Node errors use mosctl's wording so one classifier reads both tools.
  return failErr(outcome.reason.startsWith('Node #') ? outcome.reason : `migrate: ${outcome.reason}`);
}

const SIGNALS: Readonly<Record<string, Signal>> = {
  TERM: 'TERM', SIGTERM: 'TERM', '15': 'TERM',
  KILL: 'KILL', SIGKILL: 'KILL', '9': 'KILL',
  STOP: 'STOP', SIGSTOP: 'STOP', '19': 'STOP',
  CONT: 'CONT', SIGCONT: 'CONT', '18': 'CONT',
};

/** `kill -s SIG PID…` or `kill -SIG PID…`; TERM when no signal is named. */
export function runKill(model: ClusterModel, args: readonly string[]): Reply {
  let rest = [...args];
  let name = 'TERM';
  if (rest[0] === '-s') {
    name = rest[1] ?? '';
    rest = rest.slice(2);
  } else if (rest[0]?.startsWith('-')) {
    name = rest[0].slice(1);
    rest = rest.slice(1);
  }
  const signal = SIGNALS[name.toUpperCase()];
  if (!signal) return failErr(`kill: unknown signal: ${name}`);
  if (rest.length === 0) return failErr('kill: usage: kill [-s sigspec | -sigspec] pid');
  const errors: string[] = [];
  for (const pidText of rest) {
    if (!/^\d+$/.test(pidText)) errors.push(`kill: failed to parse argument: '${pidText}'`);
    else if (!sendSignal(model, Number(pidText), signal).ok) errors.push(`kill: (${pidText}) - No such process`);
  }
  return errors.length === 0 ? ok() : { exitCode: 1, stdout: '', stderr: errors.map((line) => `${line}\n`).join('') };
}
