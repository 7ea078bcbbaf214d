// Is dist/ at least as new as every source it was compiled from? Checked on every start (a few ms
// for ~200 files) so that an edited checkout never runs stale compiled code.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'parsers'];

function newestSource(root) {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  for (const dir of SOURCES) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return newest;
}

export function freshBuild(root) {
  let built;
  try {
    built = statSync(join(root, 'dist', '.built')).mtimeMs;
  } catch {
    return false;
  }
  return built >= newestSource(root);
}
