import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs the slow test files first. Without the timings of an earlier run (a clean clone, as
 * in CI) vitest starts the largest files first, and the slowest are small: the packed-tarball
 * consumer test and the end-to-end runs over the whole Graph schema, which then ran last, side
 * by side with nothing, and added about a minute to a four-minute suite on 2 cores. With
 * timings, vitest's own order (longest first) already puts them first; the partition keeps it.
 */
const SLOW = [/^test\/package\//, /\.e2e\.test\.ts$/];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isSlow = (spec: TestSpecification) => SLOW.some((pattern) => pattern.test(relative(spec.project.config.root, spec.moduleId)));
    return [...sorted.filter(isSlow), ...sorted.filter((spec) => !isSlow(spec))];
  }
}
