// The argv of one background blender process. Pure: no I/O, so it can be tested word by word.
// Blender runs its arguments in order and "-f/-a must come last" (manual), so the order here matters.
import { isAbsolute, resolve } from 'node:path';
import { frameRuns } from './frameList.js';

export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

export interface BlenderSettings {
  readonly size?: FrameSize;
  /** Turn Cycles denoising off (Debian's blender has no OpenImageDenoise and fails every frame). */
  readonly noDenoising?: boolean;
}

export interface BlenderInvocation {
  readonly blender: string;
  readonly blendFile: string;
  readonly scene?: string;
  /** CYCLES, BLENDER_EEVEE, BLENDER_WORKBENCH… */
  readonly engine?: string;
  readonly settings?: BlenderSettings;
  /** Absolute `-o` pattern; `#` runs become the frame number. */
  readonly outputPattern: string;
  /** `-F`; undefined keeps the .blend's own format. */
  readonly format?: string;
  /** At least one frame. */
  readonly frames: readonly number[];
  /** `-t N`: render threads; undefined leaves blender's own choice (every core, or the scene's setting). */
  readonly threads?: number;
}

/**
 * The Python run before rendering. omtop decides which frames get rendered (only missing ones unless
 * --overwrite), so Blender must write those frames even when the .blend says "no overwrite", and must
 * not leave placeholder files that would look like finished frames.
 */
export function settingsExpression(settings: BlenderSettings = {}): string {
  const lines = [
    'import bpy',
    'scene = bpy.context.scene',
    'scene.render.use_overwrite = True',
    'scene.render.use_placeholder = False',
  ];
  if (settings.size) {
    lines.push(
      `scene.render.resolution_x = ${Math.floor(settings.size.width)}`,
      `scene.render.resolution_y = ${Math.floor(settings.size.height)}`,
      'scene.render.resolution_percentage = 100',
    );
  }
  if (settings.noDenoising) {
    lines.push("if hasattr(scene, 'cycles'): scene.cycles.use_denoising = False");
  }
  return lines.join('\n');
}

/** A path blender cannot mistake for an option, even when the name starts with `-`. */
export function safePathArg(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}

/** `-t N` (at least 1), or nothing for blender's own choice. */
export function threadArgs(threads: number | undefined): string[] {
  return threads === undefined ? [] : ['-t', String(Math.max(1, Math.floor(threads)))];
}

/** `-s A -e B -a` for one run (every Blender version), else `-f 1..3,7` (Blender 2.8+). */
export function frameArgs(frames: readonly number[]): string[] {
  const runs = frameRuns(frames);
  const only = runs[0];
  if (runs.length === 1 && only) return ['-s', String(only[0]), '-e', String(only[1]), '-a'];
  const list = runs.map(([first, last]) => (first === last ? String(first) : `${first}..${last}`)).join(',');
  return ['-f', list];
}

export function toBlenderArgv(invocation: BlenderInvocation): string[] {
  const argv = [invocation.blender, '-b', safePathArg(invocation.blendFile)];
  if (invocation.scene !== undefined) argv.push('-S', invocation.scene);
  if (invocation.engine !== undefined) argv.push('-E', invocation.engine);
  argv.push(...threadArgs(invocation.threads));
  argv.push('--python-exit-code', '1', '--python-expr', settingsExpression(invocation.settings));
  argv.push('-o', safePathArg(invocation.outputPattern));
  if (invocation.format !== undefined) argv.push('-F', invocation.format);
  argv.push('-x', '1');
  argv.push(...frameArgs(invocation.frames));
  return argv;
}
