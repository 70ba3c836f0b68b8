import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds the web UI for the browser tests when web/ changed since the last build.
    globalSetup: ['test/helpers/web-build-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests against the one local PostgreSQL server create their own databases; two workers
    // keep that within the 2-core machine without starving the servers.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
