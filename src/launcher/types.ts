// What the dashboard and `omtop render` see of a running split render: plain data only.

export type PartState = 'pending' | 'rendering' | 'done' | 'failed' | 'retrying' | 'cancelled';
export type JobState = 'running' | 'assembling' | 'finished' | 'failed' | 'cancelled';

export interface PartView {
  /** 1-based part number as shown to the user. */
  readonly index: number;
  /** PID of the blender process working on this part now; null between processes. */
  readonly pid: number | null;
  /** The frames this part covers, e.g. "1-59" or "60-64,70". */
  readonly frames: string;
  readonly currentFrame: number | null;
  readonly framesDone: number;
  readonly framesTotal: number;
  /** Measured mean seconds per frame for this part; null until a frame is done. */
  readonly secondsPerFrame: number | null;
  readonly state: PartState;
  readonly logFile: string | null;
  /** A Slurm render's task: the node it runs or ran on (null while pending). Absent for local parts. */
  readonly node?: string | null;
  /** A Slurm render's task id as squeue prints it, e.g. `123_4`. */
  readonly taskId?: string;
  /** The last error lines blender printed for this part (whole lines, oldest first); absent or empty when none. */
  readonly errors?: readonly string[];
}

/** A render that can be completed with omtop's own launcher: the request, and the same as a command. */
export interface ResumeOffer {
  readonly request: RenderRequest;
  /** `omtop render FILE START END PARTS --resume …`, quoted for a shell. */
  readonly command: string;
}

export interface RenderJobView {
  readonly id: string;
  readonly blendFile: string;
  readonly outDir: string;
  readonly framesDone: number;
  readonly framesTotal: number;
  readonly etaSeconds: number | null;
  /** Path of the most recently saved frame. */
  readonly lastSaved: string | null;
  readonly parts: readonly PartView[];
  readonly state: JobState;
  /** Milliseconds since the epoch. */
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** One line: why it failed, what is missing, or where the movie is. */
  readonly message: string | null;
  /** 'observed': a render omtop found running (the tutorial's script, a blender started by hand). @default 'omtop' */
  readonly origin?: 'omtop' | 'observed';
  /** What will go wrong, said before it does: `the script renders 2–233: frames 1, 234, 235 will be missing`. */
  readonly warning?: string | null;
  /** The command line that started an observed render. */
  readonly command?: string;
  /** Where each frame goes: `/home/me/rendered/####.jpg`; null while unknown. */
  readonly framePattern?: string | null;
  /** The folder of the parts' logs; null when there are none (an observed render's go nowhere). */
  readonly logDir?: string | null;
  /** Frames of the request not on disk (compressed, `1,234-235`): still to come while it runs, missing once it ended. */
  readonly framesMissing?: string;
  /** How to render what is missing with omtop's launcher; null when nothing is, or it cannot. */
  readonly resume?: ResumeOffer | null;
  /** An observed render's processes (its script and blender children), for stopping it. */
  readonly pids?: readonly number[];
}

/** What the dashboard's form asks for; `omtop render` has more options on top. */
export interface RenderRequest {
  readonly blendFile: string;
  readonly start: number;
  readonly end: number;
  readonly parts: number;
  /** undefined: the .blend's own output setting. */
  readonly outDir?: string;
  /** Movie file to assemble at the end; undefined: no movie. */
  readonly movie?: string;
  /** Submit the parts as a Slurm job array instead of running them here. */
  readonly slurm?: boolean;
  /** A blender `-o` pattern (absolute; `#` for the frame number) instead of `outDir`: an observed render's own. */
  readonly outputPattern?: string;
  readonly scene?: string;
  /** `-F` as blender spells it (`PNG`, `JPEG`, `TGA`). */
  readonly format?: string;
  readonly engine?: string;
  /** Turn Cycles denoising off (Debian's blender has no OpenImageDenoise). */
  readonly noDenoising?: boolean;
  /** Frames of the range already on disk: refuse (and say so), render only the missing ones, or all again. @default 'refuse' */
  readonly existing?: 'refuse' | 'resume' | 'overwrite';
}

export interface RenderJobHandle {
  readonly id: string;
  view(): RenderJobView;
  /** Called on every change; returns the unsubscribe function. */
  subscribe(listener: (view: RenderJobView) => void): () => void;
  /** Stops every blender child, keeps finished frames. */
  cancel(): Promise<void>;
  readonly done: Promise<RenderJobView>;
}

/** Starts a render, or rejects with an Error whose message is one line for the user. */
export type StartRender = (request: RenderRequest) => Promise<RenderJobHandle>;
