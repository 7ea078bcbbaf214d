// Was dist/ compiled from the sources as they are now? Checked on every start so that an edited
// checkout never runs stale compiled code. First by time (a few ms for ~200 files): a build newer
// than every source is fresh. When some source looks newer, by content: the build records a hash of
// the sources, and an installed package (whose files all get the time they were unpacked) or a
// checkout touched without a change still runs dist/; an edit changes the hash.
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

// node:crypto only when a hash is needed: loading it was 1 % of `omtop --once`'s start-up.
const require = createRequire(import.meta.url);

const SOURCES = ['src', 'parsers'];

function sourceFiles(root) {
  const files = [join(root, 'package.json')];
  for (const dir of SOURCES) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(join(entry.parentPath ?? entry.path, entry.name));
    }
  }
  return files;
}

/** A hash of every source's path and content: what dist/.built records at build time. */
export function sourceHash(root) {
  const hash = require('node:crypto').createHash('sha256');
  for (const file of sourceFiles(root).sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function recordedHash(marker) {
  try {
    return JSON.parse(readFileSync(marker, 'utf8')).sources ?? null;
  } catch {
    return null;
  }
}

export function freshBuild(root) {
  const marker = join(root, 'dist', '.built');
  let built;
  try {
    built = statSync(marker).mtimeMs;
  } catch {
    return false;
  }
  const newest = sourceFiles(root).reduce((max, file) => Math.max(max, statSync(file).mtimeMs), 0);
  if (built >= newest) return true;
  const recorded = recordedHash(marker);
  if (recorded === null || recorded !== sourceHash(root)) return false;
  try {
    // Same sources: mark the build as newer, so the next start needs only the times.
    const now = new Date();
    utimesSync(marker, now, now);
  } catch {
    // A read-only install: every start compares the hash (about 10 ms), still without compiling.
  }
  return true;
}
