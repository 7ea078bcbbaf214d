// Finds a program the way execvp would (PATH search), so "blender not found" is known before forking.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') return false;
    throw error;
  }
}

/** The absolute path of `name` (searched in `pathVariable` unless it contains a slash), or null. */
export function findProgram(name: string, pathVariable: string | undefined, cwd: string): string | null {
  if (name.includes('/')) {
    const path = resolve(cwd, name);
    return isExecutableFile(path) ? path : null;
  }
  for (const dir of (pathVariable ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(resolve(cwd, dir), name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}
