/** Timing: warm-up, then N iterations (or a time budget), percentiles in milliseconds. */

export interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
  /** Sequential calls per second (1000 / mean). */
  opsPerSec: number;
}

export interface MeasureOptions {
  warmup: number;
  iterations: number;
  /** Stop earlier when this many seconds have been spent (at least `minIterations` are run). */
  maxSeconds: number;
  minIterations: number;
}

export const DEFAULT_MEASURE: MeasureOptions = { warmup: 20, iterations: 300, maxSeconds: 6, minIterations: 20 };

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function statsOf(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    opsPerSec: mean > 0 ? 1000 / mean : 0,
  };
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Runs `fn` sequentially and times each call (wall clock, including awaiting its promise).
 * `before`, when given, runs before each call, untimed (puts back what the call changed).
 */
export async function measure(fn: () => unknown, opts: MeasureOptions = DEFAULT_MEASURE, before?: () => unknown): Promise<Stats> {
  for (let i = 0; i < opts.warmup; i++) {
    await before?.();
    await fn();
  }
  const samples: number[] = [];
  const start = nowMs();
  while (samples.length < opts.iterations && (samples.length < opts.minIterations || nowMs() - start < opts.maxSeconds * 1000)) {
    await before?.();
    const t0 = nowMs();
    await fn();
    samples.push(nowMs() - t0);
  }
  return statsOf(samples);
}

/** Times an asynchronous round trip whose end is signalled elsewhere (an event received). */
export async function measureRoundTrip(start: (done: () => void) => unknown, opts: MeasureOptions = DEFAULT_MEASURE): Promise<Stats> {
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = nowMs();
      const timer = setTimeout(() => reject(new Error('round trip: no event within 10 s')), 10_000);
      Promise.resolve(
        start(() => {
          clearTimeout(timer);
          resolve(nowMs() - t0);
        }),
      ).catch(reject);
    });
  for (let i = 0; i < opts.warmup; i++) await once();
  const samples: number[] = [];
  const t = nowMs();
  while (samples.length < opts.iterations && (samples.length < opts.minIterations || nowMs() - t < opts.maxSeconds * 1000)) samples.push(await once());
  return statsOf(samples);
}
