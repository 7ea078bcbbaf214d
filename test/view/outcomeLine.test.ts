import { describe, expect, it } from 'vitest';
import type { ClusterCommand, CommandOutcome } from '../../src/cluster/commands.js';
import type { ClusterSnapshot } from '../../src/model/snapshot.js';
import { describeOutcome } from '../../src/view/outcomeLine.js';
import { fakeNode, fakeSnapshot } from '../helpers/fakeBackend.js';

const ok = (command: ClusterCommand, message = 'ok'): CommandOutcome => ({ command, ok: true, message });
const before = fakeSnapshot();
const withLocal = (snapshot: ClusterSnapshot, patch: Parameters<typeof fakeNode>[1]): ClusterSnapshot => ({
  ...snapshot, nodes: snapshot.nodes.map((n) => (n.isLocal ? { ...n, ...patch } : n)),
});
const line = (command: ClusterCommand, after: ClusterSnapshot | null, outcome = ok(command), from: ClusterSnapshot | null = before) =>
  describeOutcome({ command, outcome, before: from, after });

describe('describeOutcome: the target and the result, in words', () => {
  it('a flag names the node and what the flag means, once the node reads back with it', () => {
    const stay = { type: 'setFlag', flag: 'stay', on: true } as const;
    const after = withLocal(before, { flags: { stay: true } });
    const said = 'stay: Automatic load-balancing disabled: no processes will leave This node (except by an explicit request)';
    expect(line(stay, after, ok(stay, said))).toEqual({
      text: 'node 261: stay on (no automatic migration away)', ok: true,
      log: 'node 261: stay on (no automatic migration away) (the tool said: Automatic load-balancing disabled: no processes will leave This node (except by an explicit request))',
    });
    const lockOff = { type: 'setFlag', flag: 'lstay', on: false } as const;
    expect(line(lockOff, withLocal(before, { flags: { lstay: false } })).text).toBe('node 261: lock (lstay) off (local processes may leave again)');
    // A node whose flags cannot be read (yet) is not claimed either way.
    expect(line(lockOff, before).text).toBe('node 261: lock (lstay) off: requested; not read back yet');
    // The tool answered, but the node did not change: say so, not "ok".
    expect(line(stay, withLocal(before, { flags: { stay: false } }))).toMatchObject({ text: 'node 261: stay is still off after mosctl stay', ok: false });
  });

  it('expel names the node and what can be read afterwards (no tool lists a node\'s guests)', () => {
    const after = withLocal(before, { load: 105 });
    expect(line({ type: 'expel' }, after).text).toBe('expel from 261: guests sent away; load 143 → 105');
  });

  it('bring counts our processes still away, and where', () => {
    expect(line({ type: 'bring' }, before)).toMatchObject({ text: 'bring home to 261: 3 of our processes still away (on N262, N265, N266)', ok: false });
    const home = { ...before, processes: before.processes.map((p) => ({ ...p, node: 261, migrated: false })) };
    expect(line({ type: 'bring' }, home)).toMatchObject({ text: 'bring home to 261: all our processes are home', ok: true });
  });

  it('migrate home: already home, now home, or still away (migrate itself prints nothing)', () => {
    const home = { type: 'migrate', pid: 4101, to: 'home' } as const;
    expect(line(home, before).text).toBe('migrate 4101 home: already home');
    const away = { type: 'migrate', pid: 4103, to: 'home' } as const;
    const moved = { ...before, processes: before.processes.map((p) => (p.pid === 4103 ? { ...p, node: 261 } : p)) };
    expect(line(away, moved).text).toBe('migrate 4103 home: now home on N261 (was N265)');
    expect(line(away, before)).toMatchObject({
      text: 'migrate 4103 home: still on N265; migrate does not say why (the process may be unmovable, or the node refused it)', ok: false,
    });
    const gone = { ...before, processes: before.processes.filter((p) => p.pid !== 4103) };
    expect(line(away, gone)).toMatchObject({ text: 'migrate 4103 home: process 4103 is gone (it exited)', ok: false });
  });

  it('migrate to a node says where the process is now', () => {
    const to = { type: 'migrate', pid: 4101, to: 266 } as const;
    const moved = { ...before, processes: before.processes.map((p) => (p.pid === 4101 ? { ...p, node: 266 } : p)) };
    expect(line(to, moved).text).toBe('migrate 4101 to N266: now on N266 (was N261)');
    expect(line({ type: 'migrate', pid: 4104, to: 266 }, before).text).toBe('migrate 4104 to N266: already on N266');
  });

  it('balance says which setting keeps a process where it is', () => {
    const balance = { type: 'migrate', pid: 4101, to: 'balance' } as const;
    const locked = withLocal(before, { flags: { lstay: true } });
    expect(line(balance, locked, ok(balance), locked).text).toBe('balance 4101: lstay is on, it stays');
    // The fake snapshot's local node has stay on.
    expect(line(balance, before).text).toBe('balance 4101: stay is on, it stays');
    const free = withLocal(before, { flags: {} });
    const moved = { ...free, processes: free.processes.map((p) => (p.pid === 4101 ? { ...p, node: 265 } : p)) };
    expect(line(balance, moved, ok(balance), free).text).toBe('balance 4101: moved to N265 (was N261)');
    expect(line(balance, free, ok(balance), free).text).toBe('balance 4101: handed to the balancer; on N261 for now');
  });

  it('a signal says what became of the process', () => {
    const stop = { type: 'signal', pid: 4101, signal: 'STOP' } as const;
    const stopped = { ...before, processes: before.processes.map((p) => (p.pid === 4101 ? { ...p, stat: 'T' } : p)) };
    expect(line(stop, stopped).text).toBe('STOP to 4101: stopped (state T)');
    const term = { type: 'signal', pid: 4101, signal: 'TERM' } as const;
    expect(line(term, { ...before, processes: [] }).text).toBe('TERM to 4101: it has exited');
  });

  it('a failure names the target and gives the tool\'s own words', () => {
    const home = { type: 'migrate', pid: 31999, to: 'home' } as const;
    const failed: CommandOutcome = { command: home, ok: false, message: 'migrate 31999 home: No such process (31999).' };
    expect(line(home, before, failed)).toEqual({ text: 'migrate 31999 home failed: No such process (31999).', ok: false, log: 'migrate 31999 home failed: No such process (31999).' });
    const refused: CommandOutcome = { command: { type: 'expel' }, ok: false, message: 'expel needs openMosix (mosctl); the local backend cannot run it' };
    expect(line({ type: 'expel' }, before, refused).text).toBe('expel from 261 failed: expel needs openMosix (mosctl); the local backend cannot run it');
  });

  it('before the first reading names the node as unknown rather than guessing', () => {
    expect(line({ type: 'expel' }, null, ok({ type: 'expel' }), null).text).toBe('expel from ?: guests sent away');
  });
});
