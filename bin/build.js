#!/usr/bin/env node
// Compiles src/ and parsers/ into dist/ (run by `npm ci` through "prepare"), so that omtop starts
// without compiling TypeScript on every run. bin/omtop.js falls back to the sources when dist/ is
// missing or older than them, so a build is an optimisation, never a requirement.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceHash } from './freshBuild.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');

// typescript's package exports hide bin/tsc from require.resolve, so find it on disk.
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  console.error('omtop build: typescript is not installed (npm ci --omit=dev?); omtop will run from its sources');
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.error('omtop build: tsc failed; omtop will run from its sources');
  process.exit(1);
}
// Files the compiled code reads next to itself.
for (const asset of ['src/launcher/blendInfo.py', 'src/launcher/renderWorker.py', 'src/launcher/slurm/task.sh']) {
  mkdirSync(dirname(join(dist, asset)), { recursive: true });
  copyFileSync(join(root, asset), join(dist, asset));
}
// What the build was made from: bin/freshBuild.js compares it when file times cannot tell.
writeFileSync(join(dist, '.built'), `${JSON.stringify({ builtAt: new Date().toISOString(), sources: sourceHash(root) })}\n`);
if (!existsSync(join(dist, 'src/cli.js'))) process.exit(1);
