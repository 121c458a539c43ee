// Arms whose measurement something outside the suite disturbed: a failed environment.* check
// (foreign GPU process, exclusive compute mode, ECC errors, a late host). Their numbers measure
// that disturbance too, so no verdict is drawn from them: a disturbed run is invalid, and it
// must never read as a scheduler regression (docs/environment.md).

import type { ValidityCheck } from '../documents/types/evaluation.ts';
import type { ArmName } from '../documents/types/scenario.ts';

/** Arm -> why its numbers are not judged, from the failed environment.* checks. */
export function findDisturbedArms(checks: readonly ValidityCheck[]): Map<ArmName, string> {
  const reasons = new Map<ArmName, string>();
  for (const check of checks) {
    if (check.status !== 'fail' || check.arm === null || !check.id.startsWith('environment.') || reasons.has(check.arm)) continue;
    const trial = check.trial === null ? '' : ` trial ${check.trial}`;
    reasons.set(check.arm, `the environment disturbed arm ${check.arm}${trial} (${check.id}: ${check.message.split(':')[0]}); its numbers are not judged`);
  }
  return reasons;
}
