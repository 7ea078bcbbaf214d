import { describe, expect, it } from 'vitest';
import { outcomeEnvironment, runOnDone, splitWords } from '../../src/launcher/onDone.js';
import type { CommandRunner } from '../../src/runner/runner.js';
import { fakeJob } from '../helpers/fakeBackend.js';

describe('--on-done', () => {
  it('splits words as a shell splits plain words and quotes, expanding nothing', () => {
    expect(splitWords('notify-send "render done"')).toEqual({ ok: true, words: ['notify-send', 'render done'] });
    expect(splitWords(`sh -c 'echo "$OMTOP_STATUS" > out' x`)).toEqual({ ok: true, words: ['sh', '-c', 'echo "$OMTOP_STATUS" > out', 'x'] });
    expect(splitWords('a\\ b "c\\"d" \'\' $HOME `x`')).toEqual({ ok: true, words: ['a b', 'c"d', '', '$HOME', '`x`'] });
    expect(splitWords("mail -s 'render status")).toEqual({ ok: false, message: '--on-done: the single quote is not closed' });
    expect(splitWords('   ')).toEqual({ ok: false, message: '--on-done names no command' });
  });

  it('puts the outcome in the environment: status, frames done and expected, folder, movie', () => {
    const env = outcomeEnvironment(fakeJob({ state: 'finished', framesDone: 40, framesTotal: 40, framesMissing: '' }), '/tmp/out/b.mp4');
    expect(env).toMatchObject({
      OMTOP_STATUS: 'finished', OMTOP_FRAMES_DONE: '40', OMTOP_FRAMES_EXPECTED: '40', OMTOP_OUTPUT_DIR: '/tmp/out', OMTOP_MOVIE: '/tmp/out/b.mp4',
      OMTOP_JOB_ID: 'r1', OMTOP_BLEND_FILE: '/home/user/blacksmith.blend', OMTOP_FRAMES_MISSING: '',
    });
    // No movie was made for a render that did not finish.
    expect(outcomeEnvironment(fakeJob({ state: 'failed', framesMissing: '17-40' }), '/tmp/out/b.mp4')).toMatchObject({ OMTOP_MOVIE: '', OMTOP_FRAMES_MISSING: '17-40' });
  });

  it('runs the words as an argv through the runner, and says in one line when the command failed', async () => {
    const ran: Array<readonly string[]> = [];
    const runner = (exitCode: number): CommandRunner => ({
      run: (argv) => {
        ran.push(argv);
        return Promise.resolve(exitCode === 0 ? { argv, exitCode, stdout: '', stderr: '', durationMs: 1 }
          : { argv, exitCode, stdout: '', stderr: 'no', durationMs: 1, failure: 'exit', message: `${argv.join(' ')}: exit code ${exitCode}: no` });
      },
    });
    expect(await runOnDone(runner(0), ['notify-send', 'render done'])).toBeNull();
    expect(await runOnDone(runner(1), ['false'])).toBe('--on-done: false: exit code 1: no');
    expect(ran).toEqual([['notify-send', 'render done'], ['false']]);
  });
});
