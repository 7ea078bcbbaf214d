// One line of the results table. Every benchmark returns a list of these; run.ts prints them and
// writes them to bench/results.json. A target is checked and shown, never enforced: benchmarks report.

export interface Target {
  /** Which number the target is about. */
  readonly on: 'value' | 'ratio';
  readonly atMost?: number;
  readonly atLeast?: number;
}

export interface BenchRow {
  /** The benchmark this row belongs to, e.g. "1 parsers". */
  readonly bench: string;
  readonly name: string;
  /** null when it could not be measured (then `note` says why). */
  readonly value: number | null;
  readonly unit: string;
  /** What the ratio compares against, with its value: "JSON.parse 212.4 MB/s". */
  readonly baseline?: string;
  readonly ratio?: number | null;
  readonly target?: Target;
  readonly note?: string;
}

/** "≥ 0.5×", "≤ 10 ms": the target as a reader sees it. */
export function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) return '';
  const suffix = target.on === 'ratio' ? '×' : ` ${unit}`;
  const parts: string[] = [];
  if (target.atLeast !== undefined) parts.push(`≥ ${target.atLeast}${suffix}`);
  if (target.atMost !== undefined) parts.push(`≤ ${target.atMost}${suffix}`);
  return parts.join(' and ');
}

/** true/false when the row has a target and the number it is about; null otherwise. */
export function meetsTarget(row: Pick<BenchRow, 'value' | 'ratio' | 'target'>): boolean | null {
  const { target } = row;
  if (!target) return null;
  const number = target.on === 'ratio' ? row.ratio : row.value;
  if (number === null || number === undefined || !Number.isFinite(number)) return null;
  if (target.atLeast !== undefined && number < target.atLeast) return false;
  if (target.atMost !== undefined && number > target.atMost) return false;
  return true;
}

/** A readable number: three significant digits for small values, whole numbers for large ones. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  if (magnitude === 0) return '0';
  return value.toPrecision(2);
}
