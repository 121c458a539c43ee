// Whether a run of one selected scenario on the probed GPU would find a comparable stored
// baseline: the key a run would use (store/baselines/key.ts), the file under baselinesDir, and
// the same comparison the regression verdicts make (store/baselines/baseline-mismatch.ts).

import type { BaselineFile, BaselineKey, BaselineXschedSettings } from '../../documents/types/baseline.ts';
import type { Scenario } from '../../documents/types/scenario.ts';
import { resolveScenario, type Settings } from '../../plan/config/index.ts';
import type { ProbeFingerprint } from '../../run/gpu/parse-probe.ts';
import { placeScenario, type CpuPlacement } from '../../run/gpu/cpu-placement.ts';
import { findComparedMismatch, type BaselineMismatch } from '../../store/baselines/baseline-mismatch.ts';
import { baselineKeyOf, baselinePath } from '../../store/baselines/key.ts';
import { readBaseline } from '../../store/baselines/read-baseline.ts';
import { workloadOfScenario } from '../../store/baselines/workload.ts';

export interface AssessContext {
  settings: Settings;
  probe: ProbeFingerprint;
  /** What this run's xsched arm would run with, or why that is not known (then it is not compared). */
  xsched: { settings: BaselineXschedSettings } | { notCompared: string };
  /** Where a run would pin its workers (PERF_CPUS, resolved once per check), or why PERF_CPUS cannot be met. */
  placement: { cpus: CpuPlacement | null } | { error: string };
}

export type BaselineAssessment =
  | { kind: 'unresolved'; name: string; reason: string }
  | { kind: 'unreadable'; name: string; file: string; reason: string }
  | { kind: 'missing'; name: string; scenario: Scenario; key: BaselineKey; file: string }
  | { kind: 'comparable'; name: string; scenario: Scenario; file: string; stored: BaselineFile }
  | { kind: 'mismatch'; name: string; scenario: Scenario; file: string; stored: BaselineFile; mismatch: BaselineMismatch };

export async function assessBaseline(name: string, context: AssessContext): Promise<BaselineAssessment> {
  const { settings, probe } = context;
  let scenario: Scenario;
  try {
    // Placed as the run would be: the number of pinned CPUs is part of the compared workload.
    const resolved = resolveScenario(name, settings, probe.platform);
    if ('error' in context.placement) return { kind: 'unresolved', name, reason: context.placement.error };
    scenario = placeScenario(resolved, context.placement.cpus);
  } catch (error) {
    return { kind: 'unresolved', name, reason: (error as Error).message };
  }
  const key = baselineKeyOf(scenario, probe);
  const file = baselinePath(settings.baselinesDir, key);
  let stored: BaselineFile | null;
  try {
    stored = await readBaseline(settings.baselinesDir, key);
  } catch (error) {
    return { kind: 'unreadable', name, file, reason: (error as Error).message };
  }
  if (stored === null) return { kind: 'missing', name, scenario, key, file };
  const xschedSettings = scenario.arms.includes('xsched') && 'settings' in context.xsched ? context.xsched.settings : null;
  const mismatch = findComparedMismatch({ key, workload: workloadOfScenario(scenario), xschedSettings }, stored);
  return mismatch === null ? { kind: 'comparable', name, scenario, file, stored } : { kind: 'mismatch', name, scenario, file, stored, mismatch };
}
