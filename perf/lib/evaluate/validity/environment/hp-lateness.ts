// Did the host, not the GPU, make hp miss its rate? Each hp request's time splits into
// waiting for its scheduled instant, the host's delay before `started`, and service
// (started -> finished, docs/protocol.md). The host's delay is started - max(scheduled,
// previous finished): time the worker was free to start and the GPU had its last request back,
// yet it had not started. If hp fell short of hpAchievedRateMinFraction x target while its
// summed service time fit in the window, the shortfall is the host's (the seed's 13.70 of
// 20 req/s was read as the GPU's): the arm-trial is invalid, since it measured the host.

import type { ValidityCheck } from '../../../documents/types/evaluation.ts';
import type { ArmTrialRecord } from '../../../documents/types/run-record.ts';
import { resolveMeasurementWindow, workerOffsetToWindowNs } from '../../stats/measurement-window.ts';
import { TAIL_PERCENTILE, percentileOfSorted, sortAscending } from '../../stats/percentile.ts';
import { findWorkerResult } from '../../stats/run-statistics.ts';
import { type CheckContext, makeCheck } from '../check-context.ts';

const ID = 'environment.hp-lateness';
const TITLE = 'hp rate not limited by the host';
/** Host delay summed over the window that counts as the cause of a shortfall. */
export const HOST_LATE_SHARE = 0.1;

export interface HostLateness {
  windowNs: number;
  requests: number;
  hostLateNs: number;
  hostLateP99Ns: number;
  serviceNs: number;
}

export function measureHostLateness(trial: ArmTrialRecord): HostLateness | null {
  const result = findWorkerResult(trial, 'hp');
  const window = resolveMeasurementWindow(trial);
  if (result === null || window === null || result.requests === undefined) return null;
  const offset = workerOffsetToWindowNs(result, window);
  const delays: number[] = [];
  let serviceNs = 0;
  let previousFinished = -Infinity;
  for (const [scheduled, started, finished] of result.requests) {
    if (scheduled + offset < 0 || scheduled + offset >= window.durationNs || !(finished >= started && started >= scheduled)) continue;
    delays.push(Math.max(0, started - Math.max(scheduled, previousFinished)));
    serviceNs += finished - started;
    previousFinished = finished;
  }
  if (delays.length === 0) return null;
  const sorted = sortAscending(delays);
  return { windowNs: window.durationNs, requests: delays.length, hostLateNs: delays.reduce((s, x) => s + x, 0), hostLateP99Ns: percentileOfSorted(sorted, TAIL_PERCENTILE), serviceNs };
}

const ms = (ns: number): number => Math.round(ns / 1e4) / 100;

function checkTrial(trial: ArmTrialRecord, context: CheckContext): ValidityCheck | null {
  const late = measureHostLateness(trial);
  const hp = context.stats.arms.find((a) => a.arm === trial.arm)?.trials.find((t) => t.trial === trial.trial)?.hp ?? null;
  if (late === null || hp === null) return null;
  const where = { arm: trial.arm, trial: trial.trial };
  const bar = context.thresholds.hpAchievedRateMinFraction * hp.targetRateHz;
  const achieved = Math.round(hp.achievedRateHz * 100) / 100;
  const measured = { achievedRateHz: achieved, targetRateHz: hp.targetRateHz, hostLateMs: ms(late.hostLateNs), hostLateP99Us: Math.round(late.hostLateP99Ns / 100) / 10, serviceMs: ms(late.serviceNs), windowMs: ms(late.windowNs) };
  const numbers = `host delay before starting requests ${measured.hostLateMs} ms in total (P99 ${measured.hostLateP99Us} us per request), GPU service ${measured.serviceMs} ms in total, window ${measured.windowMs} ms`;
  if (hp.achievedRateHz >= bar) return makeCheck({ id: ID, title: TITLE, status: 'pass', ...where, measured, message: `hp achieved ${achieved} of ${hp.targetRateHz} req/s; ${numbers}.` });
  if (late.serviceNs < late.windowNs && late.hostLateNs >= HOST_LATE_SHARE * late.windowNs) {
    return makeCheck({
      id: ID,
      title: TITLE,
      status: 'fail',
      ...where,
      measured,
      message: `HOST LATE: hp achieved only ${achieved} of ${hp.targetRateHz} req/s because the host started its requests late, not because the GPU was busy: ${numbers} (the GPU work fit in the window). This measured the host, not the scheduler.`,
      recommendation: 'Free the host CPU (see environment.host-cpu), pin the workers to idle cores, or use a host with more cores; then run again.',
    });
  }
  return makeCheck({ id: ID, title: TITLE, status: 'pass', ...where, measured, message: `hp achieved ${achieved} of ${hp.targetRateHz} req/s; the shortfall is the GPU's (service time), not the host's: ${numbers}.` });
}

export function checkHpLateness(context: CheckContext): ValidityCheck[] {
  return context.record.trials.flatMap((t) => (t.skipped === null ? (checkTrial(t, context) ?? []) : []));
}
