// Arms whose XSched state was not proven: the xsched arm without proof that XSched scheduled
// it, or a native arm with XSched found in it; and reference arms whose mechanism was not
// shown in force (reference.* checks not passed: validity/reference-checks.ts). Their numbers measure something other than
// the arm's name says, so no verdict is drawn from them (the run is invalid anyway; this
// keeps the verdict list from presenting, say, an "improvement" of a run XSched never touched).

import type { ValidityCheck } from '../documents/types/evaluation.ts';
import type { ArmName } from '../documents/types/scenario.ts';
import { armSpec } from '../plan/scenarios/arms.ts';

/** Arm -> why its numbers are not judged, from the failed xsched.* and the unpassed reference.* checks. */
export function findUnprovenArms(checks: readonly ValidityCheck[]): Map<ArmName, string> {
  const failed = new Map<ArmName, { ids: Set<string>; trials: Set<number> }>();
  for (const check of checks) {
    const xschedFailed = check.status === 'fail' && check.id.startsWith('xsched.');
    const referenceUnproven = check.status !== 'pass' && check.id.startsWith('reference.');
    if (check.arm === null || !(xschedFailed || referenceUnproven)) continue;
    const entry = failed.get(check.arm) ?? { ids: new Set(), trials: new Set() };
    entry.ids.add(check.id);
    if (check.trial !== null) entry.trials.add(check.trial);
    failed.set(check.arm, entry);
  }
  const reasons = new Map<ArmName, string>();
  for (const [arm, { ids, trials }] of failed) {
    const referenceOnly = [...ids].every((id) => id.startsWith('reference.'));
    const what = arm === 'xsched' ? 'XSched was not shown to be active' : referenceOnly ? 'its mechanism was not shown in force' : 'XSched was found';
    const where = trials.size > 0 ? ` (trial ${[...trials].sort((a, b) => a - b).join(', ')})` : '';
    const list = [...ids];
    const failedText = list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more ${referenceOnly ? 'reference' : 'xsched'}.* checks`;
    reasons.set(arm, `${what} in arm ${arm}${where}: ${referenceOnly ? 'not passed' : 'failed'} ${failedText}; its numbers are not judged`);
  }
  return reasons;
}

/** The arm's name for tables: "xsched (unproven)" when its XSched state was not proven. */
export function labelArm(arm: ArmName, checks: readonly ValidityCheck[]): string {
  const label = armSpec(arm).label;
  return findUnprovenArms(checks).has(arm) ? `${label} (unproven)` : label;
}
