// CPU time as ps/top print it. procps 2.0 `ps` prints cumulative `m:ss` (minutes may exceed 59);
// top's scale_time falls back to `Nm`, `Nh`, `Nd`, `Nw` when `m:ss` no longer fits six columns:
//    0:17     227:33     1234m     31h     4d     2w
// Later procps also prints `h:mm:ss` and `d-hh:mm:ss`; those are accepted too.

const UNIT_SECONDS: Readonly<Record<string, number>> = { m: 60, h: 3600, d: 86400, w: 604800 };

/** Seconds for a CPU-time text, or null when it is not one. */
export function cpuTimeSeconds(text: string): number | null {
  const fast = minutesSeconds(text);
  if (fast !== null) return fast;
  const clock = /^(?:(\d{1,6})-)?(?:(\d{1,9}):)?(\d{1,9}):([0-5]\d)(?:\.\d+)?$/.exec(text);
  if (clock) {
    const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = clock;
    const total = Number(days) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
    return Number.isSafeInteger(total) ? total : null;
  }
  const scaled = /^(\d{1,9})([mhdw])$/.exec(text);
  if (scaled) {
    const [, count = '0', unit = 'm'] = scaled;
    return Number(count) * (UNIT_SECONDS[unit] ?? 60);
  }
  return null;
}

const ZERO = 0x30;
const COLON = 0x3a;

/**
 * `m:ss` (1-9 minute digits), the form nearly every row has, read without a regex because tables
 * run to 10,000 rows. Gives what the clock pattern gives it; null means "not this form", not "invalid".
 */
function minutesSeconds(text: string): number | null {
  const colon = text.length - 3;
  if (colon < 1 || colon > 9 || text.charCodeAt(colon) !== COLON) return null;
  let minutes = 0;
  for (let index = 0; index < colon; index += 1) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return null;
    minutes = minutes * 10 + digit;
  }
  const tens = text.charCodeAt(colon + 1) - ZERO;
  const units = text.charCodeAt(colon + 2) - ZERO;
  if (tens < 0 || tens > 5 || units < 0 || units > 9) return null;
  return minutes * 60 + tens * 10 + units;
}
