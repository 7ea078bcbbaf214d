import { describe, expect, it } from 'vitest';
import { KEYMAP } from '../../src/state/keyTable.js';
import { keyLabel } from '../../src/view/keyLabels.js';
import { initialUiState } from '../../src/state/ui.js';
import { toFooterText, toHelpLines } from '../../src/view/footer.js';

const ui = initialUiState({ readonly: false, intervalMs: 2000 });

describe('footer and help', () => {
  it('the footer shows the focused pane\'s keys first, then the main global ones', () => {
    expect(toFooterText(ui)).toMatch(/^e Expel {2}b Bring {2}s Stay {2}l Lock {2}B Block {2}Q Quiet {2}Tab Pane {2}\? Help {2}q Quit/);
    expect(toFooterText({ ...ui, focus: 'processes' })).toMatch(/^m Migrate {2}h Home {2}a Auto {2}k Signal/);
    expect(toFooterText({ ...ui, focus: 'render' })).toMatch(/^c Cancel .*r Render/);
  });

  it('the help lists every binding of the key table with its keys and description', () => {
    const help = toHelpLines(ui).join('\n');
    for (const binding of KEYMAP.filter((b) => !b.slurmOnly)) {
      expect(help).toContain(`${binding.keys.map(keyLabel).join('/')}`);
      expect(help).toContain(binding.description);
    }
    expect(help).toContain('Processes pane (k sends a signal here');
  });

  it('on Slurm, the help lists Slurm\'s own keys and each key\'s Slurm meaning, and hides the openMosix-only ones', () => {
    const help = toHelpLines(ui, true).join('\n');
    for (const binding of KEYMAP) {
      if (binding.slurm === null) expect(help).not.toContain(binding.description);
      else expect(help).toContain(typeof binding.slurm === 'string' ? binding.slurm : binding.description);
    }
    expect(toHelpLines(ui).join('\n')).not.toContain('cancel the selected job or array task');
  });

  it('marks actions as disabled in read-only mode', () => {
    const help = toHelpLines({ readonly: true });
    expect(help.find((l) => l.includes('expel guest'))).toContain('disabled: read-only');
    expect(help.find((l) => l.includes('this help'))).not.toContain('disabled');
  });
});
