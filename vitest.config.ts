import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { sourceEntries } from './generator/testing/package-exports.ts';

export default defineConfig({
  // `odatakit/...` imports in the tests run the sources, not dist/ (a build that may be stale).
  resolve: { alias: Object.entries(sourceEntries()).map(([name, path]) => ({ find: new RegExp(`^${name}$`), replacement: path })) },
  test: {
    include: ['generator/**/*.test.ts', 'conformance/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: on a 2-core machine one worker, so the
    // suite ran serially while the main process idled. The three whole-Graph conformance runs
    // are two thirds of the suite's time; side by side they nearly halve the wall time.
    maxWorkers: availableParallelism(),
    reporters: ['default', './generator/testing/closing-line-reporter.ts'],
  },
});
