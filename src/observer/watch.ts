// Watches the renders omtop did not start: on each snapshot it reads the details of the processes
// that may belong to one, recognises the renders, asks once per job where its frames go, lists that
// folder and keeps a RenderJobView per job. A render that has ended stays listed (the newest few),
// so what it left missing can still be rendered. Updates never overlap; every source failure is a
// line in the job, never an exception.
import type { ClusterSnapshot } from '../model/snapshot.js';
import type { RenderJobView } from '../launcher/types.js';
import { errorLine } from '../errorLine.js';
import { candidatePids, detectRenders, parentPids, type FoundRender } from './detect.js';
import { absolutePattern, framesOnDisk, frameTarget, mayBeFrame } from './framePattern.js';
import { ObservedJob } from './observedJob.js';
import type { ProcessDetails, RenderWatchSources } from '../runner/watchSources.js';

export interface RenderWatch {
  /** Reads what the snapshot's processes need; resolves true when the views changed. Skipped (false) while one runs. */
  update(snapshot: ClusterSnapshot, exclude: ReadonlySet<number>): Promise<boolean>;
  /** The observed renders, oldest first. */
  views(): readonly RenderJobView[];
}

export interface RenderWatchOptions {
  /** @default Date.now */
  readonly now?: () => number;
  /** Ended renders kept in the list. @default 5 */
  readonly keepEnded?: number;
}

/** Updates between two looks at an ended render's folder. */
const RELIST_EVERY = 5;

export function createRenderWatch(sources: RenderWatchSources, options: RenderWatchOptions = {}): RenderWatch {
  const now = options.now ?? Date.now;
  const keepEnded = options.keepEnded ?? 5;
  const jobs = new Map<string, ObservedJob>();
  /** Jobs whose ended state has had its final listing: nothing more to read for them. */
  const settled = new Set<string>();
  let views: readonly RenderJobView[] = [];
  let busy = false;
  let updates = 0;

  const readDetails = async (snapshot: ClusterSnapshot, exclude: ReadonlySet<number>): Promise<Map<number, ProcessDetails>> => {
    const details = new Map(await sources.processDetails(candidatePids(snapshot.processes, exclude)));
    const parents = parentPids(details, snapshot.processes).filter((pid) => !exclude.has(pid));
    if (parents.length > 0) for (const [pid, value] of await sources.processDetails(parents)) details.set(pid, value);
    return details;
  };

  const locate = async (job: ObservedJob): Promise<void> => {
    const render = job.render.kind === 'script' ? null : job.render.render;
    const blendFile = job.blendPath();
    if (render?.output != null) {
      const pattern = absolutePattern(render.output, blendFile ?? job.render.render.blendFile, job.render.cwd);
      if (pattern === null) {
        job.targetError = `its working directory cannot be read, so ${render.output} cannot be found`;
        return;
      }
      // The extension depends on the format; frames are matched whatever it is.
      const needsScene = render.frames === null;
      const answer = needsScene && blendFile !== null ? await sources.blendOutput({ blendFile, scene: render.scene, format: render.format }) : null;
      job.setTarget(frameTarget(pattern, null), answer?.ok ? { first: answer.frameStart, last: answer.frameEnd } : null);
      return;
    }
    if (blendFile === null) {
      job.targetError = `its working directory cannot be read, so ${job.render.render.blendFile} cannot be found`;
      return;
    }
    const answer = await sources.blendOutput({ blendFile, scene: render?.scene ?? null, format: render?.format ?? null });
    if (!answer.ok) {
      job.targetError = answer.error;
      return;
    }
    job.setTarget(frameTarget(answer.pattern, answer.extension === '' ? null : answer.extension), { first: answer.frameStart, last: answer.frameEnd });
  };

  const list = async (job: ObservedJob): Promise<void> => {
    const target = job.target;
    if (target === null) return;
    const listing = await sources.listDirectory(target.dir, (name) => mayBeFrame(target, name));
    if (listing.ok) job.setListing(framesOnDisk(target, listing.entries));
    else job.targetError = listing.error;
  };

  const absorb = (found: readonly FoundRender[], at: number): void => {
    const seen = new Set<string>();
    for (const render of found) {
      seen.add(render.key);
      const job = jobs.get(render.key);
      if (job === undefined) jobs.set(render.key, new ObservedJob(render, at));
      else {
        job.absorb(render);
        settled.delete(render.key);
      }
    }
    for (const [key, job] of jobs) if (!seen.has(key)) job.markGone(at);
    const ended = [...jobs.values()].filter((job) => job.ended);
    for (const job of ended.slice(0, Math.max(0, ended.length - keepEnded))) {
      jobs.delete(job.key);
      settled.delete(job.key);
    }
  };

  return {
    async update(snapshot, exclude) {
      if (busy) return false;
      busy = true;
      try {
        updates += 1;
        // An ended render's folder is looked at again now and then: its missing frames may have been rendered since.
        if (updates % RELIST_EVERY === 0) settled.clear();
        const details = await readDetails(snapshot, exclude);
        absorb(detectRenders({ processes: snapshot.processes, details, exclude }), now());
        await Promise.all([...jobs.values()].map(async (job) => {
          if (settled.has(job.key)) return;
          try {
            if (job.target === null && job.targetError === null) await locate(job);
            await list(job);
          } catch (error) {
            job.targetError = errorLine(error);
          }
          if (job.ended) settled.add(job.key);
        }));
        const next = [...jobs.values()].map((job) => job.view());
        const changed = JSON.stringify(next) !== JSON.stringify(views);
        views = next;
        return changed;
      } finally {
        busy = false;
      }
    },
    views: () => views,
  };
}
