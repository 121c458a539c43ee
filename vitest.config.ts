import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs no GPU and runs in CI; `perf` holds the GPU specs
// (`npx vitest run perf` selects them by path, since unit tests live under test/).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'perf',
          include: ['perf/**/*.perf.ts'],
          globalSetup: ['perf/global-setup.ts'],
          // The matchers teams use for their own rules (docs/scenarios.md).
          setupFiles: ['perf/setup-matchers.ts'],
          // One GPU: scenarios never run concurrently.
          fileParallelism: false,
          testTimeout: 0,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
