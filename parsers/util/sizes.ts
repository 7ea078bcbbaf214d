// top's scale_k: SIZE, RSS and SHARE are KiB, and a number too wide for its column is printed
// with a K/M/G/T suffix instead:   39328   38M   1.2G   676
// Each suffix is a factor of 1024 over the one before, starting from KiB (K = ×1).

const SUFFIX_KIB: Readonly<Record<string, number>> = { '': 1, K: 1, M: 1024, G: 1024 ** 2, T: 1024 ** 3 };

/** KiB for a scale_k text, or null when it is not one. */
export function scaledKiB(text: string): number | null {
  const match = /^(\d{1,15}(?:\.\d{1,6})?)([KMGT]?)$/i.exec(text);
  if (!match) return null;
  const [, amount = '', suffix = ''] = match;
  const kib = Math.round(Number(amount) * (SUFFIX_KIB[suffix.toUpperCase()] ?? 1));
  return Number.isSafeInteger(kib) ? kib : null;
}
