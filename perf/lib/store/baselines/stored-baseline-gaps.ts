// Does a stored baseline qualify under today's rules (baseline-refusals.ts)? A file written
// before them (or by hand) may hold 2-trial arms, lack an arm, or come from a shortened run whose
// workload no catalogue run matches. Such files stay readable (a run is still compared with them
// where the workload matches), but none is committed: test/unit/baselines/stored-baselines.test.ts
// checks every file under baselines/ (docs/baselines.md). In a baseline of several runs each run
// must qualify on its own.
import { gateRequirementsOf, getCatalogueEntry, listScenarioNames } from '../../plan/scenarios/catalogue.ts';
import type { BaselineArm, BaselineFile, BaselineWorkload } from '../../documents/types/baseline.ts';
import { armOfRun } from './baseline-source.ts';
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
      const count = (arm: BaselineArm) => (role === 'hp' ? arm.hpP99Ms : arm.lpIterPerSec).length;
      // A baseline of several runs: every run is a baseline's worth (baseline-refusals.ts applies per run).
      const perRun = baseline.runs?.map((run, index) => ({ of: ` of run ${run.runId}`, trials: count(armOfRun(stored, index)) }));
      for (const { of, trials } of perRun ?? [{ of: '', trials: count(stored) }]) {
        if (trials < minTrials) gaps.push(`${arm} ${role}${of}: ${trials} trial(s), fewer than minTrials ${minTrials}`);
      }
    }
  }
  const catalogueWorkload: BaselineWorkload = {
    hp: { model: entry.hp.model, batch: entry.hp.batch, imageSize: entry.hp.imageSize, rateHz: entry.hp.rateHz, arrival: entry.hp.arrival },
    lp: { model: entry.lp.model, batch: entry.lp.batch, imageSize: entry.lp.imageSize },
    durationMs: entry.durationMs,
    // Where the workers ran is the host's setting (PERF_CPUS), not the catalogue's: either qualifies.
    ...(baseline.workload?.pinnedCpus === undefined ? {} : { pinnedCpus: baseline.workload.pinnedCpus }),
  };
  if (baseline.workload === undefined) gaps.push('no recorded workload');
  else {
    const differences = diffWorkload(baseline.workload, catalogueWorkload);
    if (differences.length > 0) gaps.push(`workload differs from the catalogue's: ${formatWorkloadDifferences(differences)} (stored -> catalogue)`);
  }
  return gaps;
}
