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
    reporters: ['default', './generator/testing/closing-line-reporter.ts'],
  },
});
