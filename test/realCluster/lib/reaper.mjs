#!/usr/bin/env node
// The real cluster's watchdog: started detached by the harness as `node reaper.mjs OWNER_PID RUN_DIR`.
// When the owner is gone without having stopped its VMs (killed, crashed, a test runner that
// timed out), it stops every QEMU whose pidfile is in RUN_DIR, by that PID, and only if the
// process's command line still names RUN_DIR (so a reused PID is never signalled). It exits when
// RUN_DIR/stopped appears (the owner stopped its VMs itself) or when it has cleaned up.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [ownerArg, runDir] = process.argv.slice(2);
const owner = Number(ownerArg);
if (!Number.isInteger(owner) || owner <= 0 || !runDir) {
  process.stderr.write('usage: reaper.mjs OWNER_PID RUN_DIR\n');
  process.exit(2);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid) {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function ours(pid) {
  try {
    return alive(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(runDir);
  } catch {
    return false;
  }
}

function vmPids() {
  let names = [];
  try {
    names = readdirSync(runDir).filter((name) => /^\d+\.pid$/.test(name));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      try {
        return Number(readFileSync(join(runDir, name), 'utf8').trim());
      } catch {
        return 0;
      }
    })
    .filter((pid) => Number.isInteger(pid) && pid > 0 && ours(pid));
}

for (;;) {
  if (!existsSync(runDir) || existsSync(join(runDir, 'stopped'))) process.exit(0);
  if (!alive(owner)) break;
  await sleep(500);
}
for (const pid of vmPids()) process.kill(pid, 'SIGTERM');
await sleep(3000);
for (const pid of vmPids()) process.kill(pid, 'SIGKILL');
