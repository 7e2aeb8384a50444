/**
 * What the benchmark firm is, without generating it: its size at a scale, its fixed dates
 * and its users. Shared by the generator and the bench (which must not load the generator:
 * faker's locales alone weigh ~100 MB of memory).
 */

/** Bump when the generated data changes: cached benchmark databases are keyed by it. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20260115;
/** The generated firm's "today": data never depends on the clock. */
export const BENCH_TODAY = '2026-11-15';
export const BENCH_NOW = new Date('2026-11-15T17:00:00Z');
export const FIRST_YEAR = 2017;
export const LAST_YEAR = 2026;
export const BENCH_PASSWORD = 'koprogo-bench';
export const BENCH_USERS = { syndic: 'syndic@bench.koprogo.be', accountant: 'accountant@bench.koprogo.be' } as const;

export interface BenchSizes { buildings: number; lots: number; owners: number; invoices: number; suppliers: number; assemblies: number }

/** What scale N means: scale 1 is the large firm of the brief; counts scale linearly. */
export function benchSizes(scale: number): BenchSizes {
  if (!(scale > 0) || scale > 10) throw new RangeError('scale must be above 0 and at most 10');
  const buildings = Math.max(1, Math.round(300 * scale));
  return {
    buildings,
    lots: Math.max(buildings * 6, Math.round(12_000 * scale)),
    owners: Math.max(buildings * 4, Math.round(15_000 * scale)),
    invoices: Math.round(60_000 * scale),
    suppliers: Math.max(16, Math.round(600 * scale)),
    assemblies: Math.max(1, Math.round(50 * scale)),
  };
}

