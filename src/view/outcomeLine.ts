// What a cluster command did, in words that name its target and its result (`node 261: stay on
// (no automatic migration away)`, `migrate 1181 home: already home`). Built from the command's
// outcome AND the cluster read again after it: the real tools often do not say — migrate prints
// nothing and exits 0 whether or not the process moved, and no tool lists a node's guests.
import { describeCommand } from '../cluster/argv.js';
import type { ClusterCommand, CommandOutcome, NodeFlag, OpenMosixCommand } from '../cluster/commands.js';
import { isSlurmCommand } from '../cluster/commands.js';
import { commandTarget, FLAG_NAMES } from '../cluster/target.js';
import type { ClusterSnapshot, NodeSnapshot, ProcessSnapshot } from '../model/snapshot.js';

export interface OutcomeLine {
  /** The status line. */
  readonly text: string;
  /** false: the command failed, or the cluster read afterwards shows it did not take effect. */
  readonly ok: boolean;
  /** The event log's line: the status line plus the tool's own words, when it said something. */
  readonly log: string;
}

export interface OutcomeInput {
  readonly command: ClusterCommand;
  readonly outcome: CommandOutcome;
  /** The latest snapshot when the command was sent, and the one read after it; null when there was none. */
  readonly before: ClusterSnapshot | null;
  readonly after: ClusterSnapshot | null;
}

const FLAG_MEANINGS: Readonly<Record<NodeFlag, readonly [on: string, off: string]>> = {
  stay: ['no automatic migration away', 'processes may migrate away again'],
  lstay: ['local processes stay here', 'local processes may leave again'],
  block: ['guest processes refused', 'guest processes accepted again'],
  quiet: ['no load-balancing messages', 'load balancing active again'],
};

const localOf = (snapshot: ClusterSnapshot | null): NodeSnapshot | undefined => snapshot?.nodes.find((n) => n.isLocal);
const processIn = (snapshot: ClusterSnapshot | null, pid: number): ProcessSnapshot | undefined =>
  snapshot?.processes.find((p) => p.pid === pid);

/** What the tool printed, without the `expel: ` label the backend puts first; '' when it said nothing but "ok". */
function toolWords(command: ClusterCommand, message: string): string {
  const label = `${describeCommand(command)}: `;
  const words = message.startsWith(label) ? message.slice(label.length) : message;
  return words.trim() === 'ok' ? '' : words.trim();
}

type Result = readonly [text: string, ok: boolean];

/** The whole line for a flag: `node 261: stay on (no automatic migration away)`. */
function flagLine(command: Extract<OpenMosixCommand, { type: 'setFlag' }>, localNode: number | string, after: ClusterSnapshot | null): Result {
  const [onMeaning, offMeaning] = FLAG_MEANINGS[command.flag];
  const target = commandTarget(command, localNode);
  const now = localOf(after)?.flags[command.flag];
  if (now === undefined) return [`${target}: requested; not read back yet`, true];
  if (now !== command.on) {
    return [`node ${localNode}: ${FLAG_NAMES[command.flag]} is still ${now ? 'on' : 'off'} after mosctl ${describeCommand(command)}`, false];
  }
  return [`${target} (${command.on ? onMeaning : offMeaning})`, true];
}

function loadChange(before: ClusterSnapshot | null, after: ClusterSnapshot | null): string {
  const was = localOf(before)?.load;
  const now = localOf(after)?.load;
  if (now === undefined || now === null) return '';
  return was === undefined || was === null ? `; load now ${Math.round(now)}` : `; load ${Math.round(was)} → ${Math.round(now)}`;
}

function bringResult(after: ClusterSnapshot | null): Result {
  if (after === null) return ['requested; not read back yet', true];
  const away = after.processes.filter((p) => p.home === after.localNode && p.node !== after.localNode);
  if (away.length === 0) return ['all our processes are home', true];
  const nodes = [...new Set(away.map((p) => `N${p.node}`))].slice(0, 3).join(', ');
  return [`${away.length} of our processes still away (on ${nodes})`, false];
}

function migrateResult(command: Extract<OpenMosixCommand, { type: 'migrate' }>, before: ClusterSnapshot | null, after: ClusterSnapshot | null): Result {
  const was = processIn(before, command.pid);
  const now = processIn(after, command.pid);
  if (after !== null && now === undefined) return [`process ${command.pid} is gone (it exited)`, false];
  const local = localOf(before ?? after);
  if (command.to === 'balance') {
    // The balancer never moves a process its node keeps: say which setting holds it.
    if (was !== undefined && local !== undefined && was.node === local.id) {
      if (local.flags.lstay === true && was.home === local.id) return ['lstay is on, it stays', true];
      if (local.flags.stay === true) return ['stay is on, it stays', true];
    }
    if (now === undefined) return ['handed to the balancer; not read back yet', true];
    if (was !== undefined && was.node !== now.node) return [`moved to N${now.node} (was N${was.node})`, true];
    return [`handed to the balancer; on N${now.node} for now`, true];
  }
  const target = command.to === 'home' ? (was ?? now)?.home : command.to;
  const where = command.to === 'home' ? 'home' : `on N${command.to}`;
  if (was !== undefined && was.node === target) return [`already ${where}`, true];
  if (now === undefined) return ['sent; not read back yet', true];
  if (now.node === target) return [command.to === 'home' ? `now home on N${now.node}${was ? ` (was N${was.node})` : ''}` : `now on N${now.node}${was ? ` (was N${was.node})` : ''}`, true];
  // migrate prints nothing either way: only the process table says it did not move.
  return [`still on N${now.node}; migrate does not say why (the process may be unmovable, or the node refused it)`, false];
}

function signalResult(command: Extract<OpenMosixCommand, { type: 'signal' }>, after: ClusterSnapshot | null): Result {
  const now = processIn(after, command.pid);
  if (after === null) return ['sent', true];
  if (now === undefined) return ['it has exited', true];
  if (command.signal === 'STOP') return [now.stat.startsWith('T') ? `stopped (state ${now.stat})` : `sent; state ${now.stat}`, true];
  if (command.signal === 'CONT') return [`sent; state ${now.stat}`, true];
  return [`sent; still running (state ${now.stat})`, true];
}

/** What followed a command other than a flag, to go after its target. */
function result(command: Exclude<OpenMosixCommand, { type: 'setFlag' }>, before: ClusterSnapshot | null, after: ClusterSnapshot | null): Result {
  switch (command.type) {
    case 'expel':
      return [`guests sent away${loadChange(before, after)}`, true];
    case 'bring':
      return bringResult(after);
    case 'migrate':
      return migrateResult(command, before, after);
    case 'signal':
      return signalResult(command, after);
  }
}

export function describeOutcome(input: OutcomeInput): OutcomeLine {
  const { command, outcome, before, after } = input;
  if (isSlurmCommand(command)) return { text: outcome.message, ok: outcome.ok, log: outcome.message };
  const localNode = (before ?? after)?.localNode ?? '?';
  const target = commandTarget(command, localNode);
  const words = toolWords(command, outcome.message);
  if (!outcome.ok) {
    const text = `${target} failed: ${words === '' ? outcome.message : words}`;
    return { text, ok: false, log: text };
  }
  let text: string;
  let ok: boolean;
  if (command.type === 'setFlag') {
    [text, ok] = flagLine(command, localNode, after);
  } else {
    const [said, good] = result(command, before, after);
    [text, ok] = [`${target}: ${said}`, good];
  }
  return { text, ok, log: words === '' ? text : `${text} (the tool said: ${words})` };
}
