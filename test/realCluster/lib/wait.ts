// Waiting by condition, never by a fixed sleep: QEMU without KVM on a shared 2-core host is slow
// by a factor nobody can predict, so every wait has a generous deadline and says what it waited for.

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `check` every `everyMs` until it returns something other than null (or throws); rejects
 * with what it waited for, and `detail()`, after `timeoutMs`.
 */
export async function waitUntil<T>(
  what: string,
  timeoutMs: number,
  check: () => T | null | Promise<T | null>,
  detail: () => string = () => '',
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() >= deadline) {
      const more = detail();
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${more ? `; ${more}` : ''}`);
    }
    await sleep(everyMs);
  }
}
