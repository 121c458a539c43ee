// reference.cu-mask (docs/arms.md): the lp worker's stream ran on the compute units asked for.
// The proof is the mask the HIP runtime reports for the stream (hipExtStreamGetCUMask, in the
// fingerprint's cuMask), compared with a mask rebuilt here from the arm's percentage and the
// GPU's CU count, so a worker that built the wrong mask is caught as well as a runtime that
// changed it.

import type { ArmTrialRecord } from '../../documents/types/run-record.ts';
import { armSpec } from '../../plan/scenarios/arms.ts';
import { findWorkerResult } from '../stats/run-statistics.ts';
import { type CheckVerdict, unprovenVerdict } from './check-context.ts';

/** The first ceil(cuCount x percent / 100) CUs (at least one) as the worker writes masks: 32 CUs a word, word 0 first (native/src/worker/cu_mask.cpp). */
export function cuMaskHexForPercent(percent: number, cuCount: number): string {
  const enabled = Math.max(1, Math.ceil((cuCount * percent) / 100));
  const words: string[] = [];
  for (let first = 0; first < cuCount; first += 32) {
    const bits = Math.min(32, Math.max(0, enabled - first));
    const word = bits === 32 ? 0xffffffff : (2 ** bits) - 1;
    words.push(`0x${word.toString(16).padStart(8, '0')}`);
  }
  return words.join(',');
}

/** How many CUs a mask text enables. */
export function cuMaskEnabledCount(hex: string): number {
  let count = 0;
  for (const word of hex.split(',')) for (const bit of Number.parseInt(word, 16).toString(2)) count += bit === '1' ? 1 : 0;
  return count;
}

/** cu-mask-lpN: lp's fingerprint reports a read-back mask equal to the expected one, hp reports none. */
export function cuMaskVerdict(trial: ArmTrialRecord): CheckVerdict {
  const percent = armSpec(trial.arm).lpCuPercent ?? 0;
  const hp = findWorkerResult(trial, 'hp')?.fingerprint;
  const lp = findWorkerResult(trial, 'lp')?.fingerprint;
  const cuCount = lp?.gpu.multiprocessorCount ?? 0;
  const expectedHex = cuCount > 0 ? cuMaskHexForPercent(percent, cuCount) : '(no lp fingerprint)';
  const observed = lp?.cuMask;
  const measured = {
    requestedPercent: percent,
    cuCount,
    expectedHex,
    lpMaskHex: observed?.maskHex ?? '(none)',
    lpReadBackHex: observed?.readBackHex ?? '(none)',
    lpReadBackCuCount: observed ? cuMaskEnabledCount(observed.readBackHex) : 0,
    hpMasked: hp?.cuMask !== undefined,
  };
  const unproven = (message: string, recommendation: string): CheckVerdict => unprovenVerdict(measured, message, recommendation);
  if (lp === undefined || hp === undefined) return unproven('a worker did not finish, so its fingerprint cannot show the masks', 'both workers must finish for the masks to be shown; see their logs');
  if (observed === undefined) return unproven('the lp worker reports no CU mask', 'run the native worker built for AMD (--cu-mask-percent); a worker without it ignored the arm');
  if (observed.requestedPercent !== percent || observed.cuCount !== cuCount) {
    return unproven(`the lp worker masked ${observed.requestedPercent}% of ${observed.cuCount} CUs, the arm asks ${percent}% of ${cuCount}`, 'the worker received other arguments than the arm table gives: a suite bug, report it with the run record');
  }
  if (observed.maskHex !== expectedHex) return unproven(`the lp worker asked for mask ${observed.maskHex}, expected ${expectedHex}`, 'the worker builds masks differently from the suite: check native/src/worker/cu_mask.cpp');
  if (observed.readBackHex !== expectedHex) {
    return unproven(`the HIP runtime reports mask ${observed.readBackHex} for lp's stream, not the requested ${expectedHex}`, 'a global CU mask (ROC_GLOBAL_CU_MASK, HSA_CU_MASK) may narrow it: unset it on the runner');
  }
  if (hp.cuMask !== undefined) return unproven(`the hp worker was masked too (${hp.cuMask.readBackHex})`, 'only lp may get --cu-mask-percent: a suite bug, report it with the run record');
  return { status: 'pass', measured, message: `lp's stream ran on ${measured.lpReadBackCuCount} of ${cuCount} CUs (read back ${observed.readBackHex}); hp on all`, recommendation: null };
}
