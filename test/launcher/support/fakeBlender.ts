// A stand-in blender for failure tests: it hands omtop's question about the .blend (the only call
// with --python) to the real blender, and for renders runs the given sh body instead.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBlender } from './blender.js';

export function writeFakeBlender(dir: string, name: string, renderBody: string): string {
  const path = join(dir, name);
  const real = requireBlender();
  writeFileSync(path, `#!/bin/sh\ncase "$*" in *--python\\ *) exec '${real}' "$@";; esac\n${renderBody}\n`);
  chmodSync(path, 0o755);
  return path;
}
