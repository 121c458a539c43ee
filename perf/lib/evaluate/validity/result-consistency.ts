// The results must be self-consistent: the worker measured the window the trial handed
// out, its role agrees everywhere, and no recorded time is impossible.

import { findWorkerResult } from '../stats/run-statistics.ts';
import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import { type CheckContext, describeTrial, makeCheck } from './check-context.ts';

const ID = 'result-consistency';
const TITLE = 'Worker results are consistent with the trial';
const ADVICE = 'The worker does not follow docs/protocol.md: rebuild it (npm run build:native) and run again; report it if it repeats.';

function problemsOfTrial(context: CheckContext, armTrial: CheckContext['record']['trials'][number]): string[] {
  const problems: string[] = [];
  if (armTrial.startNs === null || armTrial.endNs === null) {
    if (armTrial.workers.some((w) => w.ok)) problems.push('the trial has no start/end instants although workers reported results');
    return problems;
  }
  for (const outcome of armTrial.workers) {
    if (!outcome.ok) continue;
    const { result } = outcome;
    if (result.options.role !== outcome.role || result.fingerprint.role !== outcome.role) {
      problems.push(`the ${outcome.role} outcome holds a result for role ${result.options.role} (fingerprint ${result.fingerprint.role})`);
    }
    if (result.startNs !== armTrial.startNs || result.endNs !== armTrial.endNs) {
      problems.push(`the ${outcome.role} worker measured [${result.startNs}, ${result.endNs}] but the trial window is [${armTrial.startNs}, ${armTrial.endNs}]`);
    }
  }
  const samples = context.stats.samples.get(armTrial.arm);
  const hp = samples?.hp.find((s) => s.trial === armTrial.trial);
  const lp = samples?.lp.find((s) => s.trial === armTrial.trial);
  if (hp !== undefined && hp.malformed > 0) problems.push(`${hp.malformed} hp requests have impossible times (started before scheduled or finished before started)`);
  if (lp !== undefined && lp.malformed > 0) problems.push(`${lp.malformed} lp iterations end before they start`);
  const hpResult = findWorkerResult(armTrial, 'hp');
  if (hpResult !== null && hpResult.requests === undefined) problems.push('the hp result has no requests array');
  const lpResult = findWorkerResult(armTrial, 'lp');
  if (lpResult !== null && lpResult.iterations === undefined) problems.push('the lp result has no iterations array');
  return problems;
}

export function checkResultConsistency(context: CheckContext): ValidityCheck[] {
  const failures: ValidityCheck[] = [];
  for (const armTrial of context.record.trials) {
    if (armTrial.skipped !== null) continue;
    const problems = problemsOfTrial(context, armTrial);
    if (problems.length === 0) continue;
    failures.push(
      makeCheck({
        id: ID,
        title: TITLE,
        status: 'fail',
        arm: armTrial.arm,
        trial: armTrial.trial,
        measured: { problems: problems.length },
        message: `${describeTrial(armTrial.arm, armTrial.trial)}: ${problems.join('; ')}.`,
        recommendation: ADVICE,
      }),
    );
  }
  return failures.length > 0 ? failures : [makeCheck({ id: ID, title: TITLE, status: 'pass', message: 'Every result covers its trial window with well-formed times.' })];
}
