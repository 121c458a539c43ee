import type { BaselineKey } from '../../documents/types/baseline.ts';
import { baselinePath, describeBaselineKey } from './key.ts';

/** What to tell a user whose run has no stored baseline to compare against. */
export function missingBaselineMessage(key: BaselineKey, dir: string): string {
  return (
    `No stored baseline for ${describeBaselineKey(key)}: expected ${baselinePath(dir, key)}. ` +
    'Regression verdicts are skipped. To create it from a valid run on this machine: ' +
    '`npm run perf:update-baselines` (runs the suite), or `npm run perf:update-baselines -- --from <run dir>` ' +
    '(from a saved run); then commit the file. PERF_REQUIRE_BASELINE=1 makes a missing baseline fail.'
  );
}
