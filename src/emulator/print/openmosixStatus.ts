// `openmosix status`: the init script's preamble, then setpe -r's configuration, as in the
// tutorial's capture:
//   "This is OpenMosix node #261"
//   "OpenMosix range     261-261     begins at 10.0.1.5"
//   "Total configured: 4"
import { left, right } from './format.js';

export interface OpenMosixRange {
  readonly first: number;
  readonly last: number;
  readonly address: string;
}

export interface OpenMosixStatusState {
  /** The script's own lines before the configuration (map file or autodiscovery). */
  readonly preamble: readonly string[];
  readonly localNode: number;
  readonly protocol: { readonly number: number; readonly name: string };
  readonly ranges: readonly OpenMosixRange[];
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
  const lines = [
    ...state.preamble,
    `This is OpenMosix node #${state.localNode}`,
    `Network protocol: ${state.protocol.number} (${state.protocol.name})`,
    ...state.ranges.map((range) => `OpenMosix range ${right(range.first, 7)}-${left(String(range.last), 7)} begins at ${range.address}`),
    `Total configured: ${state.ranges.reduce((sum, range) => sum + range.last - range.first + 1, 0)}`,
  ];
  return lines.map((line) => `${line}\n`).join('');
}
