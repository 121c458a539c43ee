// A stored baseline: one file per hardware key and scenario under baselines/. Strict objects:
// a misspelt field in a hand-edited baseline must be an error, not silently ignored.

import * as v from 'valibot';
import { closedObject } from './closed-object.ts';
import { ArmNameSchema, ArrivalProcessSchema, countSchema, ModelNameSchema, SharingModeSchema, ThresholdsSchema, WorkloadNameSchema } from './scenario.ts';
import { WorkerPlatformSchema } from './fingerprint.ts';
import { strictOptionalKeys } from './optional-keys.ts';

export const BASELINE_SCHEMA = 'xsched-perf.baseline';
export const BASELINE_SCHEMA_VERSION = 1;

export const BaselineKeySchema = closedObject({
  scenario: v.string(),
  platform: WorkerPlatformSchema,
  gpuName: v.string(),
  arch: v.string(),
  sharing: SharingModeSchema,
});

const perTrial = v.array(v.pipe(v.number(), v.minValue(0)));

export const BaselineArmSchema = v.pipe(
  closedObject({
    /** Per-trial values, so comparisons can use the stored noise, not one number. */
    hpP99Ms: perTrial,
    hpP50Ms: perTrial,
    hpAchievedRateHz: perTrial,
    lpIterPerSec: perTrial,
    /** Merged hp latency histogram (hdr-histogram-js base64, microseconds), for plots. */
    hpHistogram: v.nullable(v.string()),
    /**
     * In a baseline of several runs (BaselineFile.runs), the index into `runs` of the run each
     * trial came from, one per trial (the values above are the runs' trials concatenated). The
     * regression verdict uses it to see between-run noise (docs/statistics.md 3.4).
     */
    trialRuns: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(0)))),
  }),
  v.check(
    (arm) => arm.hpP50Ms.length === arm.hpP99Ms.length && arm.hpAchievedRateHz.length === arm.hpP99Ms.length,
    'hpP50Ms, hpAchievedRateHz and hpP99Ms must have one value per trial each (the same length)',
  ),
  v.check(
    (arm) => arm.trialRuns === undefined || [arm.hpP99Ms, arm.lpIterPerSec].every((values) => values.length === 0 || values.length === arm.trialRuns!.length),
    'trialRuns must have one entry per trial: the length of hpP99Ms and of lpIterPerSec, where those are not empty',
  ),
);

/** One of the runs a baseline of several runs was made from. */
export const BaselineRunSchema = closedObject({
  runId: v.string(),
  /** When the run started (its run id's time), ISO 8601. */
  startedAt: v.pipe(v.string(), v.check((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 date')),
  /** What identifies the machine: the GPU UUID of the run's first worker fingerprint; absent when unknown (a baseline from history: see store/history/baseline-from-history.ts). */
  machine: v.optional(v.string()),
  /** The suite commit of the run, when recorded. */
  commit: v.optional(v.string()),
});

const positive = v.pipe(v.number(), v.gtValue(0));
const role = { model: ModelNameSchema, batch: countSchema(1), imageSize: countSchema(1) };

/**
 * What the baseline was measured with. Not part of the key (one file per hardware), so a
 * run of another workload finds the file and must be told it is not comparable.
 */
export const BaselineWorkloadSchema = closedObject({
  hp: closedObject({ ...role, rateHz: positive, arrival: ArrivalProcessSchema }),
  lp: closedObject(role),
  durationMs: positive,
  /** The worker that measured it; absent in files written before workloads could be chosen (native). */
  kind: v.optional(WorkloadNameSchema),
  /** How many CPUs its workers and xserver were pinned to (PERF_CPUS); 0 or absent: not pinned. */
  pinnedCpus: v.optional(countSchema(0)),
});

const xschedRole = closedObject({ priority: v.pipe(v.number(), v.integer()), threshold: countSchema(1), batchSize: countSchema(1) });

/** XSched's settings in the xsched arm (policy, and per role what XSCHED_AUTO_XQUEUE_* said). */
export const BaselineXschedSettingsSchema = closedObject({ policy: v.string(), level: countSchema(1), hp: xschedRole, lp: xschedRole });

/** Log-SD of a run's level between runs (days, machines), per metric (docs/statistics.md 3.4). */
export const BetweenRunLogSdSchema = closedObject({ hpP99: v.pipe(v.number(), v.minValue(0)), lpIterPerSec: v.pipe(v.number(), v.minValue(0)) });

// Every threshold is a fraction in [0, 1), as evaluation's resolveThresholds requires.
const fraction = v.pipe(v.number(), v.minValue(0), v.ltValue(1));
const thresholdKeys = Object.keys(ThresholdsSchema.entries) as Array<keyof typeof ThresholdsSchema.entries>;

export const BaselineFileSchema = closedObject({
  schema: v.literal(BASELINE_SCHEMA),
  schemaVersion: v.literal(BASELINE_SCHEMA_VERSION),
  key: BaselineKeySchema,
  createdAt: v.pipe(v.string(), v.check((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO 8601 date')),
  runId: v.string(),
  workerVersion: v.string(),
  /** The suite commit of the run it was made from (its RunSource); absent when not recorded. */
  commit: v.optional(v.string()),
  /**
   * A baseline of one run: its machine, as runs[].machine says it (the GPU UUID of its first
   * worker fingerprint), so runs added later (--append) know whether they ran elsewhere. Absent in
   * older files and in a baseline of several runs, whose `runs` name each run's.
   */
  machine: v.optional(v.string()),
  /** Absent in files written before the workload was recorded. */
  workload: v.optional(BaselineWorkloadSchema),
  /** Present when the run had an xsched arm; absent in older files. */
  xschedSettings: v.optional(BaselineXschedSettingsSchema),
  /** Overrides the scenario's thresholds for this hardware. */
  thresholds: strictOptionalKeys(thresholdKeys, fraction),
  arms: strictOptionalKeys(ArmNameSchema.options, BaselineArmSchema),
  /** Between-run noise measured for this hardware; absent: the suite's recorded defaults. */
  betweenRunLogSd: v.optional(strictOptionalKeys(ArmNameSchema.options, v.partial(BetweenRunLogSdSchema))),
  /**
   * A baseline of several runs (npm run perf:update-baselines -- --from ... --combine, or
   * PERF_BASELINE_FROM=history:K): the runs, in order; each arm's trialRuns indexes them.
   * Absent: one run, `runId`. That every arm's trialRuns matches it is checked where the file
   * is read (store/baselines/parse-baseline.ts): a check across fields.
   */
  runs: v.optional(v.pipe(v.array(BaselineRunSchema), v.minLength(2))),
});
