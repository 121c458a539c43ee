// Why a run has no comparable stored baseline: none is stored, or the stored one was measured
// on other hardware, with another workload or with other XSched settings. PERF_REQUIRE_BASELINE=1
// fails on any of these (perf/lib/suite/verdict-tests.ts, scripts/replay.ts), not only on a
// missing file. The regression verdicts give the same facts per verdict, decided by the same
// findBaselineMismatch.

import type { BaselineFile, BaselineKey } from '../../documents/types/baseline.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import { findBaselineMismatch } from './baseline-mismatch.ts';
import { describeBaselineKey } from './key.ts';
import { missingBaselineMessage } from './missing-baseline.ts';
import { formatWorkloadDifferences } from './workload.ts';

const RECORD = 'To record a comparable one: `npm run perf:update-baselines` with this configuration (it replaces the stored file).';

/** Null when `stored` can judge this run; otherwise one paragraph saying why not and what to do. */
export function describeBaselineProblem(record: RunRecord, key: BaselineKey | null, stored: BaselineFile | null, baselinesDir: string): string | null {
  if (key === null) return null; // no worker finished: the validity checks say why
  if (stored === null) return missingBaselineMessage(key, baselinesDir);
  const mismatch = findBaselineMismatch(record, key, stored);
  if (mismatch === null) return null;
  if (mismatch.kind === 'key') return `The stored baseline is for ${describeBaselineKey(stored.key)}, not ${describeBaselineKey(key)}. ${RECORD}`;
  const differences = `${formatWorkloadDifferences(mismatch.differences)} (stored -> this run). ${RECORD}`;
  if (mismatch.kind === 'workload') return `The stored baseline (run ${stored.runId}) was measured with another workload: ${differences}`;
  return `The stored baseline's xsched arm (run ${stored.runId}) ran XSched with other settings: ${differences}`;
}
