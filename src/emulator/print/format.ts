// The bits of C printf and procps 2.0 that the openMosix tools' text is made of.

/** `%Nd` / `%Ns`: right-aligned, never truncated. */
export function right(value: string | number, width: number): string {
  return String(value).padStart(width);
}

/** `%-Ns`: left-aligned, never truncated. */
export function left(value: string, width: number): string {
  return value.padEnd(width);
}

/** `%-N.Ns`: left-aligned and cut to N characters. */
export function leftCut(value: string, width: number): string {
  return value.slice(0, width).padEnd(width);
}

/** `%N.Ns`: right-aligned and cut to N characters. */
export function rightCut(value: string, width: number): string {
  return value.slice(0, width).padStart(width);
}

/** `%02d` */
export function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** `%N.1f` */
export function fixed1(value: number, width: number): string {
  return (Math.abs(value) < 0.05 ? 0 : value).toFixed(1).padStart(width);
}

/**
 * procps 2.0 top's scale_k: KiB printed as is when it fits `width`, else as M, G or T
 * (each ×1024), first with one decimal and then without:  39328  38M  1.2G
 */
export function scaleK(kib: number, width: number): string {
  const whole = String(Math.round(kib));
  if (whole.length <= width) return whole;
  for (const [suffix, factor] of [['M', 1024], ['G', 1024 ** 2], ['T', 1024 ** 3]] as const) {
    const oneDecimal = `${(kib / factor).toFixed(1)}${suffix}`;
    if (oneDecimal.length <= width) return oneDecimal;
    const noDecimal = `${Math.trunc(kib / factor)}${suffix}`;
    if (noDecimal.length <= width) return noDecimal;
  }
  return `${Math.trunc(kib / 1024 ** 3)}T`;
}

/** procps 2.0 top's scale_time: `m:ss` when it fits, else whole minutes, hours, days or weeks. */
export function scaleTime(seconds: number, width: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const clock = `${Math.floor(total / 60)}:${twoDigits(total % 60)}`;
  if (clock.length <= width) return clock;
  for (const [suffix, unit] of [['m', 60], ['h', 3600], ['d', 86_400], ['w', 604_800]] as const) {
    const scaled = `${Math.floor(total / unit)}${suffix}`;
    if (scaled.length <= width) return scaled;
  }
  return `${Math.floor(total / 604_800)}w`;
}
