import { describe, expect, it } from 'vitest';
import { abilityOf, canDo, unavailableCommand, unavailableLine } from '../../src/cluster/abilities.js';

describe('abilities', () => {
  it('openMosix and the demo do everything openMosix does; the local backend only signals; Slurm only its own', () => {
    for (const backend of ['openmosix', 'demo']) {
      expect(['mosctl', 'migrate', 'signal'].every((a) => canDo(backend, a as 'mosctl'))).toBe(true);
      expect(canDo(backend, 'slurm')).toBe(false);
    }
    expect(canDo('local', 'signal')).toBe(true);
    expect(canDo('local', 'mosctl')).toBe(false);
    expect(canDo('local', 'migrate')).toBe(false);
    expect(canDo('slurm', 'slurm')).toBe(true);
    expect(canDo('slurm', 'migrate')).toBe(false);
  });

  it('knows what each command needs', () => {
    expect(abilityOf({ type: 'expel' })).toBe('mosctl');
    expect(abilityOf({ type: 'setFlag', flag: 'stay', on: true })).toBe('mosctl');
    expect(abilityOf({ type: 'migrate', pid: 1, to: 'home' })).toBe('migrate');
    expect(abilityOf({ type: 'signal', pid: 1, signal: 'TERM' })).toBe('signal');
    expect(abilityOf({ type: 'drain', node: 'n1', reason: 'x' })).toBe('slurm');
  });

  it('says "cannot" in one sentence, for keys and commands alike', () => {
    expect(unavailableCommand({ type: 'migrate', pid: 7, to: 'home' }, 'local')).toBe('migrate 7 home needs openMosix (migrate); the local backend cannot run it');
    expect(unavailableLine('"expel guest processes from this node"', 'mosctl', 'slurm'))
      .toBe('"expel guest processes from this node" needs openMosix (mosctl); the slurm backend cannot run it');
  });
});
