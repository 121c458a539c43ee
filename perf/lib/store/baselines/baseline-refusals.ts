// Which runs may become a stored baseline. Every later run is judged against it, so it must
// be a complete measurement: a valid run, at least the scenario's minTrials trials, every
// arm of the scenario (the catalogue's arms as well as the run's own, so PERF_ARMS=-xsched
// cannot drop one) measured in every trial by workers that all finished, and no injected
// delay (PERF_INJECT_DELAY_US: a deliberate regression, evaluate/validity/options-match.ts). Every path that
// writes a baseline goes through updateBaseline, which asks this first.

import { ALL_ARMS, gateRequirementsOf, getCatalogueEntry, listScenarioNames } from '../../plan/scenarios/catalogue.ts';
import type { ScenarioEvaluation } from '../../documents/types/evaluation.ts';
import type { ArmTrialRecord, RunRecord } from '../../documents/types/run-record.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { rolesForArm } from '../../run/worker/worker-args.ts';

/** The arms a baseline of this scenario must hold, in trial order. */
function requiredArms(record: RunRecord): ArmName[] {
  const catalogueArms = listScenarioNames().includes(record.scenario.name) ? getCatalogueEntry(record.scenario.name).arms : [];
  const wanted = new Set([...catalogueArms, ...record.scenario.arms]);
  return ALL_ARMS.filter((arm) => wanted.has(arm));
}

/** Why one arm x trial does not count, or null when it was fully measured. */
function gapOf(entry: ArmTrialRecord | undefined): string | null {
  if (entry === undefined) return 'not run';
  if (entry.skipped !== null) return `skipped (${entry.skipped})`;
  const failed = entry.workers.flatMap((w) => (w.ok ? [] : [`the ${w.role} worker failed (${w.failure.kind})`]));
  if (failed.length > 0) return failed.join(', ');
  const missing = rolesForArm(entry.arm).filter((role) => !entry.workers.some((w) => w.role === role));
  return missing.length > 0 ? `no ${missing.join(' or ')} worker ran` : null;
}

/**
 * One line per reason `record` may not be stored as a baseline; empty when it may.
 * Invalid runs, too few trials and gaps in the arm x trial grid are each named.
 */
export function findBaselineRefusals(record: RunRecord, evaluation: ScenarioEvaluation): string[] {
  const refusals = evaluation.status === 'invalid' ? evaluation.reasons.map((r) => `the run is invalid: ${r}`) : [];
  const { minTrials } = gateRequirementsOf(record.scenario.name);
  const { trials, name } = record.scenario;
  if (trials < minTrials) {
    refusals.push(`it ran ${trials} trial(s); scenario ${name} needs at least ${minTrials} (minTrials) for a baseline: run again with PERF_TRIALS=${minTrials} or more`);
  }
  for (const arm of requiredArms(record)) {
    if (!record.scenario.arms.includes(arm)) {
      refusals.push(`arm ${arm} of scenario ${name} was not part of this run (PERF_ARMS removed it): a baseline holds every arm of its scenario`);
      continue;
    }
    const gaps = Array.from({ length: trials }, (_, trial) => ({ trial, gap: gapOf(record.trials.find((t) => t.arm === arm && t.trial === trial)) }))
      .filter((g): g is { trial: number; gap: string } => g.gap !== null);
    if (gaps.length === 0) continue;
    const listed = gaps.map((g) => `trial ${g.trial}: ${g.gap}`).join('; ');
    refusals.push(`arm ${arm} was not measured in ${gaps.length} of ${trials} trial(s) (${listed}): a baseline covers every arm x trial`);
  }
  const injectedUs = record.trials.flatMap((t) => t.workers.flatMap((w) => (w.ok && w.result.options.injectDelayUs > 0 ? [w.result.options.injectDelayUs] : [])));
  if (injectedUs.length > 0) {
    const delaysUs = [...new Set(injectedUs)].join(', ');
    refusals.push(`${injectedUs.length} worker(s) added an injected delay of ${delaysUs} us to every request (PERF_INJECT_DELAY_US): a deliberate regression for testing the suite, never a baseline`);
  }
  return refusals;
}
