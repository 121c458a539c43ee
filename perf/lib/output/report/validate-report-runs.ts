// Checks where report inputs enter: a record and an evaluation that do not
// belong together would produce a report that lies without anyone noticing.

import type { RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';

export function validateReportRuns(runs: Array<{ record: RunRecord; evaluation: ScenarioEvaluation }>, caller: string): void {
  if (!Array.isArray(runs)) throw new Error(`${caller}: runs must be an array, got ${typeof runs}`);
  runs.forEach(({ record, evaluation }, i) => {
    if (record?.schema !== 'xsched-perf.run') {
      throw new Error(`${caller}: runs[${i}].record has schema ${JSON.stringify(record?.schema)}, expected "xsched-perf.run"`);
    }
    if (evaluation?.schema !== 'xsched-perf.evaluation') {
      throw new Error(`${caller}: runs[${i}].evaluation has schema ${JSON.stringify(evaluation?.schema)}, expected "xsched-perf.evaluation"`);
    }
    if (evaluation.runId !== record.runId || evaluation.scenario !== record.scenario.name) {
      throw new Error(
        `${caller}: runs[${i}] pairs record ${record.runId}/${record.scenario.name} with evaluation ${evaluation.runId}/${evaluation.scenario}; ` +
          'pass the evaluation computed from that record',
      );
    }
  });
}
