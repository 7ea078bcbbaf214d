#!/usr/bin/env node
// Compiles src/ and parsers/ into dist/ (run by `npm ci` through "prepare"), so that omtop starts
// without compiling TypeScript on every run. bin/omtop.js falls back to the sources when dist/ is
// missing or older than them, so a build is an optimisation, never a requirement.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
const ASSETS = ['src/launcher/blendInfo.py', 'src/launcher/renderWorker.py', 'src/launcher/slurm/task.sh'];
for (const asset of ASSETS) {
  mkdirSync(dirname(join(dist, asset)), { recursive: true });
  copyFileSync(join(root, asset), join(dist, asset));
}
await bundle();
// What the build was made from: bin/freshBuild.js compares it when file times cannot tell.
writeFileSync(join(dist, '.built'), `${JSON.stringify({ builtAt: new Date().toISOString(), sources: sourceHash(root) })}\n`);
if (!existsSync(join(dist, 'src/cli.js'))) process.exit(1);
warmCodeCache();

/**
 * dist/bundle/omtop.cjs: the compiled modules in one script, which bin/omtop.js prefers. Resolving
 * and linking ~200 ES modules (zod alone is 99 files) cost more than running them: `--once --json
 * --demo` took 4.0× the CPU of `node -e 0` from dist/src, 2.6× bundled. One script rather than ES
 * modules because Node 20 keeps no compiled code of a module, while a script compiled with vm.Script
 * can start from a V8 code cache (bin/codeCache.js): parsing and compiling the bundle was a fifth of
 * a start. The script is one function expression (see bin/codeCache.js for its parameters); the
 * lazily loaded commands stay lazy inside it (esbuild runs a module's top level on its first
 * import). blessed and blessed-contrib stay outside (they require their own files by computed
 * names). esbuild is a development dependency (tsx runs on it too); without it (an install without
 * development dependencies), dist/src is what runs.
 */
/**
 * zod re-exports every one of its 60-odd message locales (`z.locales`), 369 KB of the bundle's 755
 * that each start compiled; omtop uses none of them (zod's English default comes from its own
 * import of locales/en.js). Inside zod, `../locales/index.js` becomes that English one alone.
 */
function zodEnglishOnly() {
  return {
    name: 'zod-english-only',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (
        /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '../locales/en.js') } : undefined
      ));
    },
  };
}

async function bundle() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return;
  }
  const out = join(dist, 'bundle');
  try {
    await esbuild.build({
      stdin: { contents: "export { main, doneWhenMainReturns } from './main.js';\nexport { processIo } from './io.js';\n", resolveDir: join(dist, 'src'), sourcefile: 'omtop-bundle-entry.js' },
      outfile: join(out, 'omtop.cjs'), bundle: true, format: 'cjs', platform: 'node', target: 'node20',
      external: ['blessed', 'blessed-contrib', 'blessed-contrib/*'], logLevel: 'silent', plugins: [zodEnglishOnly()],
      // Without comments (some have non-ASCII characters): an ASCII file is read as Latin-1, which is
      // a copy, where decoding 1.5 MB of UTF-8 into a two-byte string took 20-40 ms.
      minifyWhitespace: true,
      // The modules were ES modules: strict mode, and import.meta.url is the bundle's own URL.
      define: { 'import.meta.url': '__omtopModuleUrl' },
      banner: { js: "(function (exports, require, module, __filename, __dirname, __omtopModuleUrl) {'use strict';" }, footer: { js: '})' },
    });
    // The modules that read a file next to themselves (new URL('./x', import.meta.url)) now live here.
    for (const asset of ASSETS) copyFileSync(join(root, asset), join(out, basename(asset)));
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    console.error(`omtop build: bundling failed (${String(error?.message ?? error).split('\n')[0]}); omtop will run dist/src`);
  }
}

/**
 * A first run of the bundle writes its V8 code cache when it exits (bin/codeCache.js), so the first
 * start after `npm ci` finds it. Any failure here only means that first start compiles.
 */
function warmCodeCache() {
  if (!existsSync(join(dist, 'bundle', 'omtop.cjs'))) return;
  const run = spawnSync(process.execPath, [join(root, 'bin', 'omtop.js'), '--once', '--json', '--demo'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0 || !existsSync(join(dist, 'bundle', 'omtop.cjs.cache'))) {
    console.error(`omtop build: no code cache written (${run.error?.message ?? (run.stderr.trim().split('\n')[0] || `exit ${String(run.status)}`)}); each start compiles the bundle`);
  }
}
