// Wraps a runner so every command also really forks: it runs /bin/true through omtop's own execa
// runner (same concurrency limit and options as for the real tools), then answers with the inner
// runner's text. The tick then costs what the forks cost, with tools that take no time themselves.
import { createExecaRunner } from '../src/runner/execaRunner.js';
import type { CommandResult, CommandRunner, RunOptions } from '../src/runner/runner.js';

export function createForkingRunner(inner: CommandRunner, standIn = 'true'): CommandRunner {
  const forks = createExecaRunner();
  return {
    async run(argv: readonly string[], options?: RunOptions): Promise<CommandResult> {
      const forked = await forks.run([standIn], options);
      if (forked.failure) throw new Error(`bench: cannot run ${standIn}: ${forked.message ?? forked.failure}`);
      return inner.run(argv, options);
    },
  };
}
