// The real cause of a failed write, from the file system: a full disk, a read-only file system.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderCreateReason, folderWriteProblem } from '../../src/launcher/writeProblem.js';
import { CAN_MOUNT, MOUNT_SKIP_REASON, mountTinyDisk, remount, unmount } from './support/tinyDisk.js';

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: something`), { code });

describe('folderWriteProblem on an ordinary folder', () => {
  it('is null where frames can be written, and leaves no probe file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omtop-write-'));
    expect(await folderWriteProblem(dir)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true });
  });
});

describe.skipIf(!CAN_MOUNT)(`on a tiny tmpfs${CAN_MOUNT ? '' : ` (skipped: ${MOUNT_SKIP_REASON})`}`, () => {
  const disk = mkdtempSync(join(tmpdir(), 'omtop-tiny-'));
  beforeAll(() => mountTinyDisk(disk, 64));
  afterAll(() => {
    unmount(disk);
    rmSync(disk, { recursive: true });
  });

  it('says "no space left on device" for a full disk, and removes its probe', async () => {
    remount(disk, 'rw');
    mkdirSync(join(disk, 'full'));
    writeFileSync(join(disk, 'fill'), Buffer.alloc(56 * 1024));
    expect(await folderWriteProblem(join(disk, 'full'))).toBe('no space left on device');
    expect(readdirSync(join(disk, 'full'))).toEqual([]);
    rmSync(join(disk, 'fill'));
  });

  it('says "read-only file system", also where a recursive mkdir claims "no such file"', async () => {
    remount(disk, 'ro');
    expect(await folderWriteProblem(disk)).toBe('read-only file system');
    const missing = join(disk, 'new', 'deeper');
    let mkdirError: unknown;
    try {
      mkdirSync(missing, { recursive: true });
    } catch (error) {
      mkdirError = error;
    }
    expect((mkdirError as NodeJS.ErrnoException).code).toBe('ENOENT'); // Node's own misreport
    expect(folderCreateReason(missing, mkdirError)).toBe(`read-only file system (${disk})`);
    remount(disk, 'rw');
  });
});
