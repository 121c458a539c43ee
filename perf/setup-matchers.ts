// The perf project's setup file (vitest.config.ts): the matchers of perf/lib/suite/matchers/
// for teams' own rules in their spec files, e.g. expect(run).toImproveHpP99By(0.5).
import { expect } from 'vitest';
import { perfMatchers, type PerfMatchers } from './lib/suite/matchers/perf-matchers.ts';

declare module 'vitest' {
  interface Matchers<T = any> extends PerfMatchers<T> {}
}

expect.extend(perfMatchers);
