// The seam through which omtop watches renders it did not start, beside the runner seam and like
// it: what a process at home was started with, the files in a folder, where a .blend writes its
// frames. The real machine answers from /proc, the file system and blender itself
// (backends/renderSources.ts); the emulated cluster answers for its own render
// (emulator/renderFiles.ts), as both answer the runner seam for the tools.

export interface ProcessDetails {
  readonly pid: number;
  /** null when /proc/PID/stat could not be read. */
  readonly ppid: number | null;
  /** From /proc/PID/cmdline; empty when it cannot be read (a migrated process's argv is on its node). */
  readonly argv: readonly string[];
  /** When it started, in ms since the epoch; null when unknown. */
  readonly startedAt: number | null;
  /** Its working directory (/proc/PID/cwd); null when it cannot be read. */
  readonly cwd: string | null;
}

export interface FileEntry {
  readonly name: string;
  readonly size: number;
  /** Last modification, in ms since the epoch. */
  readonly mtimeMs: number;
}

export type Listing =
  | { readonly ok: true; readonly entries: readonly FileEntry[] }
  | { readonly ok: false; readonly error: string };

export interface BlendOutputQuery {
  /** Absolute path of the .blend. */
  readonly blendFile: string;
  readonly scene: string | null;
  /** `-F` of the blender command line, when it has one (it changes the extension). */
  readonly format: string | null;
}

export type BlendOutput =
  | {
      readonly ok: true;
      /** The absolute `-o` pattern the .blend writes to (`/home/me/rendered/`, `/tmp/frame_####`). */
      readonly pattern: string;
      /** The extension blender adds (`.jpg`), from its own frame_path(); '' when none. */
      readonly extension: string;
      /** The scene's own range, for `blender -b FILE -a` without -s/-e. */
      readonly frameStart: number;
      readonly frameEnd: number;
    }
  | { readonly ok: false; readonly error: string };

export interface RenderWatchSources {
  /** Details of these processes; a PID that has gone is left out. Never rejects. */
  processDetails(pids: readonly number[]): Promise<ReadonlyMap<number, ProcessDetails>>;
  /** The files of `dir` whose name `wanted` accepts (only those are looked at). Never rejects. */
  listDirectory(dir: string, wanted: (name: string) => boolean): Promise<Listing>;
  /** Where a .blend writes its frames (asks blender: may take seconds). Never rejects. */
  blendOutput(query: BlendOutputQuery): Promise<BlendOutput>;
  /** A frame file's bytes, for the preview, when the files are not this machine's (the emulated cluster's); absent: read the disk. */
  readFrame?(path: string): Promise<Uint8Array> | null;
}
