// --readonly: everything is shown, nothing is changed. The refusal names the command and the
// flag, so a user who pressed a key sees why nothing happened.
import { describeCommand } from '../cluster/argv.js';
import type { ClusterCommand, CommandOutcome } from '../cluster/commands.js';
import type { Backend, CollectContext } from './backend.js';

export function withReadonly(backend: Backend): Backend {
  return {
    name: backend.name,
    collect: (signal?: AbortSignal, context?: CollectContext) => backend.collect(signal, context),
    perform: (command: ClusterCommand): Promise<CommandOutcome> =>
      Promise.resolve({ command, ok: false, message: `read-only mode: ${describeCommand(command)} refused (started with --readonly)` }),
    close: () => backend.close(),
    // Reading a job's details changes nothing: allowed read-only.
    ...(backend.jobDetails ? { jobDetails: (job: string) => backend.jobDetails?.(job) ?? Promise.resolve({ ok: false as const, message: 'no job details' }) } : {}),
  };
}
