// Builds the CheckContext a validity check receives, from a record.

import { computeRunStatistics } from '../../../perf/lib/evaluate/stats/run-statistics.ts';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import type { CheckContext } from '../../../perf/lib/evaluate/validity/check-context.ts';

export function contextOf(record: RunRecord): CheckContext {
  return { record, stats: computeRunStatistics(record), thresholds: record.scenario.thresholds };
}
