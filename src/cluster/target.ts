// What a command acts on, as a status line begins: `expel from 261`, `migrate 1181 home`,
// `node 261: stay on`. Node commands name the node omtop runs on: mosctl changes only that one.
import type { NodeFlag, OpenMosixCommand } from './commands.js';

/** Flags as people call them (the key table's words): lstay is the lock. */
export const FLAG_NAMES: Readonly<Record<NodeFlag, string>> = { stay: 'stay', lstay: 'lock (lstay)', block: 'block', quiet: 'quiet' };

/** The node the command acts on or the process it moves, as the line begins: `expel from 261`. */
export function commandTarget(command: OpenMosixCommand, localNode: number | string): string {
  switch (command.type) {
    case 'expel':
      return `expel from ${localNode}`;
    case 'bring':
      return `bring home to ${localNode}`;
    case 'setFlag':
      return `node ${localNode}: ${FLAG_NAMES[command.flag]} ${command.on ? 'on' : 'off'}`;
    case 'migrate':
      if (command.to === 'balance') return `balance ${command.pid}`;
      return command.to === 'home' ? `migrate ${command.pid} home` : `migrate ${command.pid} to N${command.to}`;
    case 'signal':
      return `${command.signal} to ${command.pid}`;
  }
}
