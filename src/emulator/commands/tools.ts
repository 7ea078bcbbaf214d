// mps, mtop, setpe, openmosix, migrate and kill against the model, with the real tools' streams
// and exit statuses (fixtures/real/: INDEX.md and the live cluster's captures).
import type { ClusterModel } from '../model.js';
import type { Signal } from '../operations.js';
import { migrate, sendSignal } from '../operations.js';
import { mpsWidth, printMps, printMpsAux } from '../print/mps.js';
import { printMtop } from '../print/mtop.js';
import { printOpenMosixStatus, printSetpe } from '../print/openmosixStatus.js';
import { mpsAuxRows, mpsRows, mtopFrame, openMosixStatusState } from '../views.js';
import type { Reply } from './reply.js';
import { failErr, failOut, ok } from './reply.js';

/**
 * procps 1.2's BSD options, which mps takes (a leading `-` is allowed): `x` lists processes without
 * a terminal too, `u` the user-oriented layout, each `w` widens the line (80, 132, unlimited). `a`
 * (other users' processes) changes nothing here: every process on the emulated node is root's.
 * Other layouts (`l`, `j`, `--ominfo`) are not emulated, and say so.
 */
export function runMps(model: ClusterModel, args: readonly string[]): Reply {
  const letters = args.map((arg) => arg.replace(/^-(?!-)/, '')).join('');
  const other = letters.replace(/[auxw]/g, '');
  if (other !== '') return failErr(`mps: the emulated cluster prints mps, mps ax[ww] and mps aux[ww] only, not "${args.join(' ')}"`);
  const withoutTerminal = letters.includes('x');
  const width = mpsWidth([...letters].filter((letter) => letter === 'w').length);
  if (letters.includes('u')) return ok(printMpsAux(mpsAuxRows(model, withoutTerminal), width));
  return ok(printMps(mpsRows(model, withoutTerminal), width));
}

/**
 * mtop is interactive: without options it answers one screen (the text a terminal would show).
 * Any option is refused as the real one refuses `-b`: ``mtop: Unknown argument `b'``, exit 1.
 */
export function runMtop(model: ClusterModel, args: readonly string[]): Reply {
  const [first] = args;
  if (first !== undefined) return failErr(`mtop: Unknown argument \`${first.replace(/^-+/, '').charAt(0)}'`);
  return ok(printMtop(mtopFrame(model)));
}

/** `setpe -r`: the node map; anything else is not emulated. */
export function runSetpe(model: ClusterModel, args: readonly string[]): Reply {
  if (args.length === 1 && args[0] === '-r') return ok(printSetpe(openMosixStatusState(model)));
  return failErr(`setpe: the emulated cluster answers setpe -r only, not "${args.join(' ')}"`);
}

/** The dyne:bolic init script: `openmosix status` is its preamble and setpe -r. */
export function runOpenMosix(model: ClusterModel, args: readonly string[]): Reply {
  if (args[0] === 'status' && args.length === 1) return ok(printOpenMosixStatus(openMosixStatusState(model)));
  return failErr('Usage: openmosix {start|stop|status|restart|reload}');
}

/**
 * `migrate PID NODE|home|balance` prints nothing and exits 0, even for a PID that does not exist or
 * a node that is not configured (the live cluster): whether the process moved shows in mps. Its
 * usage goes to stdout with exit 1, naming argv[0] without its leading `/` (`sbin/migrate`).
 */
export function runMigrate(model: ClusterModel, argv: readonly string[]): Reply {
  const [program = 'migrate', pidText, targetText, ...rest] = argv;
  const usage = failOut(`Usage: ${program.replace(/^\//, '')} pid {OpenMosix-ID|home|balance}\n`);
  if (pidText === undefined || targetText === undefined || rest.length > 0 || !/^\d+$/.test(pidText)) return usage;
  if (targetText === 'home' || targetText === 'balance') migrate(model, Number(pidText), targetText);
  else if (/^\d+$/.test(targetText)) migrate(model, Number(pidText), Number(targetText));
  else return usage;
  return ok();
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
