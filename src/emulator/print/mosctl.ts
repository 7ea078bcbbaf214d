// mosctl's text, as the real 0.3.6 binary prints it (fixtures/real/: the captures, traces-*.txt for
// the streams). Every sentence here was printed by the real binary; which stream and exit status
// each goes with is in src/emulator/commands/mosctl.ts.
//   load=153   speed=26842.   free memory = A of B   raw free memory = A of B
//   Utilizability = 87%   Utilizability = 150% (of 200%)   yes / no   up,stay.
//   This is openMosix #261   10.0.1.151   10.0.1.2 is openMosix #258
import { MOSCTL_REPLIES, MOSCTL_STATUS_FLAGS, type MosctlCommand } from '../../../parsers/index.js';

const line = (text: string): string => `${text}\n`;

export function printGetload(load: number): string {
  return line(`load=${Math.round(load)}`);
}

export function printGetspeed(speed: number): string {
  return line(`speed=${Math.round(speed)}.`);
}

/** getmem: free memory as openMosix counts it, and the total, in bytes. */
export function printFreeMemory(freeBytes: number, totalBytes: number): string {
  return line(`free memory = ${freeBytes} of ${totalBytes}`);
}

/** getfree: free memory as Linux counts it, and the total, in bytes. */
export function printRawFreeMemory(freeBytes: number, totalBytes: number): string {
  return line(`raw free memory = ${freeBytes} of ${totalBytes}`);
}

/** `util` is percent of one CPU summed over the node's CPUs; a node with several adds `(of N%)`. */
export function printGetutil(util: number, cpus: number): string {
  return line(`Utilizability = ${Math.round(util)}%${cpus > 1 ? ` (of ${cpus * 100}%)` : ''}`);
}

export function printIsup(up: boolean): string {
  return line(up ? 'yes' : 'no');
}

/** `mosctl whois`: this node. */
export function printWhoisSelf(node: number): string {
  return line(`This is openMosix #${node}`);
}

/** `mosctl whois N`: the node's address alone. */
export function printWhoisAddress(address: string): string {
  return line(address);
}

/** `mosctl whois IP|HOST`: the name asked about and its node. */
export function printWhoisName(name: string, node: number): string {
  return line(`${name} is openMosix #${node}`);
}

export type StatusFlags = Readonly<Record<(typeof MOSCTL_STATUS_FLAGS)[number], boolean>>;

/** `up.`, `down.`, or the state with the flags that are set: `up,stay,lstay,block,quiet,nomfs.` */
export function printStatus(up: boolean, flags: StatusFlags): string {
  const set = MOSCTL_STATUS_FLAGS.filter((flag) => flags[flag]);
  return line(`${[up ? 'up' : 'down', ...set].join(',')}.`);
}

/** On stderr, exit 0: `what` is the node argument as typed. */
export function printNotConfigured(what: string): string {
  return line(`Node #${what} is not configured`);
}

/** On stderr, exit 0: whois of an address (or name) no node has. */
export function printAddressNotConfigured(address: string): string {
  return line(`Node at ${address} is not configured`);
}

/** On stderr, exit 0: any query about a node that is down. */
export function printUnreachable(): string {
  return line('Error: Network is unreachable');
}

/** The one yardstick sentence seen: 10000 is a Pentium III at 1 GHz. */
export function printGetyard(): string {
  return line('Yardstick speed currently set to 10000 (matching a PIII/1000 processor).');
}

export function printGetdecay(intervalSeconds: number, slow: number, fast: number): string {
  return [
    `Decaying statistics of active processes occurs every ${intervalSeconds} second${intervalSeconds === 1 ? '' : 's'}.`,
    `Slow decay leaves ${slow}/1000.`,
    `Fast decay leaves ${fast}/1000.`,
  ]
    .map(line)
    .join('');
}

/** The kernel's tuning parameters (microseconds), as the real binary printed its defaults. */
export const TUNE_DEFAULTS: readonly (readonly [string, number])[] = [
  ['Home-node overhead in processing a demand-page', 2000],
  ['Remote overhead in processing a demand-page', 1200],
  ['Home-node overhead in processing a system call', 400],
  ['Remote overhead in processing a system call', 350],
  ['Basic home-node overhead for reading data', 200],
  ['Home-node overhead per 1KB read', 12],
  ['Basic remote overhead for reading data', 400],
  ['Remote overhead per 1KB read', 80],
  ['Basic home-node overhead for writing data', 200],
  ['Home-node overhead per 1KB written', 14],
  ['Basic remote overhead for writing data', 300],
  ['Remote overhead per 1KB written', 80],
  ['Migration time of an empty process', 3000],
  ['Extra migration time per dirty page', 30],
];

/** A bold title (ANSI escapes, as the binary prints them), blank lines, then "\t%-47s = %d" rows. */
export function printGettune(values: readonly (readonly [string, number])[]): string {
  const rows = values.map(([name, value]) => line(`\t${name.padEnd(47)} = ${value}`)).join('');
  return `\n\x1b[1mOpenMosix Kernel Tuning Parameters (microseconds)\x1b[0m:\n\n\n${rows}\n\n\n`;
}

/** The usage text (stderr, exit 1); the first line names argv[0] as typed. */
export function printMosctlUsage(program: string): string {
  const indent = ' '.repeat(20);
  return [
    `Usage: ${program} command`,
    'Available commands: stay/nostay, lstay/nolstay, block/noblock, quiet/noquiet,',
    `${indent}mfs/nomfs, expel, bring, gettune, getdecay,`,
    `${indent}whois [mosix_no|IP-address|hostname],`,
    `${indent}getload [node-number], getspeed [node-number],`,
    `${indent}status [node-number], getmem [node-number],`,
    `${indent}getfree [node-number], getutil [node-number],`,
    `${indent}getyard, setyard [node-type], setspeed speed,`,
    `${indent}setdecay interval(seconds) slow(/1000) fast(/1000),`,
    `${indent}isup [node-number]`,
  ]
    .map(line)
    .join('');
}

/** On stdout, exit 1: a command mosctl does not have. */
export function printNoSuchOption(program: string): string {
  return line(`${program}: No such option.`);
}

/**
 * What a command that changes a setting prints: the sentence for "changed" or "already so".
 * Where the real binary was seen in one case only, that sentence stands for both.
 */
export function printReply(command: MosctlCommand, already: boolean): string {
  const { changed, already: before } = MOSCTL_REPLIES[command];
  const sentence = (already ? before ?? changed : changed ?? before) ?? '';
  return line(sentence);
}
