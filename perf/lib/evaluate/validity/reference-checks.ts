// Proof that a reference arm's mechanism was in force (docs/arms.md). A reference arm
// without it is "unproven" (perf/lib/evaluate/unproven-arms.ts): shown, never compared.
// The checks warn rather than fail: a reference arm gates nothing, and its missing proof
// must not invalidate the xsched and baseline arms measured next to it.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { ArmTrialRecord, RunRecord } from '../../documents/types/run-record.ts';
import { armSpec } from '../../plan/scenarios/arms.ts';
import { cuMaskVerdict } from './cu-mask-check.ts';
import { findWorkerResult } from '../stats/run-statistics.ts';
import { type CheckVerdict, unprovenVerdict } from './check-context.ts';

function clientPids(trial: ArmTrialRecord): number[] {
  const pids = trial.sharing?.details.clientPids;
  return Array.isArray(pids) ? pids.filter((p): p is number => typeof p === 'number') : [];
}

/** mps-lpN: lp received the percentage, hp did not, and the MPS log names lp as a client (else the variable did nothing). */
function mpsThreadPercentVerdict(trial: ArmTrialRecord): CheckVerdict {
  const evidence = trial.reference ?? null;
  const hp = findWorkerResult(trial, 'hp');
  const lp = findWorkerResult(trial, 'lp');
  const measured = {
    requested: evidence?.requested ?? '(none)',
    lpReceived: evidence?.received.lp ?? '(none)',
    hpReceived: evidence?.received.hp ?? '(none)',
    lpPid: evidence?.pids.lp ?? 0,
    mpsClients: clientPids(trial).join(', ') || '(none)',
    // What each runtime reports as its multiprocessor count; recorded, not judged (docs/arms.md).
    lpMultiprocessorCount: lp?.fingerprint.gpu.multiprocessorCount ?? 0,
    hpMultiprocessorCount: hp?.fingerprint.gpu.multiprocessorCount ?? 0,
  };
  const unproven = (message: string, recommendation: string): CheckVerdict => unprovenVerdict(measured, message, recommendation);
  if (evidence === null || evidence.mechanism !== 'mps-thread-percentage') {
    return unproven('no thread-percentage evidence was recorded', 'the arm ran without its setup: a suite bug, report it with the run record');
  }
  if (evidence.pids.lp === undefined || evidence.readErrors.lp !== undefined) {
    return unproven(`the lp worker's environment could not be read (${evidence.readErrors.lp ?? 'no lp pid'})`, 'the lp worker must still run after READY; check its log');
  }
  if (evidence.received.lp !== evidence.requested) {
    return unproven(`the lp worker received CUDA_MPS_ACTIVE_THREAD_PERCENTAGE=${JSON.stringify(evidence.received.lp)}, not ${evidence.requested}`, 'something between the suite and the worker changed its environment');
  }
  if (evidence.received.hp !== null && evidence.received.hp !== undefined) {
    return unproven(`the hp worker was limited too (CUDA_MPS_ACTIVE_THREAD_PERCENTAGE=${evidence.received.hp})`, 'the variable must reach lp only: check the host environment for CUDA_MPS_ACTIVE_THREAD_PERCENTAGE');
  }
  if (!clientPids(trial).includes(evidence.pids.lp)) {
    return unproven(`the MPS log names no client ${evidence.pids.lp}, so the percentage had no MPS server to limit it`, 'the lp worker did not reach the suite\'s MPS daemon (sharing.mps-client-logged.lp says why)');
  }
  return { status: 'pass', measured, message: `lp (pid ${evidence.pids.lp}) ran as an MPS client with CUDA_MPS_ACTIVE_THREAD_PERCENTAGE=${evidence.requested}; hp without it`, recommendation: null };
}

/** stream-priority: the fingerprints show hp's stream at a higher priority (numerically lower) than lp's. */
export function streamPriorityVerdict(trial: ArmTrialRecord): CheckVerdict {
  const hp = findWorkerResult(trial, 'hp')?.fingerprint.stream;
  const lp = findWorkerResult(trial, 'lp')?.fingerprint.stream;
  if (hp === undefined || lp === undefined) {
    return unprovenVerdict({}, 'a worker reported no stream fingerprint', 'both workers must finish for the priorities to be shown');
  }
  const measured = { hpPriority: hp.value, lpPriority: lp.value, greatestPriority: hp.greatestPriority };
  if (hp.value < lp.value) return { status: 'pass', measured, message: `hp's stream has priority ${hp.value}, above lp's ${lp.value}`, recommendation: null };
  return unprovenVerdict(measured, `hp's stream priority ${hp.value} is not above lp's ${lp.value}`, 'this GPU or runtime offers a single stream priority (greatestPriority equals leastPriority)');
}

const VERDICTS: Partial<Record<string, (trial: ArmTrialRecord) => CheckVerdict>> = {
  'mps-thread-percentage': mpsThreadPercentVerdict,
  'stream-priority': streamPriorityVerdict,
  'cu-mask': cuMaskVerdict,
};

function mechanismOf(trial: ArmTrialRecord): string | null {
  const spec = armSpec(trial.arm);
  if (!spec.reference) return null;
  return spec.setup === 'native' ? trial.arm : spec.setup;
}

/** One reference.<mechanism> check per reference arm-trial that ran. */
export function referenceChecks(record: RunRecord): ValidityCheck[] {
  const checks: ValidityCheck[] = [];
  for (const trial of record.trials) {
    const mechanism = trial.skipped === null ? mechanismOf(trial) : null;
    if (mechanism === null) continue;
    const verdict = VERDICTS[mechanism];
    if (verdict === undefined) continue;
    checks.push({ id: `reference.${mechanism}`, title: `${trial.arm}: its mechanism was in force`, arm: trial.arm, trial: trial.trial, ...verdict(trial) });
  }
  return checks;
}
