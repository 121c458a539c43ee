// The workload a baseline was measured with, and how a run's differs from it. The file is
// keyed by hardware only, so a run with another window length or hp rate finds it; numbers
// from another experiment must not be judged against it.

import type { BaselineWorkload } from '../../documents/types/baseline.ts';
import type { RunRecord } from '../../documents/types/run-record.ts';
import type { Scenario } from '../../documents/types/scenario.ts';

type WorkloadValue = number | string;

export interface WorkloadDifference {
  /** Field path in the workload, e.g. "durationMs" or "hp.rateHz". */
  field: string;
  stored: WorkloadValue;
  current: WorkloadValue;
}

interface WorkloadField {
  field: string;
  read: (w: BaselineWorkload) => WorkloadValue;
  /** The PERF_* assignment that sets this field to `value`; null when only the catalogue sets it. */
  setting: ((value: WorkloadValue) => string) | null;
}

const FIELDS: WorkloadField[] = [
  { field: 'hp.model', read: (w) => w.hp.model, setting: null },
  { field: 'hp.batch', read: (w) => w.hp.batch, setting: (v) => `PERF_HP_BATCH=${v}` },
  { field: 'hp.imageSize', read: (w) => w.hp.imageSize, setting: (v) => `PERF_IMAGE_SIZE=${v}` },
  { field: 'hp.rateHz', read: (w) => w.hp.rateHz, setting: (v) => `PERF_HP_RATE_HZ=${v}` },
  { field: 'hp.arrival', read: (w) => w.hp.arrival, setting: (v) => `PERF_HP_ARRIVAL=${v}` },
  { field: 'lp.model', read: (w) => w.lp.model, setting: null },
  { field: 'lp.batch', read: (w) => w.lp.batch, setting: (v) => `PERF_LP_BATCH=${v}` },
  { field: 'lp.imageSize', read: (w) => w.lp.imageSize, setting: (v) => `PERF_IMAGE_SIZE=${v}` },
  { field: 'durationMs', read: (w) => w.durationMs, setting: (v) => `PERF_DURATION_S=${(v as number) / 1000}` },
  { field: 'kind', read: (w) => w.kind ?? 'native', setting: (v) => `PERF_WORKLOAD=${v}` },
  // XSched's hp tail depends on where its processes run (docs/gpu-results.md section 13).
  { field: 'pinnedCpus', read: (w) => w.pinnedCpus ?? 0, setting: (v) => (v === 0 ? 'PERF_CPUS=none' : `PERF_CPUS=<a list of ${v} CPUs, e.g. 0-${(v as number) - 1}>`) },
];

/** The run's workload, copied field by field so a new scenario field is not stored unchecked. */
export function workloadOfRun(record: RunRecord): BaselineWorkload {
  return workloadOfScenario(record.scenario);
}

/** A resolved scenario's workload: what a run of it would record (perf:doctor compares it before any run). */
export function workloadOfScenario(scenario: Scenario): BaselineWorkload {
  const { hp, lp, durationMs } = scenario;
  return {
    hp: { model: hp.model, batch: hp.batch, imageSize: hp.imageSize, rateHz: hp.rateHz, arrival: hp.arrival },
    lp: { model: lp.model, batch: lp.batch, imageSize: lp.imageSize },
    durationMs,
    kind: scenario.workload ?? 'native',
    pinnedCpus: scenario.cpuPlacement?.cpus.length ?? 0,
  };
}

/** Every field where `current` differs from `stored`, in the file's field order; empty when they match. */
export function diffWorkload(stored: BaselineWorkload, current: BaselineWorkload): WorkloadDifference[] {
  return FIELDS.flatMap(({ field, read }) => (read(stored) === read(current) ? [] : [{ field, stored: read(stored), current: read(current) }]));
}

/** "durationMs 30000 -> 180000, hp.arrival "uniform" -> "poisson"" (stored -> current). */
export function formatWorkloadDifferences(differences: WorkloadDifference[]): string {
  return differences.map((d) => `${d.field} ${JSON.stringify(d.stored)} -> ${JSON.stringify(d.current)}`).join(', ');
}

/** The PERF_* assignments that bring a run back to the stored values, and the fields none can set. */
export function settingsRestoringWorkload(differences: WorkloadDifference[]): { settings: string[]; unsettable: string[] } {
  const settings: string[] = [];
  const unsettable: string[] = [];
  for (const difference of differences) {
    const setting = FIELDS.find((f) => f.field === difference.field)?.setting ?? null;
    if (setting === null) unsettable.push(difference.field);
    // hp and lp share PERF_IMAGE_SIZE: name it once.
    else if (!settings.includes(setting(difference.stored))) settings.push(setting(difference.stored));
  }
  return { settings, unsettable };
}
