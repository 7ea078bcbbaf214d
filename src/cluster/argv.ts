// ClusterCommand → the exact argv of the real tool. Pure, so the words omtop runs on a real
// cluster are fixed by one-line tests (`migrate 1169 266`), and the emulator sees the same.
import { describeSlurmCommand, slurmArgv } from './slurmArgv.js';
import { type ClusterCommand, type MigrateTarget, isSlurmCommand } from './commands.js';

/** The label a user sees for a command in messages: "expel", "migrate 1169 266", "nostay". */
export function describeCommand(command: ClusterCommand): string {
  if (isSlurmCommand(command)) return describeSlurmCommand(command);
  switch (command.type) {
    case 'expel':
    case 'bring':
      return command.type;
    case 'migrate':
      return `migrate ${command.pid} ${command.to}`;
    case 'setFlag':
      return command.on ? command.flag : `no${command.flag}`;
    case 'signal':
      return `kill -${command.signal} ${command.pid}`;
  }
}

/** Throws a RangeError with one line for a pid or node that no tool would accept. */
export function toArgv(command: ClusterCommand): readonly string[] {
  if (isSlurmCommand(command)) return slurmArgv(command);
  switch (command.type) {
    case 'expel':
      return ['mosctl', 'expel'];
    case 'bring':
      return ['mosctl', 'bring'];
    case 'setFlag':
      return ['mosctl', command.on ? command.flag : `no${command.flag}`];
    case 'migrate':
      return ['migrate', pidWord(command.pid), targetWord(command.to)];
    case 'signal':
      // -SIG, not -s SIG: BusyBox kill (the real openMosix nodes' CHAOS) has no -s.
      return ['kill', `-${command.signal}`, pidWord(command.pid)];
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
