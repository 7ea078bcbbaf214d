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
