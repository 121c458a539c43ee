// No worker result may be partial (stopped by a signal or stdin closing mid-measurement).

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import { type CheckContext, describeTrial, finishedWorkers, makeCheck } from './check-context.ts';

const ID = 'complete-results';
const TITLE = 'No partial results';

export function checkCompleteResults(context: CheckContext): ValidityCheck[] {
  const failures: ValidityCheck[] = [];
  for (const { trial, outcome } of finishedWorkers(context.record)) {
    if (!outcome.result.partial) continue;
    failures.push(
      makeCheck({
        id: ID,
        title: TITLE,
        status: 'fail',
        arm: trial.arm,
        trial: trial.trial,
        measured: { role: outcome.role, partialReason: outcome.result.partialReason },
        message: `The ${outcome.role} worker of ${describeTrial(trial.arm, trial.trial)} wrote a partial result (${outcome.result.partialReason ?? 'no reason given'}): it stopped measuring before the end instant.`,
        recommendation: `Run again without interrupting it; if it repeats, read ${outcome.logPath} for what stopped it.`,
      }),
    );
  }
  return failures.length > 0 ? failures : [makeCheck({ id: ID, title: TITLE, status: 'pass', message: 'Every worker result covers the whole measurement window.' })];
}
