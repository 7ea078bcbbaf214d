// --readonly: everything is shown, nothing is changed. The refusal names the action and the
// flag, so a user who pressed a key sees why nothing happened.
import { describeAction } from '../cluster/argv.js';
import type { ActionResult, ClusterAction } from '../cluster/commands.js';
import type { Backend } from './backend.js';

export function withReadonly(backend: Backend): Backend {
  return {
    name: backend.name,
    collect: (signal?: AbortSignal) => backend.collect(signal),
    perform: (action: ClusterAction): Promise<ActionResult> =>
      Promise.resolve({ action, ok: false, message: `read-only mode: ${describeAction(action)} refused (started with --readonly)` }),
    close: () => backend.close(),
  };
}
