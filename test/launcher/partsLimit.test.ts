// PARTS is capped: at the frame count always, at a few per CPU where no openMosix spreads the parts.
import { describe, expect, it } from 'vitest';
import { decideParts, hostFacts, PARTS_PER_CPU } from '../../src/launcher/partsLimit.js';

const lone = { cpus: 2, openMosix: false };

describe('decideParts', () => {
  it('keeps a sane PARTS as asked, without a word', () => {
    expect(decideParts(4, 160, lone, false)).toEqual({ parts: 4, warnings: [] });
    expect(decideParts(PARTS_PER_CPU * 2, 160, lone, false)).toEqual({ parts: 8, warnings: [] });
  });

  it('never starts more parts than there are frames', () => {
    expect(decideParts(5, 2, lone, false)).toEqual({ parts: 2, warnings: ['only 2 frame(s) to render: using 2 part(s) instead of 5'] });
  });

  it('caps 1,000 parts on a 2-CPU node without openMosix at 4 per CPU, and says how to insist', () => {
    expect(decideParts(1000, 1000, lone, false)).toEqual({
      parts: 8,
      warnings: ['1000 parts on a node with 2 CPU(s) and no openMosix to spread them: using 8 (4 per CPU); pass --allow-many-parts to start all 1000'],
    });
  });

  it('starts them all with --allow-many-parts, or where openMosix spreads them (the frame count still caps)', () => {
    expect(decideParts(1000, 1000, lone, true)).toEqual({ parts: 1000, warnings: [] });
    expect(decideParts(1000, 1000, { cpus: 2, openMosix: true }, false)).toEqual({ parts: 1000, warnings: [] });
    expect(decideParts(1000, 10, { cpus: 2, openMosix: true }, false).parts).toBe(10);
  });

  it('reads this node: at least one CPU, and openMosix only where /proc/hpc exists', () => {
    const host = hostFacts();
    expect(host.cpus).toBeGreaterThanOrEqual(1);
    expect(typeof host.openMosix).toBe('boolean');
  });
});
