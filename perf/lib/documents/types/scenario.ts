// A scenario: what one dual-model experiment asks of the GPU, fully resolved
// (catalogue entry + environment/config overrides, already validated).

export type ModelName = 'resnet18' | 'resnet50';
export type Role = 'hp' | 'lp';
/** mps-lpN: lp an MPS client limited to N% of the SMs' threads (perf/lib/plan/scenarios/arms.ts). */
export type MpsReferenceArm = 'mps-lp30' | 'mps-lp50' | 'mps-lp70' | 'mps-lp80' | 'mps-lp90' | 'mps-lp100';
export type ArmName = 'hp-alone' | 'lp-alone' | 'baseline' | 'xsched' | 'stream-priority' | MpsReferenceArm;
/** NVIDIA: time-sliced (driver default) or mps; AMD: platform-default. */
export type SharingMode = 'time-sliced' | 'mps' | 'platform-default';
export type ArrivalProcess = 'uniform' | 'poisson';
export type StreamPriority = 'default' | 'high' | 'low';
/** Which worker runs the models: the native worker (native/) or the PyTorch one (workloads/pytorch/). */
export type WorkloadName = 'native' | 'pytorch';
export const WORKLOAD_NAMES: readonly WorkloadName[] = ['native', 'pytorch'];

export interface RoleConfig {
  model: ModelName;
  batch: number;
  imageSize: number;
}

export interface HpConfig extends RoleConfig {
  rateHz: number;
  arrival: ArrivalProcess;
}

export type LpConfig = RoleConfig;

export interface Thresholds {
  /** hp achieved rate must be at least this fraction of the target rate (0.95). */
  hpAchievedRateMinFraction: number;
  /** xsched hp P99 must be at least this fraction below baseline hp P99 (0.2 = 20% lower). */
  hpP99ImprovementMinFraction: number;
  /** xsched lp throughput may be at most this fraction below baseline (0.10). */
  lpThroughputLossMaxFraction: number;
  /** Against the stored baseline: hp P99 may grow by at most this fraction before it is a regression. */
  regressionP99Tolerance: number;
  /** Against the stored baseline: lp throughput may fall by at most this fraction. */
  regressionLpTolerance: number;
}

export interface Scenario {
  name: string;
  description: string;
  hp: HpConfig;
  lp: LpConfig;
  durationMs: number;
  trials: number;
  gpuIndex: number;
  seed: number;
  sharing: SharingMode;
  arms: ArmName[];
  /** Absent in records written before workloads could be chosen: those ran the native worker. */
  workload?: WorkloadName;
  thresholds: Thresholds;
  /** Confidence level for intervals and the sample-count rule (0.95). */
  confidence: number;
  /** Catalogue values this run replaced (environment or config file), with where each came from. */
  overrides?: ScenarioOverride[];
}

/** One catalogue value replaced for a run, e.g. trials 3 -> 5 from PERF_TRIALS. */
export interface ScenarioOverride {
  /** Scenario field path, e.g. "trials" or "hp.rateHz". */
  field: string;
  catalogueValue: number | string | string[];
  value: number | string | string[];
  /** "PERF_TRIALS" or `<config file> "trials"`. */
  source: string;
}
