// bin/omtop.js without a fresh dist/ and without tsx (a production install of a checkout that was
// edited or never built): one line that says what to do, exit 1, no stack trace.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/', import.meta.url));
let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('says how to get a build when there is neither a fresh dist/ nor tsx', () => {
  root = mkdtempSync(join(tmpdir(), 'omtop-bin-'));
  mkdirSync(join(root, 'bin'));
  for (const file of ['omtop.js', 'freshBuild.js']) copyFileSync(join(BIN, file), join(root, 'bin', file));
  for (const dir of ['src', 'parsers']) mkdirSync(join(root, dir));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  const run = spawnSync(process.execPath, [join(root, 'bin', 'omtop.js'), '--version'], { encoding: 'utf8', cwd: root, timeout: 20_000 });
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe('omtop: dist/ is missing or older than the sources, and tsx (a development dependency) '
    + 'is not installed to run them: run `npm ci` in the omtop folder, or `npm run build`\n');
});
