import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { sourceEntries } from './generator/testing/package-exports.ts';
import { SlowFirstSequencer } from './generator/testing/slow-first-sequencer.ts';

export default defineConfig({
  // `odatakit/...` imports in the tests run the sources, not dist/ (a build that may be stale).
  resolve: { alias: Object.entries(sourceEntries()).map(([name, path]) => ({ find: new RegExp(`^${name}$`), replacement: path })) },
  test: {
    include: ['generator/**/*.test.ts', 'conformance/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files in a worker share the modules they import (decision 0024): importing the sources again for each
    // file cost about 70 s of the suite's time (2 cores: 182 -> 167 s). The tests
    // restore what they change (spies, stubbed globals, msw servers, process.exitCode; the few that
    // change folder go to the project root, where vitest starts).
    isolate: false,
    // vitest's default is one worker fewer than the cores: on a 2-core machine one worker, so the
    // suite ran serially while the main process idled. One more than the cores: the packed-tarball
    // test spends much of its 80-100 s waiting on npm and child processes, and the CAP tests on
    // their server, holding a worker while a core is free (2 cores: 225 s with two, 181 with three).
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: SlowFirstSequencer },
    reporters: ['default', './generator/testing/closing-line-reporter.ts'],
  },
});
