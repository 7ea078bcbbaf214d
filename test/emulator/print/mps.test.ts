import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { printMps, printMpsRow } from '../../../src/emulator/print/mps.js';
import { fixtureJson, fixtureText } from './seedFixtures.js';

const TutorialRows = z.object({
  processes: z.array(
    z.object({ pid: z.number(), tty: z.string(), node: z.number(), stat: z.string(), timeSeconds: z.number(), command: z.string() }),
  ),
});

describe('printMps', () => {
  it("reproduces the tutorial's mps capture byte for byte from its values", () => {
    const { processes } = TutorialRows.parse(fixtureJson('mps/tutorial.json'));
    expect(printMps(processes)).toBe(fixtureText('mps/tutorial.txt'));
  });

  it('keeps minutes cumulative (no hours field) and lets wide node numbers push the columns', () => {
    expect(printMpsRow({ pid: 4501, tty: '?', node: 2780, stat: 'R', timeSeconds: 227 * 60 + 33, command: '(blender)' })).toBe(
      ' 4501 ?   2780 R  227:33 (blender)',
    );
  });

  it('prints only the header for no processes', () => {
    expect(printMps([])).toBe('  PID TTY NODE STAT TIME COMMAND\n');
  });
});
