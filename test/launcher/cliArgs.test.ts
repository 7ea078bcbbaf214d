import { describe, expect, it } from 'vitest';
import { parseRenderArgs, RENDER_HELP } from '../../src/launcher/cliArgs.js';

function errorOf(argv: string[]): string {
  try {
    parseRenderArgs(argv);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('parseRenderArgs', () => {
  it.each([
    [['scene.blend', '-5', '3', '2'], '"-5" is not an option; to pass a value that starts with "-", put the arguments after "--"'],
    [['scene.blend', '1', '2', '1', '--retries', '-1'], '--retries needs a value; write --retries=VALUE for one that starts with "-"'],
  ])('explains a value starting with "-" in one line: %j', (argv, message) => {
    expect(() => parseRenderArgs(argv)).toThrow(message);
  });

  it('reads the tutorial command with defaults', () => {
    const cli = parseRenderArgs(['blacksmith-jpeg.blend', '1', '235', '4']);
    expect(cli.help).toBe(false);
    if (cli.help) return;
    expect(cli.options).toMatchObject({ blendFile: 'blacksmith-jpeg.blend', start: 1, end: 235, parts: 4, split: 'dynamic', resume: false });
    expect(cli.json).toBe(false);
  });

  it('reads every option', () => {
    const cli = parseRenderArgs([
      'a.blend', '1', '30', '2', '--out', 'o', '--scene', 'S', '--format', 'jpg', '--size', '640x480', '--engine', 'workbench',
      '--no-denoising', '--frames', '1-3,9', '--split', 'even', '--retries', '5', '--stall-timeout', '30', '--resume',
      '--movie', 'm.mp4', '--fps', '25', '--blender', '/opt/b', '--json',
    ]);
    if (cli.help) throw new Error('help');
    expect(cli.options).toMatchObject({
      outDir: 'o', scene: 'S', format: 'JPEG', size: { width: 640, height: 480 }, engine: 'BLENDER_WORKBENCH', noDenoising: true,
      frames: [1, 2, 3, 9], split: 'even', retries: 5, stallTimeoutSeconds: 30, resume: true, movie: 'm.mp4', fps: 25, blender: '/opt/b',
    });
    expect(cli.json).toBe(true);
  });

  it('reads --threads, and refuses it with --slurm, where --cpus-per-task says how many CPUs a task gets', () => {
    const cli = parseRenderArgs(['a.blend', '1', '30', '2', '--threads', '3']);
    expect(cli.help ? null : cli.options.threads).toBe(3);
    expect(errorOf(['a.blend', '1', '30', '2', '--threads', '0'])).toBe('--threads must be at least 1, got 0');
    expect(errorOf(['a.blend', '1', '30', '2', '--threads', '2', '--slurm'])).toBe('--threads does not apply to --slurm (use --cpus-per-task)');
  });

  it('--help says that a part keeps one thread under openMosix, and why', () => {
    expect(RENDER_HELP).toMatch(/--threads N\s+blender threads per part \(default: this machine's cores \/ PARTS; under\s+openMosix 1, since a multi-threaded process cannot migrate\)/);
  });

  it('takes a file name starting with "-" after --', () => {
    const cli = parseRenderArgs(['--', '-x.blend', '1', '2', '1']);
    expect(cli.help ? '' : cli.options.blendFile).toBe('-x.blend');
  });

  it('explains each bad input in one line', () => {
    expect(errorOf(['a.blend', '1', 'ten', '2'])).toBe('END must be an integer, got "ten"');
    expect(errorOf(['a.blend', '1.5', '10', '2'])).toBe('START must be an integer, got "1.5"');
    expect(errorOf(['a.blend', '1', '10', '0'])).toBe('PARTS must be at least 1, got 0');
    expect(errorOf(['a.blend', '1', '10'])).toMatch(/^expected FILE.blend START END PARTS/);
    expect(errorOf(['a.blend', '1', '10', '2', '--format', 'GIF'])).toMatch(/^--format must be one of/);
    expect(errorOf(['a.blend', '1', '10', '2', '--split', 'odd'])).toBe('--split must be even or dynamic, got "odd"');
    expect(errorOf(['a.blend', '1', '10', '2', '--size', '640'])).toMatch(/^--size expects/);
    expect(errorOf(['a.blend', '1', '10', '2', '--split', 'even', '--chunk', '3'])).toMatch(/^--chunk goes with the dynamic split/);
    expect(errorOf(['a.blend', '1', '10', '2', '--resume', '--overwrite'])).toMatch(/contradict/);
    expect(errorOf(['a.blend', '1', '10', '2', '--bogus'])).toMatch(/bogus/);
    for (const message of [errorOf(['a.blend', '1', '10', '2', '--bogus']), errorOf(['x'])]) expect(message).not.toContain('\n');
  });

  it('--help lists every option', () => {
    expect(parseRenderArgs(['--help'])).toEqual({ help: true });
    for (const option of ['--out', '--scene', '--format', '--size', '--engine', '--no-denoising', '--frames', '--split', '--chunk',
      '--retries', '--stall-timeout', '--resume', '--overwrite', '--movie', '--fps', '--blender', '--json', '--help', '--threads']) {
      expect(RENDER_HELP).toContain(option);
    }
  });
});
