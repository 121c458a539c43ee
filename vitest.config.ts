import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs no GPU and runs in CI; `perf` holds the GPU specs
// (`npx vitest run perf` selects them by path, since unit tests live under test/).
export default defineConfig({
  test: {
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache), shared by every
    // Vitest process: the unit tests' nested `vitest run --project perf` runs and a user's repeated
    // perf runs skip re-transforming perf/lib (a nested run: 6.1 s of CPU cold, 2.8 s warm;
    // the unit project from a fresh clone: 87-96 s of CPU against 96-111 s, docs/benchmarks.md).
    // Keyed by file content; `npx vitest --clearCache` empties it.
    experimental: { fsModuleCache: true },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          // Builds the compiled test doubles once per source version (test/doubles/compiled.ts).
          globalSetup: ['test/setup/build-doubles.ts'],
          testTimeout: 30_000,
          // One module cache per worker instead of one per file: on 2 cores the per-file
          // imports were most of the time (265 s against 157 s, docs/benchmarks.md). Tests
          // therefore keep no module state between files: registries are read through
          // listBuiltInScenarioNames(), file-system calls are injected, not vi.mock'ed.
          isolate: false,
          // Removes each file's temporary directories when it ends (test/fixtures/temp-dir.ts);
          // with XSP_TEST_CPU_LOG set, logs each file's CPU (npm run bench:tests -- --cpu).
          setupFiles: ['test/setup/remove-temp-dirs.ts', 'test/setup/cpu-per-file.ts'],
          // Two files at once even on 2 cores (Vitest's default is cores - 1): the slow files mostly
          // wait on child processes (nested Vitest, Chromium, workers), so the second core is free
          // while they wait (docs/benchmarks.md: 84 s against 59 s of Vitest time).
          maxWorkers: Math.max(2, availableParallelism() - 1),
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
          // A scenario's run sets its own, from its length (perf/lib/suite/run-hook-timeout.ts).
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
