// Native arms must really be native: no XSched library mapped in any of their workers
// (a stray LD_PRELOAD or ld.so.preload would turn the baseline into an XSched run).

import type { ValidityCheck } from '../types/evaluation.ts';
import { type CheckContext, describeTrial, finishedWorkers, makeCheck } from './check-context.ts';

const ID = 'native-arms-without-xsched';
const TITLE = 'No XSched library in native arms';

export function checkNativeArmsWithoutXsched(context: CheckContext): ValidityCheck[] {
  const failures: ValidityCheck[] = [];
  let checked = 0;
  for (const { trial, outcome } of finishedWorkers(context.record)) {
    if (trial.arm === 'xsched') continue;
    checked++;
    const libraries = outcome.result.fingerprint.xschedLibraries;
    if (libraries.length === 0) continue;
    failures.push(
      makeCheck({
        id: ID,
        title: TITLE,
        status: 'fail',
        arm: trial.arm,
        trial: trial.trial,
        measured: { role: outcome.role, libraries: libraries.join(', ') },
        message: `The ${outcome.role} worker of ${describeTrial(trial.arm, trial.trial)} has XSched mapped (${libraries.join(', ')}), so this native arm was not native.`,
        recommendation: 'Remove XSched from the environment the suite inherits: LD_PRELOAD, LD_LIBRARY_PATH entries under the XSched root, and /etc/ld.so.preload.',
      }),
    );
  }
  if (failures.length > 0) return failures;
  if (checked === 0) return [makeCheck({ id: ID, title: TITLE, status: 'skip', message: 'No native-arm worker reported a fingerprint.' })];
  return [makeCheck({ id: ID, title: TITLE, status: 'pass', measured: { workers: checked }, message: `None of the ${checked} native-arm workers has an XSched library mapped.` })];
}
