// Parsers for the Linux /proc files the local backend reads (kernel text, one function each).
//   /proc/loadavg:  "0.15 0.23 0.16 1/93 7669"
//   /proc/meminfo:  "MemTotal:       24683620 kB" / "MemAvailable:   24305532 kB"
//   /proc/cpuinfo:  "processor\t: 0" / "cpu MHz\t\t: 2096.016"
//   /proc/stat:     "cpu  8218 0 6638 99447 633 0 263 0 0 0"
// Each returns null when the text is not what the kernel prints, so the caller can say which file.

export function parseLoadavg(text: string): number | null {
  const first = Number(text.trim().split(/\s+/)[0]);
  return text.trim() !== '' && Number.isFinite(first) && first >= 0 ? first : null;
}

export interface MemInfo {
  readonly totalBytes: number;
  /** MemAvailable where the kernel has it (3.14+), else MemFree. */
  readonly freeBytes: number;
}

export function parseMeminfo(text: string): MemInfo | null {
  const kib = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\w+):\s+(\d+)\s*kB$/.exec(line.trim());
    if (match?.[1] && match[2]) kib.set(match[1], Number(match[2]));
  }
  const total = kib.get('MemTotal');
  const free = kib.get('MemAvailable') ?? kib.get('MemFree');
  if (total === undefined || free === undefined) return null;
  return { totalBytes: total * 1024, freeBytes: free * 1024 };
}

export interface CpuInfo {
  readonly cpus: number;
  /** Mean "cpu MHz" over the CPUs; null where the kernel does not say (many ARM boards). */
  readonly mhz: number | null;
}

export function parseCpuinfo(text: string): CpuInfo | null {
  let cpus = 0;
  const mhz: number[] = [];
  for (const line of text.split('\n')) {
    const [key = '', value = ''] = line.split(':').map((part) => part.trim());
    if (key === 'processor' && /^\d+$/.test(value)) cpus += 1;
    if (key === 'cpu MHz' && Number.isFinite(Number(value)) && value !== '') mhz.push(Number(value));
  }
  if (cpus === 0) return null;
  return { cpus, mhz: mhz.length > 0 ? mhz.reduce((a, b) => a + b, 0) / mhz.length : null };
}

export interface CpuTimes {
  readonly busy: number;
  readonly total: number;
}

/** The aggregate "cpu" line of /proc/stat: idle and iowait count as not busy. */
export function parseProcStatCpu(text: string): CpuTimes | null {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (ticks.length < 4 || ticks.some((n) => !Number.isFinite(n))) return null;
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: total - idle, total };
}
