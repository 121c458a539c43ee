// Thrown by runScenario when its signal aborted; carries everything recorded until then.

import type { RunRecord } from '../../documents/types/run-record.ts';

export class ScenarioAbortedError extends Error {
  override readonly name = 'ScenarioAbortedError';

  constructor(
    readonly record: RunRecord,
    cause: unknown,
  ) {
    super(
      `scenario ${record.scenario.name} aborted after ${record.trials.length} arm-trial(s) ` +
        `(run ${record.runId}); every worker was stopped${cause instanceof Error ? `: ${cause.message}` : ''}`,
      { cause },
    );
  }
}
