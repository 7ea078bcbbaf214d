// The render pane's preview on a real rendered frame: blender renders the test scene's frame 1 as
// JPEG and as PNG, and the dashboard (blessed into @xterm/headless) draws it as half blocks in
// colour, as shades without colour, and not at all in a pane too small for it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RenderJobHandle, StartRender } from '../../src/launcher/types.js';
import { createFakeBackend, fakeJob } from '../helpers/fakeBackend.js';
import { startDashboard, type DashboardHarness, submitRenderForm } from '../helpers/dashboardHarness.js';
import { BLENDER, blenderRequirementTest, makeScene, SKIP_REASON, SKIP_WITHOUT_BLENDER } from '../launcher/support/blender.js';

const dir = mkdtempSync(join(tmpdir(), 'omtop-preview-'));

function renderFrame(format: 'JPEG' | 'PNG'): string {
  const out = join(dir, format.toLowerCase(), 'frame_####');
  execFileSync(BLENDER ?? 'blender', ['-b', join(dir, 'scene.blend'), '-o', out, '-F', format, '-x', '1', '-f', '1'], { stdio: 'ignore', timeout: 120_000 });
  return join(dir, format.toLowerCase(), `frame_0001.${format === 'JPEG' ? 'jpg' : 'png'}`);
}

/** A job whose last saved frame is `path`, started from the form. */
async function dashboardShowing(path: string, options: { cols?: number; rows?: number; color?: boolean }): Promise<DashboardHarness> {
  const job = fakeJob({ lastSaved: path, outDir: path.slice(0, path.lastIndexOf('/')) });
  const handle: RenderJobHandle = { id: job.id, view: () => job, subscribe: () => () => undefined, cancel: async () => undefined, done: new Promise(() => undefined) };
  const startRender: StartRender = async () => handle;
  const h = await startDashboard(createFakeBackend(), { ...options, startRender });
  h.app.dispatch({ type: 'startRenderDirect' as never });
  return h;
}

blenderRequirementTest();

describe.skipIf(SKIP_WITHOUT_BLENDER)(`the last finished frame in the render pane${SKIP_WITHOUT_BLENDER ? ` (skipped: ${SKIP_REASON})` : ''}`, () => {
  let jpg = '';
  let png = '';
  let h: DashboardHarness | null = null;

  beforeAll(() => {
    makeScene(join(dir, 'scene.blend'), 2);
    jpg = renderFrame('JPEG');
    png = renderFrame('PNG');
  }, 240_000);

  afterEach(async () => {
    await h?.close();
    h = null;
  });

  /** Starts the job through the form and waits until the frame has been decoded and drawn. */
  async function showFrame(path: string, options: { cols?: number; rows?: number; color?: boolean }, waitMs = 20_000): Promise<string[]> {
    h = await dashboardShowing(path, options);
    submitRenderForm(h.app);
    const deadline = Date.now() + waitMs;
    let lines = await h.refresh();
    while (!lines.some((l) => l.includes('frame frame_0001')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      lines = await h.lines();
    }
    return lines;
  }

  it('draws a rendered JPEG as half blocks whose colours differ across the picture', async () => {
    const lines = await showFrame(jpg, { color: true });
    const caption = lines.findIndex((l) => l.includes('frame frame_0001.jpg'));
    expect(caption).toBeGreaterThan(0);
    const picture = lines.slice(caption + 1).filter((l) => l.includes('▀'));
    expect(picture.length).toBeGreaterThanOrEqual(3);
    // Every cell of the picture has its own colours: collect them from the terminal's cells.
    const buffer = (h as unknown as { term?: unknown }).term;
    void buffer;
    const colours = new Set<string>();
    const row = caption + 1;
    const line = lines[row] ?? '';
    const start = line.indexOf('▀');
    expect(start).toBeGreaterThan(0);
    const cells = h?.cells(row, start, line.lastIndexOf('▀') + 1) ?? [];
    for (const cell of cells) colours.add(`${cell.fg}/${cell.bg}`);
    expect(cells.every((cell) => cell.fg !== null && cell.bg !== null)).toBe(true);
    expect(colours.size).toBeGreaterThan(1);
  });

  it('decodes a rendered PNG too, and draws shades of grey without colour (NO_COLOR)', async () => {
    const lines = await showFrame(png, { color: false });
    const caption = lines.findIndex((l) => l.includes('frame frame_0001.png'));
    expect(caption).toBeGreaterThan(0);
    const below = lines.slice(caption + 1).join('\n');
    expect(below).not.toContain('▀');
    expect(below).toMatch(/[░▒▓█]/);
  });

  it('shows no picture in a pane too small for one', async () => {
    const lines = await showFrame(jpg, { cols: 80, rows: 24, color: true }, 1000);
    expect(lines.join('\n')).toContain('1. blacksmith.blend running');
    expect(lines.join('\n')).not.toContain('▀');
  });
});
