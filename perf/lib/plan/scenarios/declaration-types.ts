// The shape of a scenario as a spec declares it (definePerfScenario): its own file so that the
// checks (declaration-checks.ts) and the conversion (declaration.ts) both read it without
// importing each other.

import type { VerdictKind } from '../../documents/types/evaluation.ts';
import type { ArmName, ArrivalProcess, ModelName, Role, SharingMode, Thresholds, WorkloadName } from '../../documents/types/scenario.ts';
import type { SharingRequest } from './sharing.ts';

/** One threshold: a fraction for every sharing mode (or one per mode), and why it is that number. */
export interface ThresholdDeclaration {
  value: number | Record<SharingMode, number>;
  why: string;
}

export interface PerfScenarioDeclaration {
  /** Lower-case words joined by '-'; the spec file is perf/<name>.perf.ts. */
  name: string;
  description: string;
  models: Record<Role, ModelName>;
  batch: Record<Role, number>;
  /** hp's open-loop request rate; lp runs back to back. */
  rates: { hpHz: number };
  arrival: ArrivalProcess;
  /** Pixels per side of both models' input (224 unless given). */
  imageSize?: number;
  /** One arm-trial's measured duration. */
  durationMs: number;
  /** Interleaved trials; or give budgetMs instead: as many trials as fit arms x durationMs in it. */
  trials?: number;
  budgetMs?: number;
  sharing: SharingRequest;
  arms: ArmName[];
  /** What must be judged and pass for the scenario to pass (gate-requirements.ts). */
  requiredVerdicts: VerdictKind[];
  /** Fewest trials a run needs to become a baseline (3 unless given). */
  minTrials?: number;
  thresholds: Record<keyof Thresholds, ThresholdDeclaration>;
  gpuIndex?: number;
  seed?: number;
  confidence?: number;
  /** Which worker runs the models (native unless given; docs/workloads.md). */
  workload?: WorkloadName;
}
