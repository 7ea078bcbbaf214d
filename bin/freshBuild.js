// Was dist/ compiled from the sources as they are now? Checked on every start so that an edited
// checkout never runs stale compiled code. First by time (a few ms for ~250 files): a build newer
// than every source and every source folder (so a deleted file counts too) is fresh. When some
// source looks newer, by content: the build records a hash of the sources, and an installed package
// (whose files all get the time they were unpacked) or a checkout touched without a change still
// runs dist/; an edit changes the hash.
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

// node:crypto only when a hash is needed: loading it was 1 % of `omtop --once`'s start-up.
const require = createRequire(import.meta.url);

const SOURCES = ['src', 'parsers'];

/**
 * Every source file, and every folder under src/ and parsers/ (a file added, deleted or renamed
 * changes its folder's time). Walked one folder at a time: readdirSync's own recursive walk cost
 * 8-14 ms of a start, this one 1-3 ms.
 */
function sourceTree(root) {
  const files = [join(root, 'package.json')];
  const folders = [];
  const walk = (folder) => {
    folders.push(folder);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`; // join() normalizing each path cost more than the stat
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  for (const dir of SOURCES) walk(join(root, dir));
  return { files, folders };
}

/** A hash of every source's path and content: what dist/.built records at build time. */
export function sourceHash(root) {
  const hash = require('node:crypto').createHash('sha256');
  for (const file of sourceTree(root).files.sort()) {
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
  const { files, folders } = sourceTree(root);
  let newest = 0;
  for (const path of [...files, ...folders]) newest = Math.max(newest, statSync(path).mtimeMs);
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
