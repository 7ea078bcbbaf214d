import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/io.js';
import { parseGlobalOptions } from '../src/options.js';

function usageError(argv: string[]): string {
  try {
    parseGlobalOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`accepted ${argv.join(' ')}`);
}

describe('parseGlobalOptions', () => {
  it('has the documented defaults', () => {
    expect(parseGlobalOptions([])).toEqual({
      backend: undefined, once: false, json: false, readonly: false, mouse: true, intervalMs: 2000, seed: undefined, timeoutMs: 2000, bell: true,
    });
  });

  it('reads backends, --demo, seconds and seeds', () => {
    const options = parseGlobalOptions(['--demo', '-d', '0.5', '--timeout', '3', '--seed', '7', '--once', '--json', '--readonly']);
    expect(options).toMatchObject({ backend: 'demo', intervalMs: 500, timeoutMs: 3000, seed: 7, once: true, json: true, readonly: true });
    expect(parseGlobalOptions(['--backend', 'local']).backend).toBe('local');
    expect(parseGlobalOptions(['--interval=1']).intervalMs).toBe(1000);
    expect(parseGlobalOptions(['--no-mouse']).mouse).toBe(false);
    expect(parseGlobalOptions(['--forks-per-second', '20']).forksPerSecond).toBe(20);
    expect(parseGlobalOptions([]).forksPerSecond).toBeUndefined();
  });

  it.each([
    [['--backend', 'foo'], '--backend must be openmosix, local, demo or slurm, got "foo"'],
    [['--demo', '--backend', 'local'], '--demo conflicts with --backend local'],
    [['--json'], '--json goes with --once'],
    [['--interval', 'abc'], '--interval expects a number of seconds, got "abc"'],
    [['--interval', '0'], '--interval must be between 0.1 and 3600 seconds, got "0"'],
    [['--interval', '1e9'], '--interval must be between 0.1 and 3600 seconds, got "1e9"'],
    [['--interval=-1'], '--interval must be between 0.1 and 3600 seconds, got "-1"'],
    [['-d', '-1'], '-d needs a value; write --interval=VALUE for one that starts with "-"'],
    [['--timeout', '0.01'], '--timeout must be between 0.05 and 600 seconds, got "0.01"'],
    [['--seed', '1.5'], '--seed expects a whole number, got "1.5"'],
    [['--forks-per-second', '0'], '--forks-per-second expects a number from 1 to 100000, got "0"'],
    [['--forks-per-second', 'many'], '--forks-per-second expects a number from 1 to 100000, got "many"'],
    [['--seed', '99999999999999999999'], '--seed expects a whole number, got "99999999999999999999"'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--backend'], "Option '--backend <value>' argument missing"],
  ])('refuses %j in one line: %s', (argv, message) => {
    const text = usageError(argv);
    expect(text).toBe(message);
    expect(text).not.toContain('\n');
  });
});
