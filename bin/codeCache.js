// Runs dist/bundle/omtop.cjs (see bin/build.js) with a V8 code cache next to it, so a start
// deserializes the compiled functions instead of parsing and compiling the bundle again. Node 20
// caches no ES module's code (module.enableCompileCache is Node 22), so the bundle is one script:
// a function expression taking (exports, require, module, __filename, __dirname, moduleUrl),
// compiled here with vm.Script and its cachedData.
//
// The cache belongs to one bundle file: its first line names the bundle's size and time, and V8
// itself refuses data made by another V8 version or with other flags (cachedDataRejected). A
// cache that is missing, for another bundle or refused is not used; the run then compiles as
// without one, and at exit writes a new cache where it may (a read-only install keeps compiling).
import { isAscii } from 'node:buffer';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const MAGIC = 'omtop-code-cache';

/** The first line of a cache file: which bundle (size and modification time) its code is for. */
function header(bundleStat) {
  return `${MAGIC} ${bundleStat.size} ${bundleStat.mtimeMs}\n`;
}

/** The cached data when `cacheFile` was written for this bundle, else undefined. */
export function readCodeCache(cacheFile, bundleStat) {
  let data;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return undefined; // no cache yet: compile, and write one at exit
  }
  const expected = header(bundleStat);
  if (data.length <= expected.length || data.toString('latin1', 0, expected.length) !== expected) return undefined;
  return data.subarray(expected.length);
}

/** Writes the script's code cache for this bundle; false (and nothing written) where it cannot. */
export function writeCodeCache(cacheFile, bundleStat, script) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(header(bundleStat), 'latin1'), script.createCachedData()]));
    // Whole or not at all, also when several omtop start at once.
    renameSync(temporary, cacheFile);
    return true;
  } catch {
    // A read-only install or a full disk: the cache is only an optimisation, each start compiles.
    // What was written of it goes (force: nothing may have been), so a full disk gains no file per start.
    rmSync(temporary, { force: true });
    return false;
  }
}

/**
 * Compiles the bundle (from its cache when that is valid) and returns its exports, plus whether
 * the cache was used. Without a usable cache, one is written when the process exits, after this
 * run compiled the functions it needed, so the next start finds those too.
 */
export function loadBundle(bundleFile, { cacheFile = `${bundleFile}.cache`, atExit = (write) => process.once('exit', write) } = {}) {
  const bundleStat = statSync(bundleFile);
  const cachedData = readCodeCache(cacheFile, bundleStat);
  const bytes = readFileSync(bundleFile);
  // ASCII (the build makes it so) is Latin-1 too, and Latin-1 is a plain copy; else UTF-8.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new vm.Script(source, {
    filename: bundleFile,
    ...(cachedData === undefined ? {} : { cachedData }),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  if (!cacheUsed) atExit(() => writeCodeCache(cacheFile, bundleStat, script));
  const module = { exports: {} };
  const factory = script.runInThisContext();
  factory(module.exports, createRequire(bundleFile), module, bundleFile, dirname(bundleFile), pathToFileURL(bundleFile).href);
  return { exports: module.exports, cacheUsed };
}
