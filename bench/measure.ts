/** What each `bench/*.bench.ts` default-exports, and how it measures. */
export interface BenchResult {
  name: string;
  ms: number;
  baseline?: { name: string; ms: number };
  /** Anything else worth printing: sizes, counts, memory. */
  notes?: string;
}

export type Bench = () => Promise<BenchResult[]>;

/** Median wall time of `runs` calls, after one warm-up call. */
export async function median(runs: number, work: () => unknown | Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return middle(times);
}

/** The median of measured values (the upper middle one of an even count), the values left as they are. */
export function middle(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
