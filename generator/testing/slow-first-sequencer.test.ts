import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { SlowFirstSequencer } from './slow-first-sequencer.ts';

const ROOT = '/repo';

/** What vitest's BaseSequencer reads of a test file: its project and path. */
function spec(path: string): TestSpecification {
  return { moduleId: `${ROOT}/${path}`, project: { name: '', config: { root: ROOT, isolate: false, sequence: { groupOrder: 0 } } } } as unknown as TestSpecification;
}

describe('SlowFirstSequencer', () => {
  it('puts the packed-tarball and end-to-end files first, each group in vitest\'s own order (no timings: larger files first)', async () => {
    const sizes: Record<string, number> = {
      'generator/a.test.ts': 100,
      'generator/big.test.ts': 900,
      'conformance/graph.e2e.test.ts': 50,
      'test/package/consumer.test.ts': 80,
      'generator/model/corpus.e2e.test.ts': 300,
    };
    // No earlier run's results, only file sizes: what a clean clone gives.
    const ctx = { config: { root: ROOT }, cache: { getFileTestResults: () => undefined, getFileStats: (key: string) => ({ size: sizes[key.slice(1)] }) } };
    const sequencer = new SlowFirstSequencer(ctx as unknown as Vitest);
    const sorted = await sequencer.sort(Object.keys(sizes).map(spec));
    expect(sorted.map((file) => file.moduleId.slice(ROOT.length + 1))).toEqual([
      'generator/model/corpus.e2e.test.ts',
      'test/package/consumer.test.ts',
      'conformance/graph.e2e.test.ts',
      'generator/big.test.ts',
      'generator/a.test.ts',
    ]);
  });
});
