// `mosctl <command> [node]` against the model, with the real binary's streams and exit statuses
// (fixtures/real/traces-*.txt, the live cluster): answers on stdout, exit 0; a node that is down or
// not configured on stderr, still exit 0; the usage text on stderr, exit 1; an unknown command's
// `No such option.` on stdout, exit 1. Queries default to the local node; toggles, expel and bring
// act on the local node, as the real mosctl does.
import type { ClusterModel, EmuNode } from '../model.js';
import { findNode, freeBytes, localNode, physicalFreeBytes } from '../model.js';
import type { FlagName } from '../operations.js';
import { bring, expel, setLocalFlag } from '../operations.js';
import {
  TUNE_DEFAULTS,
  printAddressNotConfigured,
  printFreeMemory,
  printGetdecay,
  printGetload,
  printGetspeed,
  printGettune,
  printGetutil,
  printGetyard,
  printIsup,
  printMosctlUsage,
  printNoSuchOption,
  printNotConfigured,
  printRawFreeMemory,
  printReply,
  printStatus,
  printUnreachable,
  printWhoisAddress,
  printWhoisName,
  printWhoisSelf,
} from '../print/mosctl.js';
import type { MosctlCommand } from '../../../parsers/index.js';
import type { Reply } from './reply.js';
import { errZero, failErr, failOut, ok } from './reply.js';
import { NODE_FLAGS } from '../../../parsers/nodeFlags.js';


/** `stay`, `nostay` and the man page's `-stay`, and the same for each flag: the flag, on or off, and the reply's command. */
type Toggle = readonly [FlagName, boolean, MosctlCommand];
const TOGGLES: ReadonlyMap<string, Toggle> = new Map(
  NODE_FLAGS.flatMap((flag): [string, Toggle][] => {
    const off: Toggle = [flag, false, `no${flag}`];
    return [[flag, [flag, true, flag]], [`no${flag}`, off], [`-${flag}`, off]];
  }),
);

/** Per-node readings; a node that is down answers `Error: Network is unreachable` instead. */
const READINGS: Readonly<Record<string, (model: ClusterModel, node: EmuNode) => string>> = {
  getload: (_model, node) => printGetload(node.load),
  getspeed: (_model, node) => printGetspeed(node.speed),
  getmem: (model, node) => printFreeMemory(freeBytes(model, node), node.memTotalBytes),
  getfree: (model, node) => printRawFreeMemory(physicalFreeBytes(model, node), node.memTotalBytes),
  getutil: (_model, node) => printGetutil(node.util * node.cpus, node.cpus),
};

export function runMosctl(model: ClusterModel, argv: readonly string[]): Reply {
  const program = argv[0] ?? 'mosctl';
  const [command, ...args] = argv.slice(1);
  if (command === undefined) return failErr(printMosctlUsage(program));
  const reading = READINGS[command];
  if (reading) return readNode(model, args[0], (node) => (node.up ? ok(reading(model, node)) : errZero(printUnreachable())));
  const toggle = TOGGLES.get(command);
  if (toggle) {
    const [flag, on, name] = toggle;
    return ok(printReply(name, !setLocalFlag(model, flag, on)));
  }
  switch (command) {
    case 'isup':
      return readNode(model, args[0], (node) => ok(printIsup(node.up)));
    case 'status':
      return readNode(model, args[0], (node) => ok(printStatus(node.up, { ...node.flags, nomfs: node.id === model.localNode && !model.mfs })));
    case 'whois':
      return whois(model, args[0]);
    case 'getyard':
      return ok(printGetyard());
    case 'getdecay':
      return ok(printGetdecay(model.decay.interval, model.decay.slow, model.decay.fast));
    case 'gettune':
      return ok(printGettune(TUNE_DEFAULTS));
    case 'expel':
      expel(model);
      return ok(printReply('expel', false));
    case 'bring':
      bring(model);
      return ok(printReply('bring', false));
    case 'mfs':
    case 'nomfs': {
      const already = model.mfs === (command === 'mfs');
      model.mfs = command === 'mfs';
      return ok(printReply(command, already));
    }
    default:
      return setting(model, program, command, args) ?? failOut(printNoSuchOption(program));
  }
}

/**
 * setspeed / setyard / setdecay: silent on success, the usage text on a bad value. The emulator
 * knows one yardstick (10000, a Pentium III at 1 GHz), so setyard takes only that.
 */
function setting(model: ClusterModel, program: string, command: string, args: readonly string[]): Reply | null {
  if (command !== 'setspeed' && command !== 'setyard' && command !== 'setdecay') return null;
  const numbers = args.map((arg) => (/^\d+$/.test(arg) ? Number(arg) : Number.NaN));
  if (command === 'setspeed' && numbers.length === 1 && (numbers[0] ?? 0) > 0) {
    localNode(model).speed = numbers[0] ?? 0;
    return ok();
  }
  if (command === 'setyard' && numbers.length === 1 && numbers[0] === 10_000) return ok();
  if (command === 'setdecay' && numbers.length === 3 && numbers.every((value) => value >= 0)) {
    const [interval = 1, slow = 975, fast = 926] = numbers;
    model.decay = { interval, slow, fast };
    return ok();
  }
  return failErr(printMosctlUsage(program));
}

/** The node a query names (the local node without an argument), or "not configured" on stderr. */
function readNode(model: ClusterModel, arg: string | undefined, answer: (node: EmuNode) => Reply): Reply {
  const node = arg === undefined ? localNode(model) : /^\d+$/.test(arg) ? findNode(model, Number(arg)) : undefined;
  return node ? answer(node) : errZero(printNotConfigured(arg ?? '(null)'));
}

/** `whois`: this node; `whois N`: N's address; `whois IP`: the node at that address. */
function whois(model: ClusterModel, arg: string | undefined): Reply {
  if (arg === undefined) return ok(printWhoisSelf(model.localNode));
  if (/^\d+$/.test(arg)) {
    const node = findNode(model, Number(arg));
    return node ? ok(printWhoisAddress(node.ip)) : errZero(printNotConfigured(arg));
  }
  const node = model.nodes.find((candidate) => candidate.ip === arg);
  return node ? ok(printWhoisName(arg, node.id)) : errZero(printAddressNotConfigured(arg));
}
