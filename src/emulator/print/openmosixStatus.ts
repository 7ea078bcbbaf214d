// `setpe -r` (the node map the kernel holds) as the real 0.3.6 binary prints it, and the dyne:bolic
// init script's `openmosix status`, which prints its own preamble (the tutorial's) before it:
//   "This is OpenMosix node #261"
//   "Network protocol: 2 (AF_INET)"
//   "OpenMosix range   261-261   begins at 10.0.1.5"        "OpenMosix range %5d-%-5d begins at %s"
//   "Node 3 has an alias: 10.0.9.9"
//   "Total configured: 4"                                   (nodes, not lines; "11; 1 alias" with one)
import { left, right } from './format.js';

export interface OpenMosixRange {
  readonly first: number;
  readonly last: number;
  readonly address: string;
}

export interface OpenMosixStatusState {
  /** The script's own lines before the configuration (map file or autodiscovery); none for setpe -r. */
  readonly preamble: readonly string[];
  readonly localNode: number;
  readonly protocol: { readonly number: number; readonly name: string };
  readonly ranges: readonly OpenMosixRange[];
  /** Extra addresses of nodes: `Node 3 has an alias: 10.0.9.9`. */
  readonly aliases?: readonly { readonly node: number; readonly address: string }[];
}

/** dyne:bolic's preamble: no map file, so omdiscd's autodiscovery. */
export const AUTODISCOVERY_PREAMBLE: readonly string[] = [
  'openMosix: No map-file found.',
  'openMosix: Falling back to autodiscovery mode using /usr/mosix/sbin/omdiscd',
];

/** An autodiscovered cluster as setpe -r lists it: every node its own one-node range, over IPv4. */
export function autodiscoveryStatus(localNode: number, nodes: readonly { readonly id: number; readonly ip: string }[]): OpenMosixStatusState {
  return {
    preamble: AUTODISCOVERY_PREAMBLE,
    localNode,
    protocol: { number: 2, name: 'AF_INET' },
    ranges: nodes.map((node) => ({ first: node.id, last: node.id, address: node.ip })),
  };
}

export function printOpenMosixStatus(state: OpenMosixStatusState): string {
  const aliases = state.aliases ?? [];
  const total = state.ranges.reduce((sum, range) => sum + range.last - range.first + 1, 0);
  // "1 alias" is what the binary printed; the plural for more is inferred.
  const aliasCount = aliases.length === 0 ? '' : `; ${aliases.length} alias${aliases.length === 1 ? '' : 'es'}`;
  const lines = [
    ...state.preamble,
    `This is OpenMosix node #${state.localNode}`,
    `Network protocol: ${state.protocol.number} (${state.protocol.name})`,
    ...state.ranges.map((range) => `OpenMosix range ${right(range.first, 5)}-${left(String(range.last), 5)} begins at ${range.address}`),
    ...aliases.map((alias) => `Node ${alias.node} has an alias: ${alias.address}`),
    `Total configured: ${total}${aliasCount}`,
  ];
  return lines.map((line) => `${line}\n`).join('');
}

/** `setpe -r`: the same body without the init script's preamble. */
export function printSetpe(state: OpenMosixStatusState): string {
  return printOpenMosixStatus({ ...state, preamble: [] });
}
