// mosctl's replies. [C] = seen in real output (tutorial, HA.pm, a Python helper); the others are
// omtop's decided reconstructions (parsers/FORMATS.md):
//   speed=26842.                               [C]
//   free memory = 217960448 of 234815488       [C]
//   This is MOSIX #261                         [C]
//   load=153   util=87%   Node #266 is up, stay=0 lstay=0 block=0 quiet=0

export interface FlagValues {
  readonly stay: boolean;
  readonly lstay: boolean;
  readonly block: boolean;
  readonly quiet: boolean;
}

const line = (text: string): string => `${text}\n`;
const bit = (on: boolean): string => (on ? '1' : '0');

export function printGetload(load: number): string {
  return line(`load=${Math.round(load)}`);
}

export function printGetspeed(speed: number): string {
  return line(`speed=${Math.round(speed)}.`);
}

/** getmem (logical free memory) and getfree (physical) share this shape; both in bytes. */
export function printFreeMemory(freeBytes: number, totalBytes: number): string {
  return line(`free memory = ${freeBytes} of ${totalBytes}`);
}

export function printGetutil(util: number): string {
  return line(`util=${Math.round(util)}%`);
}

export function printIsup(up: boolean): string {
  return line(up ? 'yes' : 'no');
}

export function printWhoisSelf(node: number): string {
  return line(`This is MOSIX #${node}`);
}

export function printWhois(node: number, address: string): string {
  return line(`MOSIX #${node} is at ${address}`);
}

export function printStatus(node: number, up: boolean, flags?: FlagValues): string {
  if (!up) return line(`Node #${node} is down`);
  if (!flags) return line(`Node #${node} is up`);
  return line(`Node #${node} is up, stay=${bit(flags.stay)} lstay=${bit(flags.lstay)} block=${bit(flags.block)} quiet=${bit(flags.quiet)}`);
}

/** `what` is the node argument as typed: mosctl prints the string, hence `Node #(null)` upstream. */
export function printNotConfigured(what: string): string {
  return line(`Node #${what} is not configured`);
}

export function printNotUp(node: number): string {
  return line(`Node #${node} is not up`);
}

export function printGetyard(yard: string): string {
  return line(`yard=${yard}`);
}

export function printGetdecay(intervalSeconds: number, slow: number, fast: number): string {
  return line(`interval=${intervalSeconds} slow=${slow} fast=${fast}`);
}

export function printGettune(values: Readonly<Record<string, number>>): string {
  return Object.entries(values)
    .map(([name, value]) => line(`${name}=${value}`))
    .join('');
}

/** The usage text, byte for byte as the tutorial shows it; the first line names argv[0] as typed. */
export function printMosctlUsage(program: string): string {
  return [
    `Usage: ${program} command`,
    'Available commands: stay/nostay, lstay/nolstay, block/noblock, quiet/noquiet,',
    'mfs/nomfs, expel, bring, gettune, getdecay,',
    'whois [mosix_no|IP-address|hostname],',
    'getload [node-number], getspeed [node-number],',
    'status [node-number], getmem [node-number],',
    'getfree [node-number], getutil [node-number],',
    'getyard, setyard [node-type], setspeed speed,',
    'setdecay interval(seconds) slow(/1000) fast(/1000),',
    'isup [node-number]',
  ]
    .map(line)
    .join('');
}

export type ToggleName = 'stay' | 'lstay' | 'block' | 'quiet';

// Only the nostay and nolstay texts were ever captured; the rest follow their shape.
const ALREADY: Readonly<Record<ToggleName, readonly [onText: string, offText: string]>> = {
  stay: ['automatic load-balancing already disabled.', 'automatic load-balancing already enabled.'],
  lstay: ['Local processes already forced to stay.', 'Local processes already allowed to leave automatically.'],
  block: ['Remote processes already blocked.', 'Remote processes already allowed to arrive.'],
  quiet: ['Load information already withheld.', 'Load information already being sent.'],
};

/** The reply when a toggle is already in the requested state. */
export function printAlready(flag: ToggleName, on: boolean): string {
  const [onText, offText] = ALREADY[flag];
  return line(on ? onText : offText);
}
