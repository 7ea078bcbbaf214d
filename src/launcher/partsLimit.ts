// How many blender processes a render starts at once: never more than there are frames, and on a
// node without openMosix to spread them not more than a few per CPU — `render … 1 1000 1000` would
// otherwise start 1,000 blenders on one machine — unless the user says so (--allow-many-parts).
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';

/** Parts per CPU of this node beyond which the parts only compete for it. */
export const PARTS_PER_CPU = 4;

export interface HostFacts {
  readonly cpus: number;
  /** /proc/hpc exists: openMosix can migrate the parts to other nodes. */
  readonly openMosix: boolean;
}

export function hostFacts(): HostFacts {
  return { cpus: availableParallelism(), openMosix: existsSync('/proc/hpc') };
}

export interface PartsDecision {
  readonly parts: number;
  /** One line each, for stderr. */
  readonly warnings: readonly string[];
}

export function decideParts(requested: number, frames: number, host: HostFacts, allowMany: boolean): PartsDecision {
  const warnings: string[] = [];
  let parts = requested;
  if (frames > 0 && parts > frames) {
    warnings.push(`only ${frames} frame(s) to render: using ${frames} part(s) instead of ${parts}`);
    parts = frames;
  }
  const limit = PARTS_PER_CPU * Math.max(1, host.cpus);
  if (!host.openMosix && !allowMany && parts > limit) {
    warnings.push(
      `${parts} parts on a node with ${host.cpus} CPU(s) and no openMosix to spread them: using ${limit} (${PARTS_PER_CPU} per CPU); pass --allow-many-parts to start all ${parts}`,
    );
    parts = limit;
  }
  return { parts, warnings };
}
