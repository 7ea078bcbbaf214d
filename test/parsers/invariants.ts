// What no parsed value may hold, checked independently of the parsers' own code, and the
// generator of long adversarial lines for the fuzz tests.
import fc from 'fast-check';

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HOST = /^(?=.{1,253}$)(?![\d.]+$)[A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63})*$/;
const IPV6 = /^(?=.*:)[0-9A-Fa-f:.]{2,45}$/;
const MEMORY_PAIRS = [['freeBytes', 'totalBytes'], ['memFreeBytes', 'memTotalBytes'], ['memPhysFreeBytes', 'memTotalBytes'], ['free', 'total'], ['used', 'total']] as const;

/**
 * Every impossible thing in a parsed value, as `path: why` (empty when none): a number that is not
 * finite, free (or used) memory above the total, an address that is neither IPv4 nor a host name
 * nor IPv6, a utilisation above what the CPUs give, a Blender frame past MAXFRAME.
 */
export function impossibleValues(value: unknown, path = 'value'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const found = Object.entries(record).flatMap(([key, inner]) => impossibleValues(inner, `${path}.${key}`));
  for (const [free, total] of MEMORY_PAIRS) {
    const [a, b] = [record[free], record[total]];
    if (typeof a === 'number' && typeof b === 'number' && a > b) found.push(`${path}: ${free} ${a} > ${total} ${b}`);
  }
  for (const key of ['address', 'ip'] as const) {
    const text = record[key];
    if (typeof text === 'string' && text !== '' && !IPV4.test(text) && !HOST.test(text) && !IPV6.test(text)) found.push(`${path}.${key}: ${JSON.stringify(text)}`);
  }
  const host = record.host;
  if (typeof host === 'string' && !HOST.test(host)) found.push(`${path}.host: ${JSON.stringify(host)}`);
  const { util, capacity, cpus, frame } = record;
  if (typeof util === 'number' && typeof capacity === 'number' && util > capacity) found.push(`${path}: util ${util} > capacity ${capacity}`);
  if (typeof util === 'number' && typeof cpus === 'number' && capacity === undefined && util > cpus * 100) found.push(`${path}: util ${util} > ${cpus} CPUs`);
  if (typeof frame === 'number' && frame > 1_048_574) found.push(`${path}: frame ${frame}`);
  return found;
}

/** Line starts that reach each parser's deepest pattern, then repeated runs that made patterns backtrack. */
const TRIGGERS = [
  'Mem:', 'Swap:', 'CPU states:', '45 processes:', ' 10:37pm  up ', 'OpenMosix range 1', 'OpenMosix range ', 'Node 3 has an alias: ',
  'Total configured: ', 'This is OpenMosix node #', 'Network protocol: ', 'openMosix: Falling back to autodiscovery mode using ',
  'Saved: ', "Saved: '", 'Fra:', 'Fra:1 Mem:1M | Time:', ' Time: ', 'Skipping existing frame "', '00:02.440  render | ',
  'load=', 'speed=', 'free memory = ', 'raw free memory = ', 'Utilizability = ', 'Utilizability = 1% (of ', 'Yardstick speed currently set to ',
  'Decaying statistics of active processes occurs every ', 'Slow decay leaves ', 'This is openMosix #', 'My Node-Id: ',
  '  PID TTY NODE STAT TIME COMMAND\n    1  ?     0 ', 'USER       PID %CPU %MEM  SIZE   RSS TTY NODE STAT START   TIME COMMAND\nroot ',
  'Node #', 'Error: ', 'Usage: ', '\tHome-node overhead = ', '',
];
const UNITS = [' ', '-', '1', 'K', 'k ', ':', '1:', '1 ', 'a', 'a ', '%', '1%', ',', ', ', '\t', "'", '|', ' Time: ', '(', '.', '1.', '#', '=', '0:00 ', 'R N', 'users, '];

/** A line of 20-60 thousand characters, alone or put into one of `seeds` in place of a line. */
export function longLine(seeds: readonly string[]): fc.Arbitrary<string> {
  const line = fc
    .record({
      prefix: fc.constantFrom(...TRIGGERS),
      unit: fc.constantFrom(...UNITS),
      length: fc.integer({ min: 20_000, max: 60_000 }),
      suffix: fc.constantFrom('', 'x', ' x', '%)', "'", '.', ' processor).', ' users, load average: 1, 2, 3', ' begins at 10.0.0.1'),
    })
    .map(({ prefix, unit, length, suffix }) => prefix + unit.repeat(Math.ceil(length / unit.length)) + suffix);
  return fc.oneof(
    line,
    fc.record({ line, seed: fc.nat(Math.max(0, seeds.length - 1)), at: fc.nat(40) }).map(({ line: long, seed, at }) => {
      const lines = (seeds[seed] ?? '').split('\n');
      lines.splice(at % (lines.length + 1), 0, long);
      return lines.join('\n');
    }),
  );
}
