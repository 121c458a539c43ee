// The scenario document (documents/types/scenario.ts): what one dual-model experiment asks
// of the GPU, fully resolved. Its option lists are the ones the catalogue uses.

import * as v from 'valibot';

export const ModelNameSchema = v.picklist(['resnet18', 'resnet50']);
export const RoleSchema = v.picklist(['hp', 'lp']);
/** mps-lpN: lp an MPS client limited to N% of the SMs' threads. Listed here because documents/
 *  is the bottom layer; test/unit/schemas/arm-names.test.ts keeps it equal to plan/scenarios/arms.ts. */
export const MpsReferenceArmSchema = v.picklist(['mps-lp30', 'mps-lp50', 'mps-lp70', 'mps-lp80', 'mps-lp90', 'mps-lp100']);
/** cu-mask-lpN: lp's stream on N% of the AMD GPU's compute units (docs/arms.md). */
export const CuMaskReferenceArmSchema = v.picklist(['cu-mask-lp50', 'cu-mask-lp75']);
export const ArmNameSchema = v.picklist(['hp-alone', 'lp-alone', 'baseline', 'xsched', 'stream-priority', ...MpsReferenceArmSchema.options, ...CuMaskReferenceArmSchema.options]);
/** NVIDIA: time-sliced (driver default) or mps; AMD: platform-default. */
export const SharingModeSchema = v.picklist(['time-sliced', 'mps', 'platform-default']);
export const ArrivalProcessSchema = v.picklist(['uniform', 'poisson']);
export const StreamPrioritySchema = v.picklist(['default', 'high', 'low']);
/** Which worker runs the models: the native worker (native/) or the PyTorch one (workloads/pytorch/). */
export const WorkloadNameSchema = v.picklist(['native', 'pytorch']);

export const countSchema = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));

export const RoleConfigSchema = v.object({
  model: ModelNameSchema,
  batch: countSchema(1),
  imageSize: countSchema(1),
});

export const HpConfigSchema = v.object({
  ...RoleConfigSchema.entries,
  rateHz: v.pipe(v.number(), v.gtValue(0)),
  arrival: ArrivalProcessSchema,
});

export const ThresholdsSchema = v.object({
  /** hp achieved rate must be at least this fraction of the target rate (0.95). */
  hpAchievedRateMinFraction: v.number(),
  /** xsched hp P99 must be at least this fraction below baseline hp P99 (0.2 = 20% lower). */
  hpP99ImprovementMinFraction: v.number(),
  /** xsched lp throughput may be at most this fraction below baseline (0.10). */
  lpThroughputLossMaxFraction: v.number(),
  /** Against the stored baseline: hp P99 may grow by at most this fraction before it is a regression. */
  regressionP99Tolerance: v.number(),
  /** Against the stored baseline: lp throughput may fall by at most this fraction. */
  regressionLpTolerance: v.number(),
});

const overrideValue = v.union([v.number(), v.string(), v.array(v.string())]);

/** One catalogue value replaced for a run, e.g. trials 3 -> 5 from PERF_TRIALS. */
export const ScenarioOverrideSchema = v.object({
  /** Scenario field path, e.g. "trials" or "hp.rateHz". */
  field: v.string(),
  catalogueValue: overrideValue,
  value: overrideValue,
  /** "PERF_TRIALS" or `<config file> "trials"`. */
  source: v.string(),
});

export const ScenarioSchema = v.object({
  name: v.string(),
  description: v.string(),
  hp: HpConfigSchema,
  lp: RoleConfigSchema,
  durationMs: v.pipe(v.number(), v.minValue(1)),
  trials: countSchema(1),
  gpuIndex: countSchema(0),
  seed: countSchema(0),
  sharing: SharingModeSchema,
  arms: v.array(ArmNameSchema),
  /** Absent in records written before workloads could be chosen: those ran the native worker. */
  workload: v.optional(WorkloadNameSchema),
  thresholds: ThresholdsSchema,
  /** Confidence level for intervals and the sample-count rule (0.95). */
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** Catalogue values this run replaced (environment or config file), with where each came from. */
  overrides: v.optional(v.array(ScenarioOverrideSchema)),
  /**
   * The CPUs the workers and the xserver ran on (PERF_CPUS, docs/configuration.md), and how they
   * were chosen. Absent: not pinned (so are records written before 2026-11-30's placement).
   */
  cpuPlacement: v.optional(v.object({ cpus: v.pipe(v.array(countSchema(0)), v.minLength(1)), chosenBy: v.string() })),
});
