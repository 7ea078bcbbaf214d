// What each backend can do to a cluster, and the one sentence that says a backend cannot: the
// dashboard leaves such keys out of its footer and refuses them with this sentence, and the
// backends refuse such commands with the same words.
import { describeCommand } from './argv.js';
import { type ClusterCommand, isSlurmCommand } from './commands.js';

/**
 * What a backend can do: node settings, moving processes, signals, scheduler commands — and, for
 * keys that only change the view, list processes at all (a scheduler lists jobs instead).
 */
export type Ability = 'mosctl' | 'migrate' | 'signal' | 'slurm' | 'processes';

/** Backend names as the snapshot spells them; a name not listed here can do everything. */
const ABILITIES: Readonly<Record<string, readonly Ability[]>> = {
  openmosix: ['mosctl', 'migrate', 'signal', 'processes'],
  demo: ['mosctl', 'migrate', 'signal', 'processes'],
  local: ['signal', 'processes'],
  slurm: ['slurm'],
};

const NEEDS: Readonly<Record<Ability, string>> = {
  mosctl: 'openMosix (mosctl)',
  migrate: 'openMosix (migrate)',
  signal: 'a process table to signal',
  slurm: 'Slurm',
  processes: 'a process table',
};

export function canDo(backend: string, ability: Ability): boolean {
  return ABILITIES[backend]?.includes(ability) ?? true;
}

/** The ability a command needs. */
export function abilityOf(command: ClusterCommand): Ability {
  if (isSlurmCommand(command)) return 'slurm';
  switch (command.type) {
    case 'expel':
    case 'bring':
    case 'setFlag':
      return 'mosctl';
    case 'migrate':
      return 'migrate';
    case 'signal':
      return 'signal';
  }
}

/** The one sentence for "this backend cannot do that": `expel needs openMosix (mosctl); the local backend cannot run it`. */
export function unavailableLine(what: string, ability: Ability, backend: string): string {
  return `${what} needs ${NEEDS[ability]}; the ${backend} backend cannot run it`;
}

/** The same sentence for a command. */
export function unavailableCommand(command: ClusterCommand, backend: string): string {
  return unavailableLine(describeCommand(command), abilityOf(command), backend);
}
