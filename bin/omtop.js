#!/usr/bin/env node
// Runs the compiled build when it is fresh (see bin/freshBuild.js), else the TypeScript sources
// through tsx, so a fresh clone works with or without a build step.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshBuild } from './freshBuild.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
if (process.env.OMTOP_FROM_SOURCE !== '1' && freshBuild(root)) {
  await import('../dist/src/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
