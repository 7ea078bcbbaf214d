// ClusterAction → the exact argv of the real tool. Pure, so the words omtop runs on a real
// cluster are fixed by one-line tests (`migrate 1169 266`), and the emulator sees the same.
import { describeSlurmAction, slurmArgv } from './slurmArgv.js';
import { type ClusterAction, type MigrateTarget, isSlurmAction } from './commands.js';

/** The label a user sees for an action in messages: "expel", "migrate 1169 266", "nostay". */
export function describeAction(action: ClusterAction): string {
  if (isSlurmAction(action)) return describeSlurmAction(action);
  switch (action.type) {
    case 'expel':
    case 'bring':
      return action.type;
    case 'migrate':
      return `migrate ${action.pid} ${action.to}`;
    case 'setFlag':
      return action.on ? action.flag : `no${action.flag}`;
    case 'signal':
      return `kill -${action.signal} ${action.pid}`;
  }
}

/** Throws a RangeError with one line for a pid or node that no tool would accept. */
export function toArgv(action: ClusterAction): readonly string[] {
  if (isSlurmAction(action)) return slurmArgv(action);
  switch (action.type) {
    case 'expel':
      return ['mosctl', 'expel'];
    case 'bring':
      return ['mosctl', 'bring'];
    case 'setFlag':
      return ['mosctl', action.on ? action.flag : `no${action.flag}`];
    case 'migrate':
      return ['migrate', pidWord(action.pid), targetWord(action.to)];
    case 'signal':
      return ['kill', '-s', action.signal, pidWord(action.pid)];
  }
}

function pidWord(pid: number): string {
  if (!Number.isInteger(pid) || pid <= 0) throw new RangeError(`not a process id: ${pid}`);
  return String(pid);
}

function targetWord(to: MigrateTarget): string {
  if (to === 'home' || to === 'balance') return to;
  // Node numbers are 1..65535 (autodiscovery uses the low 16 bits of the address).
  if (!Number.isInteger(to) || to < 1 || to > 65535) throw new RangeError(`not an openMosix node number: ${to}`);
  return String(to);
}
