// The tutorial's situation on a real machine: a tutorial-style `render` script renders a real
// Blender scene in the background while `omtop --backend local` runs in a terminal (tmux). The
// render pane must show the script's job with its parts and what it will leave out, count the
// frames the parts write, and — once the script has finished — render exactly the missing frames
// with one key.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_TMUX, TmuxSession } from '../helpers/tmux.js';
import { BLENDER, blenderRequirementTest, makeScene, SKIP_REASON, SKIP_WITHOUT_BLENDER } from '../launcher/support/blender.js';

const root = resolve(import.meta.dirname, '../..');
const SCRIPT = join(root, 'fixtures/render-script/render');
const session = 'watch';
const work = mkdtempSync(join(tmpdir(), 'omtop-watch-'));
const exitFile = join(work, 'exit-code');
const stderrFile = join(work, 'stderr');

const terminal = new TmuxSession('watch', session);
const screen = (): string => terminal.screen();
const press = (key: string): void => terminal.press(key);
const tmux = (...args: string[]): string => terminal.tmux(...args);
const waitFor = (check: (text: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> => terminal.waitFor(check, what, timeoutMs);

/**
 * Moves the render pane's selection onto the job whose line matches `line`: other blenders on this
 * machine (another test run, say) are renders omtop finds too, so the list may hold more than ours.
 */
async function selectJob(line: RegExp, shows: RegExp): Promise<string> {
  const text = screen();
  const position = Number(new RegExp(`(\\d+)\\. ${line.source}`).exec(text)?.[1] ?? '1');
  tmux('send-keys', '-t', session, ...Array.from({ length: 30 }, () => 'k'));
  if (position > 1) tmux('send-keys', '-t', session, ...Array.from({ length: position - 1 }, () => 'j'));
  return waitFor((t) => shows.test(t), `job ${position} selected`, 10_000);
}

const frames = (): string[] => (existsSync(join(work, 'rendered')) ? readdirSync(join(work, 'rendered')).filter((f) => /^frame_\d{4}\.jpg$/.test(f)).sort() : []);
const frameName = (n: number): string => `frame_${String(n).padStart(4, '0')}.jpg`;

blenderRequirementTest();
it('tmux is installed where OMTOP_REQUIRE_BLENDER=1 (CI) requires the external tools', () => {
  expect(HAVE_TMUX || process.env.OMTOP_REQUIRE_BLENDER !== '1', 'tmux is not installed').toBe(true);
});

const skip = SKIP_WITHOUT_BLENDER || !HAVE_TMUX;
describe.skipIf(skip)(`a tutorial-style render script watched by omtop --backend local${skip ? ` (skipped: ${SKIP_WITHOUT_BLENDER ? SKIP_REASON : 'tmux is not installed'})` : ''}`, () => {
  let script: ChildProcess | null = null;

  beforeAll(() => {
    makeScene(join(work, 'scene.blend'), 24);
    const command = `node bin/omtop.js --backend local -d 1 --no-bell 2> ${stderrFile}; echo $? > ${exitFile}; sleep 120`;
    tmux('new-session', '-d', '-s', session, '-x', '150', '-y', '45', '-c', root, '-e', 'NCURSES_NO_UTF8_ACS=1', command);
  }, 120_000);

  afterAll(() => {
    if (script?.pid !== undefined && script.exitCode === null) {
      try {
        process.kill(-script.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    terminal.stop();
  });

  it('shows the running script, its parts and the frames it will leave out; counts their frames; R renders the rest', async () => {
    await waitFor((t) => /Render/.test(t) && /Nodes \(1\)/.test(t), 'the dashboard', 60_000);
    // render scene.blend 1 24 3: (24-1)/3 = 7 frames a part, 2-8, 9-15, 16-22; never 1, 23, 24.
    script = spawn('sh', [SCRIPT, 'scene.blend', '1', '24', '3'], {
      cwd: work, detached: true, stdio: 'ignore', env: { ...process.env, BLENDER: BLENDER ?? 'blender' },
    });
    await waitFor((t) => /render scene\.blend 1 24 3 running/.test(t), 'the script\'s job in the render pane');
    press('Tab');
    press('Tab');
    await waitFor((t) => t.includes('▶ Render'), 'focus on the render pane');
    const running = await selectJob(/render scene\.blend 1 24 3/, /16-22/);
    expect(running).toMatch(/\d\. render scene\.blend 1 24 3 running/);
    expect(running).toMatch(/2-8 /);
    expect(running).toMatch(/9-15 /);
    // The warning wraps in the pane rather than being cut: read the render pane's lines as one text.
    const pane = running.split('\n').map((line) => /││(.*)│$/.exec(line)?.[1]?.trim() ?? '').join(' ');
    expect(pane).toContain('the script renders 2–22: frames 1, 23, 24 will be missing');

    await new Promise<void>((done) => script?.on('exit', () => done()));
    const ended = await waitFor((t) => /\d\. render scene\.blend 1 24 3 finished/.test(t) && /16-22\s+-\s+-\s+7\/7/.test(t), 'the script\'s end', 30_000);
    // What the pane counts is what is on disk: 21 frames, 7 a part, and none of 1, 23, 24.
    expect(frames()).toHaveLength(21);
    expect(frames()).not.toContain(frameName(1));
    expect(ended).toMatch(/ 21\/24 /);
    for (const range of ['2-8', '9-15', '16-22']) expect(ended).toMatch(new RegExp(`${range}\\s+-\\s+-\\s+7/7 .*done`));
    expect(ended).toMatch(/3 frame\(s\) missing: 1,23-24/);

    press('R');
    await waitFor((t) => /\d\. scene\.blend finished 3\/3/.test(t), 'the launcher rendering the missing frames', 180_000);
    expect(frames()).toEqual(Array.from({ length: 24 }, (_, i) => frameName(i + 1)));

    press('q');
    await waitFor(() => existsSync(exitFile), 'exit', 15_000);
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
  }, 420_000);
});
