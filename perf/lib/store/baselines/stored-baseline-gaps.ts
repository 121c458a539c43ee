// Does a stored baseline still qualify under today's rules (baseline-refusals.ts)? Files
// written before those rules may hold 2-trial arms, lack an arm, or come from a shortened
// run whose workload no catalogue run matches. They stay readable (a run is still compared
// with them where the workload matches); test/unit/baselines/stored-baselines.test.ts and
// docs/baselines.md list the committed ones that do not qualify and how to re-record them.

import { gateRequirementsOf, getCatalogueEntry, listScenarioNames } from '../../plan/scenarios/catalogue.ts';
import type { BaselineFile, BaselineWorkload } from '../../documents/types/baseline.ts';
import { rolesForArm } from '../../run/worker/worker-args.ts';
import { diffWorkload, formatWorkloadDifferences } from './workload.ts';

/** One line per way `baseline` falls short of its catalogue scenario; empty when it qualifies. */
export function findStoredBaselineGaps(baseline: BaselineFile): string[] {
  const name = baseline.key.scenario;
  if (!listScenarioNames().includes(name)) return [`scenario ${name} is not in the catalogue`];
  const entry = getCatalogueEntry(name);
  const { minTrials } = gateRequirementsOf(name);
  const gaps: string[] = [];
  for (const arm of entry.arms) {
    const stored = baseline.arms[arm];
    if (stored === undefined) {
      gaps.push(`no ${arm} arm`);
      continue;
    }
    for (const role of rolesForArm(arm)) {
      const trials = role === 'hp' ? stored.hpP99Ms.length : stored.lpIterPerSec.length;
      if (trials < minTrials) gaps.push(`${arm} ${role}: ${trials} trial(s), fewer than minTrials ${minTrials}`);
    }
  }
  const catalogueWorkload: BaselineWorkload = {
    hp: { model: entry.hp.model, batch: entry.hp.batch, imageSize: entry.hp.imageSize, rateHz: entry.hp.rateHz, arrival: entry.hp.arrival },
    lp: { model: entry.lp.model, batch: entry.lp.batch, imageSize: entry.lp.imageSize },
    durationMs: entry.durationMs,
  };
  if (baseline.workload === undefined) gaps.push('no recorded workload');
  else {
    const differences = diffWorkload(baseline.workload, catalogueWorkload);
    if (differences.length > 0) gaps.push(`workload differs from the catalogue's: ${formatWorkloadDifferences(differences)} (stored -> catalogue)`);
  }
  return gaps;
}
