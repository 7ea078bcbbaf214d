// The render watch's seam on a real machine (this one with --backend local, an openMosix node at
// home): /proc/PID/{stat,cmdline,cwd} of processes here (a migrated process's deputy keeps its stat
// at home; its command line is on the node it runs on, so it reads as empty), the frame folder
// itself, and blender's own answer about where a .blend writes (the launcher's question).
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { errorLine } from '../errorLine.js';
import { queryBlendInfo } from '../launcher/blendInfo.js';
import { findProgram } from '../launcher/findProgram.js';
import { normalizeImageFormat } from '../launcher/imageFormat.js';
import type { BlendOutput, FileEntry, Listing, ProcessDetails, RenderWatchSources } from '../runner/watchSources.js';
import { parsePidStat } from './local/procPid.js';
import { CLOCK_TICKS_PER_SECOND } from './local/processes.js';

export interface ProcRenderSourcesOptions {
  /** @default '/proc' */
  readonly procRoot?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Time blender may take to answer about a .blend. @default 60000 */
  readonly blendTimeoutMs?: number;
}

/** A folder with more candidate files than this is not a frame folder omtop can count every tick. */
const MAX_FILES = 200_000;
const BATCH = 64;

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch {
    // Gone, or not ours to read (another user's cwd): the detail is unknown, which detection allows for.
    return null;
  }
}

export function createProcRenderSources(options: ProcRenderSourcesOptions): RenderWatchSources {
  const procRoot = options.procRoot ?? '/proc';
  let bootMs: number | null | undefined;

  const bootTime = async (): Promise<number | null> => {
    if (bootMs === undefined) {
      const text = await orNull(readFile(join(procRoot, 'stat'), 'utf8'));
      const seconds = text === null ? undefined : /^btime\s+(\d+)/m.exec(text)?.[1];
      bootMs = seconds === undefined ? null : Number(seconds) * 1000;
    }
    return bootMs;
  };

  const one = async (pid: number): Promise<ProcessDetails | null> => {
    const dir = join(procRoot, String(pid));
    const [statText, cmdline, cwd] = await Promise.all([
      orNull(readFile(join(dir, 'stat'), 'utf8')),
      orNull(readFile(join(dir, 'cmdline'), 'utf8')),
      orNull(readlink(join(dir, 'cwd'))),
    ]);
    const parsed = statText === null ? null : parsePidStat(statText);
    if (parsed === null && cmdline === null) return null;
    const boot = await bootTime();
    const argv = (cmdline ?? '').split('\0');
    if (argv.at(-1) === '') argv.pop();
    return {
      pid,
      ppid: parsed?.ppid ?? null,
      argv: argv.length === 1 && argv[0] === '' ? [] : argv,
      startedAt: parsed === null || boot === null ? null : boot + (parsed.startTicks / CLOCK_TICKS_PER_SECOND) * 1000,
      cwd,
    };
  };

  return {
    async processDetails(pids) {
      const found = new Map<number, ProcessDetails>();
      for (let i = 0; i < pids.length; i += BATCH) {
        for (const details of await Promise.all(pids.slice(i, i + BATCH).map(one))) if (details !== null) found.set(details.pid, details);
      }
      return found;
    },

    async listDirectory(dir, wanted): Promise<Listing> {
      let names: string[];
      try {
        names = (await readdir(dir)).filter(wanted);
      } catch (error) {
        return { ok: false, error: `cannot list ${dir}: ${errorLine(error)}` };
      }
      if (names.length > MAX_FILES) return { ok: false, error: `${dir} holds more than ${MAX_FILES} files that may be frames` };
      const entries: FileEntry[] = [];
      for (let i = 0; i < names.length; i += BATCH) {
        const batch = await Promise.all(names.slice(i, i + BATCH).map(async (name) => {
          const info = await orNull(stat(join(dir, name)));
          return info === null || !info.isFile() ? null : { name, size: info.size, mtimeMs: info.mtimeMs };
        }));
        for (const entry of batch) if (entry !== null) entries.push(entry);
      }
      return { ok: true, entries };
    },

    async blendOutput(query): Promise<BlendOutput> {
      const blender = findProgram('blender', options.env.PATH, options.cwd);
      if (blender === null) return { ok: false, error: 'blender is not installed here, so where the .blend writes is unknown' };
      const format = query.format === null ? undefined : normalizeImageFormat(query.format) ?? undefined;
      try {
        const info = await queryBlendInfo({
          blender, blendFile: query.blendFile, frames: [1], partialPrefix: '', ...(query.scene === null ? {} : { scene: query.scene }),
          ...(format === undefined ? {} : { format }), timeoutMs: options.blendTimeoutMs ?? 60_000,
        });
        return { ok: true, pattern: info.pattern, extension: extname(info.paths.get(1) ?? ''), frameStart: info.frameStart, frameEnd: info.frameEnd };
      } catch (error) {
        return { ok: false, error: errorLine(error) };
      }
    },
  };
}
