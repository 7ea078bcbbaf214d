import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backends/backend.js';
import { withReadonly } from '../../src/backends/readonly.js';
import type { ClusterCommand } from '../../src/cluster/commands.js';
import { node, snapshot } from '../helpers/snapshots.js';

describe('withReadonly', () => {
  const performed: ClusterCommand[] = [];
  const inner: Backend = {
    name: 'openmosix',
    collect: () => Promise.resolve(snapshot([node(261)], 42)),
    perform: (command) => {
      performed.push(command);
      return Promise.resolve({ command, ok: true, message: 'ok' });
    },
    close: () => Promise.resolve(),
  };

  it('refuses every command with the flag named, and never reaches the backend', async () => {
    const backend = withReadonly(inner);
    expect(await backend.perform({ type: 'expel' })).toEqual({
      command: { type: 'expel' },
      ok: false,
      message: 'read-only mode: expel refused (started with --readonly)',
    });
    const migrate = await backend.perform({ type: 'migrate', pid: 1169, to: 'home' });
    expect(migrate.message).toBe('read-only mode: migrate 1169 home refused (started with --readonly)');
    expect(performed).toEqual([]);
  });

  it('still collects', async () => {
    const backend = withReadonly(inner);
    expect(backend.name).toBe('openmosix');
    expect((await backend.collect()).takenAt).toBe(42);
  });
});
