// How many threads each part's blender gets. Blender uses every core by default, so PARTS blenders
// on one machine would each start one thread per core and fight over them: measured on 2 cores,
// one `blender -a` using both beat every split of the tutorial scene (7.7 s against 10.5-15.5 s for
// 4 parts). So parts that run here share the cores (-t cores/PARTS). Under openMosix each part is one
// thread: a multi-threaded process cannot migrate, and migrating parts to other nodes is the point.
// Pure: the caller says how many cores there are and whether openMosix runs here.

export interface ThreadPlan {
  /** `-t` for each part. */
  readonly threads: number;
  /** One line when the parts will only share this machine's cores; null otherwise. */
  readonly warning: string | null;
}

export interface ThreadQuestion {
  readonly cores: number;
  readonly parts: number;
  /** openMosix runs here (/proc/hpc): parts can migrate to other nodes. */
  readonly openMosix: boolean;
  /** `--threads N`: the user's own choice wins. */
  readonly requested?: number;
}

export function partThreads({ cores, parts, openMosix, requested }: ThreadQuestion): ThreadPlan {
  const cpus = Math.max(1, Math.floor(cores));
  const count = Math.max(1, Math.floor(parts));
  const warning = !openMosix && count > cpus
    ? `${count} parts on ${cpus} core(s) and no openMosix cluster to spread them: they share these cores, so more than ${cpus} part(s) only add blender start-ups and memory`
    : null;
  if (requested !== undefined) return { threads: Math.max(1, Math.floor(requested)), warning };
  if (openMosix) return { threads: 1, warning: null };
  return { threads: Math.max(1, Math.floor(cpus / count)), warning };
}
