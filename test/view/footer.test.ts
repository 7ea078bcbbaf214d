import { describe, expect, it } from 'vitest';
import { KEYMAP } from '../../src/state/keyTable.js';
import { keyLabel } from '../../src/view/keyLabels.js';
import { initialUiState } from '../../src/state/ui.js';
import { toFooterText, toHelpLines } from '../../src/view/footer.js';

const ui = initialUiState({ readonly: false, intervalMs: 2000 });

describe('footer and help', () => {
  it('the footer starts with ? Help, then the focused pane\'s keys most used first, then the global ones', () => {
    expect(toFooterText(ui)).toMatch(/^\? Help {2}s Stay {2}l Lock {2}B Block {2}e Expel {2}b Bring {2}Q Quiet {2}\/ Filter {2}Tab Pane {2}t Group/);
    expect(toFooterText({ ...ui, focus: 'processes' })).toMatch(/^\? Help {2}Enter Detail {2}m Migrate {2}h Home {2}k Signal {2}a Auto/);
    expect(toFooterText({ ...ui, focus: 'render' })).toMatch(/^\? Help {2}c Cancel .*r Render/);
  });

  it('fits whole entries into the width and never drops ? Help', () => {
    for (const width of [80, 60, 30, 12]) {
      for (const focus of ['nodes', 'processes', 'render'] as const) {
        const text = toFooterText({ ...ui, focus }, { backend: 'demo', width });
        expect(text.length, `${focus} at ${width}`).toBeLessThanOrEqual(width);
        expect(text, `${focus} at ${width}`).toMatch(/^\? Help/);
        // Whole entries only: a key, then its word.
        for (const entry of text.split('  ')) expect(entry, `${focus} at ${width}`).toMatch(/^(.+: )?\S+ [A-Z][a-z]+$/);
      }
    }
    // At 80 columns the most used keys are there, the least used are what is left out.
    const processes = toFooterText({ ...ui, focus: 'processes' }, { backend: 'demo', width: 80 });
    expect(processes).toContain('m Migrate');
    expect(processes).not.toContain('q Quit');
  });

  it('in the nodes pane says which node the keys act on, and that it is not the selected one', () => {
    expect(toFooterText(ui, { backend: 'demo', nodes: { local: 261, selected: 261 } })).toMatch(/^\? Help {2}on N261: s Stay/);
    expect(toFooterText(ui, { backend: 'demo', nodes: { local: 261, selected: 407 } }))
      .toMatch(/^\? Help {2}N407 selected, keys act on N261: s Stay/);
    expect(toFooterText({ ...ui, focus: 'processes' }, { backend: 'demo', nodes: { local: 261, selected: 407 } })).not.toContain('N261');
  });

  it('leaves out keys the backend cannot run: the local backend has no mosctl and no migrate', () => {
    const nodes = toFooterText(ui, { backend: 'local', nodes: { local: 5, selected: 5 } });
    expect(nodes).toMatch(/^\? Help {2}\/ Filter/);
    for (const word of ['Expel', 'Stay', 'Block', 'on N5']) expect(nodes).not.toContain(word);
    const processes = toFooterText({ ...ui, focus: 'processes' }, { backend: 'local' });
    expect(processes).toContain('k Signal');
    for (const word of ['Migrate', 'Home', 'Auto']) expect(processes).not.toContain(word);
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
    const help = toHelpLines(ui, 'slurm').join('\n');
    for (const binding of KEYMAP) {
      if (binding.slurm === null) expect(help).not.toContain(binding.description);
      else expect(help).toContain(typeof binding.slurm === 'string' ? binding.slurm : binding.description);
    }
    expect(toHelpLines(ui).join('\n')).not.toContain('cancel the selected job or array task');
  });

  it('marks actions as disabled in read-only mode, and those the backend cannot run', () => {
    const help = toHelpLines({ readonly: true });
    expect(help.find((l) => l.includes('expel guest'))).toContain('disabled: read-only');
    expect(help.find((l) => l.includes('this help'))).not.toContain('disabled');
    const local = toHelpLines({ readonly: false }, 'local');
    expect(local.find((l) => l.includes('expel guest'))).toContain('not on the local backend');
    expect(local.find((l) => l.includes('send a signal'))).not.toContain('not on');
  });
});
