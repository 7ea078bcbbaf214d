// The README is what a newcomer reads first: its set-up commands and key list must match the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYMAP } from '../../src/state/keyTable.js';
import { keyLabel } from '../../src/view/keyLabels.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const keyRows = readme.split('\n').filter((line) => /^\| `/.test(line));

describe('README', () => {
  it('starts its set-up with exactly the two commands: install-and-start, then npm test', () => {
    const setup = /## Set up\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim().split('\n');
    expect(setup).toEqual(['npm ci && npx omtop', 'npm test']);
  });

  it.each(KEYMAP.map((binding) => [binding.id, binding] as const))('lists the key for %s', (_action, binding) => {
    const labels = binding.keys.map(keyLabel);
    const row = keyRows.find((line) => labels.every((label) => line.includes(`\`${label}\``)));
    expect(row, `no README key row names ${labels.join(' ')}`).toBeDefined();
    if (binding.policy.confirm) expect(row).toContain('⚠');
  });
});
