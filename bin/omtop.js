#!/usr/bin/env node
// Runs the compiled build when it is fresh (see bin/freshBuild.js), else the TypeScript sources
// through tsx, so an edited checkout never runs stale code. tsx is a development dependency: a
// checkout has it (npm ci), and an installed package runs its dist/, built by "prepare".
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBuild } from './freshBuild.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
if (process.env.OMTOP_FROM_SOURCE !== '1' && freshBuild(root)) {
  // The bundle when the build made one (see bin/build.js), with its code cache, else the compiled modules.
  const bundle = join(root, 'dist/bundle/omtop.cjs');
  if (existsSync(bundle)) {
    const { main, processIo, doneWhenMainReturns } = (await import('./codeCache.js')).loadBundle(bundle).exports;
    const argv = process.argv.slice(2);
    process.exitCode = await main(argv, processIo());
    // A command that is done, with no child process left: exit once its output is out, rather
    // than after Node has freed everything (the 'exit' handlers still run).
    if (doneWhenMainReturns(argv) && !process.getActiveResourcesInfo().includes('ProcessWrap')) {
      await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => {
        stream.write('', () => resolve());
      })));
      process.exit();
    }
  } else {
    await import('../dist/src/cli.js');
  }
} else {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    process.stderr.write('omtop: dist/ is missing or older than the sources, and tsx (a development dependency) '
      + 'is not installed to run them: run `npm ci` in the omtop folder, or `npm run build`\n');
    process.exit(1);
  }
  tsx.register();
  await import('../src/cli.ts');
}
