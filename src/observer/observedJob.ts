// One render omtop found running: which process renders which frames, what is on disk, and the
// job as the render pane shows omtop's own (RenderJobView). Mutable bookkeeping, pure of I/O: the
// watch feeds it what the seam read.
import { framesScriptSkips, type FrameSpan } from '../../parsers/renderCommand.js';
import { formatFrameList } from '../launcher/frameList.js';
import { resumeCommand } from '../launcher/progressText.js';
import type { JobState, PartState, PartView, RenderJobView, RenderRequest, ResumeOffer } from '../launcher/types.js';
import type { FoundChild, FoundRender } from './detect.js';
import { describeTarget, type FrameTarget } from './framePattern.js';
import type { FileEntry } from '../runner/watchSources.js';
import {
  eachFrame, etaOf, firstOf, framesOfRender, inFrames, isList, lastOf, secondsPerFrame, sizeOf, spokenFrames, type PartFrames,
} from './partFrames.js';

/** Coarse file systems keep whole seconds: a frame written just before the start still counts. */
const MTIME_SLACK_MS = 2000;

interface PartSlot {
  readonly frames: PartFrames | null;
  pid: number | null;
  everSeen: boolean;
}

export class ObservedJob {
  readonly id: string;
  readonly key: string;
  private found: FoundRender;
  private readonly slots: PartSlot[];
  private readonly firstSeen: number;
  private endedAt: number | null = null;
  private onDisk = new Map<number, FileEntry>();
  target: FrameTarget | null = null;
  targetError: string | null = null;
  /** The scene's own range, for `-a` without -s/-e (known once blender has answered). */
  private sceneRange: FrameSpan | null = null;

  constructor(found: FoundRender, now: number) {
    this.key = found.key;
    this.found = found;
    this.firstSeen = now;
    this.id = found.kind === 'script' ? `script-${found.pid}` : `blender-${found.children[0]?.pid ?? 0}`;
    this.slots = found.kind === 'script'
      ? found.render.ranges.map((range) => ({ frames: range, pid: null, everSeen: false }))
      : [];
    this.absorb(found);
  }

  get ended(): boolean {
    return this.endedAt !== null;
  }

  get render(): FoundRender {
    return this.found;
  }

  /** This tick's processes: children are matched to parts by their own -s/-e when readable, else by spawn order. */
  absorb(found: FoundRender): void {
    this.found = found;
    this.endedAt = null;
    const live = new Set(found.children.map((child) => child.pid));
    for (const slot of this.slots) if (slot.pid !== null && !live.has(slot.pid)) slot.pid = null;
    const known = new Set(this.slots.flatMap((slot) => (slot.pid === null ? [] : [slot.pid])));
    for (const child of found.children) {
      if (known.has(child.pid)) continue;
      const slot = this.slotFor(child);
      if (slot === undefined) continue;
      slot.pid = child.pid;
      slot.everSeen = true;
    }
  }

  private slotFor(child: FoundChild): PartSlot | undefined {
    if (this.found.kind === 'blender') {
      const frames = child.render === null ? null : framesOfRender(child.render);
      const slot: PartSlot = { frames, pid: null, everSeen: false };
      this.slots.push(slot);
      return slot;
    }
    const own = child.render?.frames;
    const first = own === null || own === undefined ? undefined : firstOf(own);
    if (first !== undefined) {
      const matching = this.slots.find((slot) => slot.pid === null && slot.frames !== null && inFrames(slot.frames, first));
      if (matching !== undefined) return matching;
    }
    // Unreadable: the next part in the script's order that has no process and is not complete on disk.
    return this.slots.find((slot) => slot.pid === null && !slot.everSeen && !this.complete(slot))
      ?? this.slots.find((slot) => slot.pid === null && !this.complete(slot));
  }

  /** Every process is gone: the job is over; what is on disk says how it went. */
  markGone(now: number): void {
    if (this.endedAt !== null) return;
    this.endedAt = now;
    for (const slot of this.slots) slot.pid = null;
  }

  setTarget(target: FrameTarget, sceneRange: FrameSpan | null): void {
    this.target = target;
    this.targetError = null;
    this.sceneRange = sceneRange;
  }

  setListing(entries: ReadonlyMap<number, FileEntry>): void {
    this.onDisk = new Map(entries);
  }

  /** The live processes: the script and its children (for stopping it). */
  pids(): number[] {
    const script = this.found.kind === 'script' && this.endedAt === null ? [this.found.pid] : [];
    return [...script, ...this.slots.flatMap((slot) => (slot.pid === null ? [] : [slot.pid]))];
  }

  private since(): number | null {
    const started = this.found.startedAt;
    return started === null ? null : started - MTIME_SLACK_MS;
  }

  /** Written by this run: not older than its start (blender overwrites, so an old file does not count). */
  private doneNow(frame: number): boolean {
    const entry = this.onDisk.get(frame);
    const since = this.since();
    return entry !== undefined && (since === null || entry.mtimeMs >= since);
  }

  private complete(slot: PartSlot): boolean {
    if (slot.frames === null || this.target === null) return false;
    let all = true;
    eachFrame(slot.frames, (frame) => {
      if (!this.onDisk.has(frame)) all = false;
    });
    return all;
  }

  /** The frames the render was asked for: the script's START..END, else every part's frames. */
  requested(): PartFrames | null {
    if (this.found.kind === 'script') return { first: this.found.render.start, last: this.found.render.end };
    const frames = new Set<number>();
    for (const slot of this.slots) {
      const own = slot.frames ?? (this.sceneRange === null ? null : this.sceneRange);
      if (own === null) return null;
      eachFrame(own, (frame) => frames.add(frame));
    }
    return [...frames].sort((a, b) => a - b);
  }

  private partFrames(slot: PartSlot): PartFrames | null {
    return slot.frames ?? this.sceneRange;
  }

  private partView(slot: PartSlot, index: number, ended: boolean): PartView {
    const frames = this.partFrames(slot);
    let done = 0;
    let current: number | null = null;
    const times: number[] = [];
    if (frames !== null) {
      eachFrame(frames, (frame) => {
        if (this.doneNow(frame)) {
          done += 1;
          times.push(this.onDisk.get(frame)?.mtimeMs ?? 0);
        } else if (current === null && !this.onDisk.has(frame)) current = frame;
      });
    }
    const total = frames === null ? 0 : sizeOf(frames);
    const state = this.partState(slot, frames, ended);
    times.sort((a, b) => a - b);
    return {
      index: index + 1,
      pid: slot.pid,
      frames: frames === null ? '-' : isList(frames) ? formatFrameList(frames) : `${frames.first}-${frames.last}`,
      currentFrame: state === 'rendering' ? current : null,
      framesDone: done,
      framesTotal: total,
      secondsPerFrame: secondsPerFrame(times, this.found.startedAt),
      state,
      logFile: null,
      errors: state === 'failed' ? [this.failure(frames)] : [],
    };
  }

  private partState(slot: PartSlot, frames: PartFrames | null, ended: boolean): PartState {
    if (slot.pid !== null) return 'rendering';
    if (frames !== null && sizeOf(frames) === 0) return 'done';
    if (this.complete(slot)) return 'done';
    return slot.everSeen || ended ? 'failed' : 'pending';
  }

  private failure(frames: PartFrames | null): string {
    if (this.target === null) return 'blender exited; where its frames go is unknown';
    const missing: number[] = [];
    if (frames !== null) eachFrame(frames, (frame) => (this.onDisk.has(frame) ? undefined : missing.push(frame)));
    return `blender exited with frames ${formatFrameList(missing)} not rendered (its output went nowhere omtop can read)`;
  }

  private missingFrames(): number[] {
    const requested = this.requested();
    if (requested === null || this.target === null) return [];
    const missing: number[] = [];
    eachFrame(requested, (frame) => (this.onDisk.has(frame) ? undefined : missing.push(frame)));
    return missing;
  }

  private warning(ended: boolean): string | null {
    if (this.found.kind !== 'script') return null;
    const script = this.found.render;
    if (script.parts <= 0) return 'the script divides by zero parts: it renders nothing';
    const skipped = framesScriptSkips(script);
    if (skipped.length === 0) return null;
    const covered = script.ranges.filter((r) => r.first <= r.last);
    const first = covered[0]?.first;
    const last = covered.at(-1)?.last;
    const span = first === undefined || last === undefined ? 'nothing' : `${first}–${last}`;
    return ended
      ? `the script rendered ${span}: frames ${spokenFrames(skipped)} are missing`
      : `the script renders ${span}: frames ${spokenFrames(skipped)} will be missing`;
  }

  private resumeOffer(missing: readonly number[]): ResumeOffer | null {
    if (this.endedAt === null || missing.length === 0 || this.target === null) return null;
    const requested = this.requested();
    if (requested === null) return null;
    const found = this.found;
    const first = firstOf(requested) ?? 0;
    const last = lastOf(requested) ?? 0;
    const blendFile = this.blendPath();
    if (blendFile === null) return null;
    const render = found.kind === 'blender' ? found.render : null;
    const parts = Math.max(1, Math.min(found.kind === 'script' ? found.render.parts : this.slots.length, missing.length));
    const outputPattern = render?.output === null || render === null ? undefined : this.patternText();
    const request: RenderRequest = {
      blendFile, start: first, end: last, parts, existing: 'resume',
      ...(outputPattern === undefined ? {} : { outputPattern }),
      ...(render?.scene ? { scene: render.scene } : {}),
      ...(render?.format ? { format: render.format } : {}),
      ...(render?.engine ? { engine: render.engine } : {}),
    };
    const args = [blendFile, String(first), String(last), String(parts)];
    if (outputPattern !== undefined) args.push('--out-pattern', outputPattern);
    if (render?.scene) args.push('--scene', render.scene);
    if (render?.format) args.push('--format', render.format);
    if (render?.engine) args.push('--engine', render.engine);
    if (isList(requested) && requested.length !== last - first + 1) args.push('--frames', formatFrameList(requested));
    return { request, command: resumeCommand(args) };
  }

  /** The -o pattern of a blender job, absolute, without the extension blender adds. */
  private patternText(): string | undefined {
    const target = this.target;
    if (target === null) return undefined;
    return `${target.dir}/${target.before}${'#'.repeat(target.digits)}${target.after}`;
  }

  /** The .blend, absolute when the working directory is known. */
  blendPath(): string | null {
    const file = this.found.render.blendFile;
    if (file.startsWith('/')) return file;
    return this.found.cwd === null ? null : `${this.found.cwd.replace(/\/$/, '')}/${file}`;
  }

  view(): RenderJobView {
    const ended = this.endedAt !== null;
    const parts = this.slots.map((slot, i) => this.partView(slot, i, ended));
    const requested = this.requested();
    const total = requested === null ? parts.reduce((sum, p) => sum + p.framesTotal, 0) : sizeOf(requested);
    const done = parts.reduce((sum, p) => sum + p.framesDone, 0);
    const missing = this.missingFrames();
    const state: JobState = !ended ? 'running' : parts.every((p) => p.state === 'done') ? 'finished' : 'failed';
    const newest = [...this.onDisk.values()].reduce<FileEntry | null>((best, e) => (best === null || e.mtimeMs > best.mtimeMs ? e : best), null);
    const since = this.since();
    const resume = this.resumeOffer(missing);
    return {
      id: this.id,
      blendFile: this.found.render.blendFile,
      outDir: this.target?.dir ?? '',
      framesDone: done,
      framesTotal: total,
      etaSeconds: ended ? null : etaOf(parts),
      lastSaved: newest === null || this.target === null || (since !== null && newest.mtimeMs < since) ? null : `${this.target.dir}/${newest.name}`,
      parts,
      state,
      startedAt: this.found.startedAt ?? this.firstSeen,
      endedAt: this.endedAt,
      message: this.message(state, missing, resume),
      origin: 'observed',
      warning: this.warning(ended),
      command: this.found.command,
      framePattern: this.target === null ? null : describeTarget(this.target),
      logDir: null,
      framesMissing: formatFrameList(missing),
      resume,
      pids: this.pids(),
    };
  }

  private message(state: JobState, missing: readonly number[], resume: ResumeOffer | null): string | null {
    if (this.target === null) return this.targetError === null ? 'finding where its frames go…' : `frames not counted: ${this.targetError}`;
    if (state === 'running') return null;
    if (missing.length === 0) return 'every frame is on disk';
    return `${missing.length} frame(s) missing: ${formatFrameList(missing)}${resume === null ? '' : ' · R renders them'}`;
  }
}
