// Wall-clock sampling for in-process benchmarks. Each figure is compared against a baseline
// measured in the same run, so the absolute numbers here only need to be consistent.
import { performance } from 'node:perf_hooks';

/** Milliseconds one call of `work` takes. */
export function timeOnce(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

export async function timeOnceAsync(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export interface SampleOptions {
  /** Calls made and thrown away first, so the JIT has seen the code. */
  readonly warmup: number;
  /** Stop after this many samples… */
  readonly maxSamples: number;
  /** …or once this much time has been spent sampling, whichever comes first (at least 3 samples). */
  readonly budgetMs: number;
}

/** Durations in ms of repeated calls of `work`. */
export function sample(work: () => void, options: SampleOptions): number[] {
  for (let i = 0; i < options.warmup; i += 1) work();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < options.maxSamples && (samples.length < 3 || performance.now() - started < options.budgetMs)) {
    samples.push(timeOnce(work));
  }
  return samples;
}

export async function sampleAsync(work: () => Promise<unknown>, options: SampleOptions): Promise<number[]> {
  for (let i = 0; i < options.warmup; i += 1) await work();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < options.maxSamples && (samples.length < 3 || performance.now() - started < options.budgetMs)) {
    samples.push(await timeOnceAsync(work));
  }
  return samples;
}
