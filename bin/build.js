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

/**
 * dist/bundle/: the compiled modules in a few files (a chunk per lazily loaded command), which
 * bin/omtop.js prefers. Resolving and linking ~200 ES modules (zod alone is 99 files) cost more
 * than running them: `--once --json --demo` took 4.0× the CPU of `node -e 0` from dist/src, 2.6×
 * bundled. blessed and blessed-contrib stay outside (they require their own files by computed
 * names). esbuild is a development dependency (tsx runs on it too); without it (an install
 * without development dependencies), dist/src is what runs.
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
      entryPoints: [join(dist, 'src/cli.js')], outdir: out, bundle: true, splitting: true, format: 'esm', platform: 'node',
      target: 'node20', external: ['blessed', 'blessed-contrib', 'blessed-contrib/*'], logLevel: 'silent',
      plugins: [zodEnglishOnly()],
      // The CommonJS packages bundled in (jpeg-js, pngjs) require node's own modules.
      banner: { js: "import { createRequire as omtopCreateRequire } from 'node:module'; const require = omtopCreateRequire(import.meta.url);" },
    });
    // The modules that read a file next to themselves (new URL('./x', import.meta.url)) now live here.
    for (const asset of ASSETS) copyFileSync(join(root, asset), join(out, basename(asset)));
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    console.error(`omtop build: bundling failed (${String(error?.message ?? error).split('\n')[0]}); omtop will run dist/src`);
  }
}
