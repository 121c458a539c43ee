// The benchmark's simulated and replayed runs hold only the baseline and xsched arms; a product
// run also measures the alone arms, which calibrate every comparison with a stored baseline
// (perf/lib/evaluate/verdicts/machine-drift.ts: without them nothing is compared, no spread is
// pooled). The template run's own alone arms stand in on both sides, as on an unchanged machine:
// present, and showing no drift.

import type { BaselineArm, BaselineFile } from '../../perf/lib/documents/types/baseline.ts';
import type { RunRecord } from '../../perf/lib/documents/types/run-record.ts';
import type { ArmName } from '../../perf/lib/documents/types/scenario.ts';
import { type ArmSamples, computeRunStatistics } from '../../perf/lib/evaluate/stats/run-statistics.ts';

const ALONE_ARMS = ['hp-alone', 'lp-alone'] as const;

// Computed once per template record: its statistics are the slowest part of a simulated run.
const samplesOfRecord = new WeakMap<RunRecord, Array<[ArmName, ArmSamples]>>();

/** The template record's alone arms' samples, to add to a simulated run's. */
export function aloneSamplesOf(record: RunRecord): Array<[ArmName, ArmSamples]> {
  let found = samplesOfRecord.get(record);
  if (found === undefined) {
    const samples = computeRunStatistics(record).samples;
    found = ALONE_ARMS.flatMap((arm): Array<[ArmName, ArmSamples]> => (samples.has(arm) ? [[arm, samples.get(arm)!]] : []));
    samplesOfRecord.set(record, found);
  }
  return found;
}

/** The template baseline's alone arms, to keep in a simulated stored baseline. */
export function aloneArmsOf(baseline: BaselineFile): Partial<Record<ArmName, BaselineArm>> {
  return Object.fromEntries(ALONE_ARMS.flatMap((arm) => (baseline.arms[arm] !== undefined ? [[arm, baseline.arms[arm]]] : [])));
}
