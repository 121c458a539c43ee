// Each worker must have run what the scenario asked for: model, batch, image size, GPU,
// seed, duration, and for hp the rate and arrival process. An injected delay is allowed
// (sensitivity tests use it) but never silently.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { Scenario } from '../../documents/types/scenario.ts';
import type { WorkerOptions } from '../../documents/types/worker-result.ts';
import { type CheckContext, describeTrial, finishedWorkers, makeCheck } from './check-context.ts';

const ID = 'options-match';
const TITLE = 'Workers ran the scenario as configured';

// Trial t runs seed scenario.seed + t (perf/lib/run/worker/worker-args.ts): trials are
// independent samples while the arms of one trial share one arrival schedule.
function mismatches(options: WorkerOptions, scenario: Scenario, trial: number): string[] {
  const config = options.role === 'hp' ? scenario.hp : scenario.lp;
  const expected: Array<[string, unknown, unknown]> = [
    ['model', options.model, config.model],
    ['batch', options.batch, config.batch],
    ['imageSize', options.imageSize, config.imageSize],
    ['gpuIndex', options.gpuIndex, scenario.gpuIndex],
    ['seed', options.seed, scenario.seed + trial],
    ['durationMs', options.durationMs, scenario.durationMs],
  ];
  if (options.role === 'hp') {
    expected.push(['rateHz', options.rateHz, scenario.hp.rateHz], ['arrival', options.arrival, scenario.hp.arrival]);
  }
  return expected.filter(([, got, want]) => got !== want).map(([name, got, want]) => `${name} ${JSON.stringify(got)} (scenario: ${JSON.stringify(want)})`);
}

export function checkOptionsMatch(context: CheckContext): ValidityCheck[] {
  const checks: ValidityCheck[] = [];
  for (const { trial, outcome } of finishedWorkers(context.record)) {
    const { options } = outcome.result;
    const where = `${outcome.role} worker of ${describeTrial(trial.arm, trial.trial)}`;
    const wrong = mismatches(options, context.record.scenario, trial.trial);
    if (wrong.length > 0) {
      checks.push(
        makeCheck({
          id: ID,
          title: TITLE,
          status: 'fail',
          arm: trial.arm,
          trial: trial.trial,
          measured: { role: outcome.role, mismatches: wrong.length },
          message: `The ${where} ran ${wrong.join(', ')}: it did not measure the scenario.`,
          recommendation: 'This is a suite bug (the worker command line is built from the scenario): report it with the record.',
        }),
      );
    }
    if (options.injectDelayUs > 0) {
      checks.push(
        makeCheck({
          id: ID,
          title: TITLE,
          status: 'warn',
          arm: trial.arm,
          trial: trial.trial,
          measured: { role: outcome.role, injectDelayUs: options.injectDelayUs },
          message: `The ${where} added an injected delay of ${options.injectDelayUs} us to every request: a deliberate regression, not a real measurement.`,
          recommendation: 'Never store this run as a baseline; injection is for testing the suite only.',
        }),
      );
    }
  }
  return checks.length > 0 ? checks : [makeCheck({ id: ID, title: TITLE, status: 'pass', message: 'Every worker ran the scenario\'s model, batch, size, GPU, seed, duration and hp rate.' })];
}
