// bin/codeCache.js: the bundle starts from a V8 code cache when one was written for it; a missing,
// foreign or corrupt cache is never used (the bundle compiles as without one) and is replaced.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundle, readCodeCache } from '../../bin/codeCache.js';

const BIN = fileURLToPath(new URL('../../bin/', import.meta.url));
let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** A bundle script as bin/build.js writes it: one function expression over the module's parameters. */
function bundleSource(answer: number): string {
  return '(function (exports, require, module, __filename, __dirname, __omtopModuleUrl) {\'use strict\';\n'
    + `function answer() { return ${answer}; }\n`
    + 'exports.answer = answer; exports.where = [__filename, __dirname, __omtopModuleUrl]; exports.sep = require("node:path").sep;\n})';
}

function writeBundle(answer: number): string {
  dir ||= mkdtempSync(join(tmpdir(), 'omtop-cache-'));
  const file = join(dir, 'omtop.cjs');
  writeFileSync(file, bundleSource(answer));
  return file;
}

/** Loads the bundle; the cache writer it would run at exit runs at once instead. */
function load(file: string): { answer: number; cacheUsed: boolean; wrote: boolean | null } {
  let wrote: boolean | null = null;
  const { exports, cacheUsed } = loadBundle(file, { atExit: (write) => { wrote = write(); } });
  return { answer: (exports.answer as () => number)(), cacheUsed, wrote };
}

describe('loadBundle', () => {
  it('runs the bundle with its file, folder, URL and a require of its own', () => {
    const file = writeBundle(1);
    const { exports } = loadBundle(file, { atExit: () => undefined });
    expect(exports.where).toEqual([file, dir, pathToFileURL(file).href]);
    expect(exports.sep).toBe('/');
  });

  it('compiles without a cache and writes one, which the next start uses', () => {
    const file = writeBundle(1);
    expect(load(file)).toEqual({ answer: 1, cacheUsed: false, wrote: true });
    expect(existsSync(`${file}.cache`)).toBe(true);
    expect(load(file)).toEqual({ answer: 1, cacheUsed: true, wrote: null });
  });

  it('never uses the cache of another bundle, even one of the same length', () => {
    const file = writeBundle(1);
    load(file);
    writeFileSync(file, bundleSource(2));
    const later = new Date(statSync(file).mtimeMs + 5000);
    utimesSync(file, later, later);
    expect(load(file)).toEqual({ answer: 2, cacheUsed: false, wrote: true });
    expect(load(file)).toEqual({ answer: 2, cacheUsed: true, wrote: null });
  });

  it('still runs when V8 refuses the cached data (corrupt, or from another V8), and replaces it', () => {
    // A source this process never compiled (V8 would find a compiled one in its own memory first).
    const file = writeBundle(3);
    const stat = statSync(file);
    // The right first line, so only V8's own check (cachedDataRejected) can refuse it.
    writeFileSync(`${file}.cache`, `omtop-code-cache ${stat.size} ${stat.mtimeMs}\n${'x'.repeat(4000)}`);
    expect(readCodeCache(`${file}.cache`, stat)?.length).toBe(4000);
    expect(load(file)).toEqual({ answer: 3, cacheUsed: false, wrote: true });
    expect(readFileSync(`${file}.cache`, 'latin1')).not.toContain('xxxx');
  });

  it('ignores a cache file that is empty or has no header', () => {
    const file = writeBundle(4);
    for (const content of ['', 'garbage\n', 'omtop-code-cache 1 2\n']) {
      writeFileSync(`${file}.cache`, content);
      expect(readCodeCache(`${file}.cache`, statSync(file))).toBeUndefined();
      expect(load(file).answer).toBe(4);
    }
  });

  it('leaves no half-written cache behind when it cannot put the cache in place', () => {
    const file = writeBundle(6);
    const dir = dirname(file);
    const cacheFile = join(dir, 'taken');
    mkdirSync(join(cacheFile, 'by-a-folder'), { recursive: true });
    let wrote: boolean | null = null;
    loadBundle(file, { cacheFile, atExit: (write) => { wrote = write(); } });
    expect(wrote).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('runs, and writes nothing, where the cache cannot be written', () => {
    const file = writeBundle(5);
    const cacheFile = join(dir, 'no-such-folder', 'omtop.cjs.cache');
    let wrote: boolean | null = null;
    const { exports, cacheUsed } = loadBundle(file, { cacheFile, atExit: (write) => { wrote = write(); } });
    expect([(exports.answer as () => number)(), cacheUsed, wrote]).toEqual([5, false, false]);
    expect(existsSync(cacheFile)).toBe(false);
  });
});

describe('bin/omtop.js with a bundle', () => {
  /** A checkout whose fresh build is a bundle that prints its argv; the bin files are the real ones. */
  function checkout(): string {
    dir = mkdtempSync(join(tmpdir(), 'omtop-bin-cache-'));
    mkdirSync(join(dir, 'bin'));
    for (const file of ['omtop.js', 'freshBuild.js', 'codeCache.js']) copyFileSync(join(BIN, file), join(dir, 'bin', file));
    for (const folder of ['src', 'parsers', 'dist/bundle']) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(dir, 'dist/bundle/omtop.cjs'), '(function (exports, require, module, __filename, __dirname, __omtopModuleUrl) {\'use strict\';\n'
      + 'exports.processIo = () => ({ stdout: process.stdout });\nexports.doneWhenMainReturns = () => true;\n'
      + 'exports.main = async (argv, io) => { io.stdout.write(`bundle ran: ${argv.join(" ")}\\n`); return 3; };\n})');
    writeFileSync(join(dir, 'dist/.built'), '{}\n');
    return dir;
  }

  function omtop(root: string): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(process.execPath, [join(root, 'bin', 'omtop.js'), '--once', '--json'], { encoding: 'utf8', cwd: root, timeout: 20_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it('exits at once after a one-shot command, yet only once all of its output is out', () => {
    const root = checkout();
    writeFileSync(join(root, 'dist/bundle/omtop.cjs'), '(function (exports, require, module, __filename, __dirname, __omtopModuleUrl) {\'use strict\';\n'
      + 'exports.processIo = () => ({ stdout: process.stdout });\nexports.doneWhenMainReturns = () => true;\n'
      + 'exports.main = async (argv, io) => { io.stdout.write("x".repeat(4 * 1024 * 1024)); process.stderr.write("done\\n"); return 4; };\n})');
    const run = spawnSync(process.execPath, [join(root, 'bin', 'omtop.js'), '--once'], { encoding: 'utf8', cwd: root, timeout: 20_000, maxBuffer: 16 * 1024 * 1024 });
    expect([run.status, run.stdout.length, run.stderr]).toEqual([4, 4 * 1024 * 1024, 'done\n']);
  });

  it('runs the bundle, writes its cache at exit, and still runs when the cache is corrupt', () => {
    const root = checkout();
    const cacheFile = join(root, 'dist/bundle/omtop.cjs.cache');
    expect(omtop(root)).toEqual({ status: 3, stdout: 'bundle ran: --once --json\n', stderr: '' });
    expect(existsSync(cacheFile)).toBe(true);
    const header = readFileSync(cacheFile).subarray(0, readFileSync(cacheFile).indexOf(10) + 1);
    writeFileSync(cacheFile, Buffer.concat([header, Buffer.from('not V8 code at all')]));
    expect(omtop(root)).toEqual({ status: 3, stdout: 'bundle ran: --once --json\n', stderr: '' });
    expect(readFileSync(cacheFile).length).toBeGreaterThan(header.length + 100);
  });
});
