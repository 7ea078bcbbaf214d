// `mosctl <command> [node]` against the model. Queries default to the local node; toggles,
// expel and bring act on the local node, as the real mosctl does.
import { HYSTERESIS } from '../balancer.js';
import type { ClusterModel, EmuNode } from '../model.js';
import { findNode, freeBytes, localNode, physicalFreeBytes } from '../model.js';
import type { FlagName } from '../operations.js';
import { bring, expel, setLocalFlag } from '../operations.js';
import {
  printAlready,
  printFreeMemory,
  printGetdecay,
  printGetload,
  printGetspeed,
  printGettune,
  printGetutil,
  printGetyard,
  printIsup,
  printMosctlUsage,
  printNotConfigured,
  printNotUp,
  printStatus,
  printWhois,
  printWhoisSelf,
} from '../print/mosctl.js';
import type { Reply } from './reply.js';
import { failOut, ok } from './reply.js';

const TOGGLES: Readonly<Record<string, readonly [FlagName, boolean]>> = {
  stay: ['stay', true],
  nostay: ['stay', false],
  '-stay': ['stay', false],
  lstay: ['lstay', true],
  nolstay: ['lstay', false],
  '-lstay': ['lstay', false],
  block: ['block', true],
  noblock: ['block', false],
  '-block': ['block', false],
  quiet: ['quiet', true],
  noquiet: ['quiet', false],
  '-quiet': ['quiet', false],
};

/** Per-node readings that need the node to be up. */
const READINGS: Readonly<Record<string, (model: ClusterModel, node: EmuNode) => string>> = {
  getload: (_model, node) => printGetload(node.load),
  getspeed: (_model, node) => printGetspeed(node.speed),
  getmem: (model, node) => printFreeMemory(freeBytes(model, node), node.memTotalBytes),
  getfree: (model, node) => printFreeMemory(physicalFreeBytes(model, node), node.memTotalBytes),
  getutil: (_model, node) => printGetutil(node.util),
};

export function runMosctl(model: ClusterModel, argv: readonly string[]): Reply {
  const program = argv[0] ?? 'mosctl';
  const [command, ...args] = argv.slice(1);
  const usage = failOut(printMosctlUsage(program));
  if (command === undefined) return usage;
  const reading = READINGS[command];
  if (reading) return readNode(model, args[0], (node) => reading(model, node));
  const toggle = TOGGLES[command];
  if (toggle) {
    const [flag, on] = toggle;
    return setLocalFlag(model, flag, on) ? ok() : ok(printAlready(flag, on));
  }
  switch (command) {
    case 'isup': {
      const node = resolveNode(model, args[0]);
      return ok(printIsup(node?.up ?? false));
    }
    case 'status':
      return status(model, args[0]);
    case 'whois':
      return whois(model, args[0]);
    case 'getyard':
      return ok(printGetyard(localNode(model).yard));
    case 'getdecay':
      return ok(printGetdecay(model.decay.interval, model.decay.slow, model.decay.fast));
    case 'gettune':
      return ok(printGettune(tuneValues(model)));
    case 'expel':
      expel(model);
      return ok();
    case 'bring':
      bring(model);
      return ok();
    case 'mfs':
    case 'nomfs':
      model.mfs = command === 'mfs';
      return ok();
    default:
      return setting(model, command, args) ?? usage;
  }
}

/** setspeed / setyard / setdecay: silent on success, the usage text on a bad value. */
function setting(model: ClusterModel, command: string, args: readonly string[]): Reply | null {
  const numbers = args.map((arg) => (/^\d+$/.test(arg) ? Number(arg) : Number.NaN));
  if (command === 'setspeed' && numbers.length === 1 && (numbers[0] ?? 0) > 0) {
    localNode(model).speed = numbers[0] ?? 0;
    return ok();
  }
  if (command === 'setyard' && args.length === 1 && args[0]) {
    localNode(model).yard = args[0];
    return ok();
  }
  if (command === 'setdecay' && numbers.length === 3 && numbers.every((value) => value >= 0)) {
    const [interval = 1, slow = 975, fast = 926] = numbers;
    model.decay = { interval, slow, fast };
    return ok();
  }
  return null;
}

function resolveNode(model: ClusterModel, arg: string | undefined): EmuNode | undefined {
  if (arg === undefined) return localNode(model);
  return /^\d+$/.test(arg) ? findNode(model, Number(arg)) : undefined;
}

function readNode(model: ClusterModel, arg: string | undefined, read: (node: EmuNode) => string): Reply {
  const node = resolveNode(model, arg);
  if (!node) return failOut(printNotConfigured(arg ?? '(null)'));
  if (!node.up) return failOut(printNotUp(node.id));
  return ok(read(node));
}

function status(model: ClusterModel, arg: string | undefined): Reply {
  const node = resolveNode(model, arg);
  if (!node) return failOut(printNotConfigured(arg ?? '(null)'));
  return ok(printStatus(node.id, node.up, node.up ? node.flags : undefined));
}

function whois(model: ClusterModel, arg: string | undefined): Reply {
  if (arg === undefined) return ok(printWhoisSelf(model.localNode));
  const node = model.nodes.find((candidate) => String(candidate.id) === arg || candidate.ip === arg);
  return node ? ok(printWhois(node.id, node.ip)) : failOut(printNotConfigured(arg));
}

/** The real parameter names are unknown ([I]); these are the model's own knobs. */
function tuneValues(model: ClusterModel): Record<string, number> {
  return { load_margin: HYSTERESIS, mfs: model.mfs ? 1 : 0 };
}
