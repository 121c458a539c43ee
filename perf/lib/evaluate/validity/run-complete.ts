// An aborted run (run.json status `aborted`: a signal, the suite's parent gone, an
// exception) holds what was measured until the stop, with the interrupted arm-trial
// marked: it can be read and reported, never passed nor stored as a baseline.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import { runStatusOf } from '../../documents/types/run-record.ts';
import { type CheckContext, makeCheck } from './check-context.ts';

const ID = 'run-complete';
const TITLE = 'The run ended on its own (not aborted)';

export function checkRunComplete(context: CheckContext): ValidityCheck[] {
  const status = runStatusOf(context.record);
  // Nothing to say about a complete run (older records, without a status, are complete).
  if (status.state === 'complete') return [];
  const interrupted = context.record.trials.filter((t) => t.interrupted === true).map((t) => `${t.arm} trial ${t.trial}`);
  return [
    makeCheck({
      id: ID,
      title: TITLE,
      status: 'fail',
      measured: { reason: status.reason, at: status.at, armTrialsRecorded: context.record.trials.length, interrupted: interrupted.join(', ') },
      message:
        `The run was aborted at ${status.at} (${status.reason}) after ${context.record.trials.length} arm-trial(s)` +
        `${interrupted.length > 0 ? `; interrupted, with partial results: ${interrupted.join(', ')}` : ''}.`,
      recommendation: 'Run the scenario again to the end; an aborted run is kept for the post-mortem only.',
    }),
  ];
}
