// One verdict of a run, judged against a team's own threshold: the run is evaluated exactly
// as the suite does (perf/lib/evaluate/evaluate-run.ts: validity checks, unproven arms,
// seeded intervals) with that one threshold replaced, so a matcher and a verdict test agree.

import { evaluateRun } from '../../evaluate/index.ts';
import type { RunRecord, ScenarioEvaluation, Thresholds, Verdict } from '../../documents/types/index.ts';
import { RUN_RECORD_SCHEMA } from '../../documents/types/run-record.ts';
import type { FinishedRun } from '../finish-run.ts';

export type RunLike = FinishedRun | RunRecord;

export interface RuleJudgement {
  verdict: Verdict | null;
  /** Why no verdict speaks for the run (not a run, an invalid run); null when `verdict` does. */
  problem: string | null;
  evaluation: ScenarioEvaluation | null;
}

function recordOf(run: unknown): RunRecord | null {
  if (typeof run !== 'object' || run === null) return null;
  const candidate = 'record' in run ? (run as FinishedRun).record : run;
  return (candidate as RunRecord).schema === RUN_RECORD_SCHEMA ? (candidate as RunRecord) : null;
}

export function judgeRule(run: unknown, verdictId: string, threshold: Partial<Thresholds>): RuleJudgement {
  const record = recordOf(run);
  if (record === null) {
    return { verdict: null, problem: `expected a finished run or a run record (schema ${RUN_RECORD_SCHEMA}), received ${describe(run)}`, evaluation: null };
  }
  const scenario = { ...record.scenario, thresholds: { ...record.scenario.thresholds, ...threshold } };
  const evaluation = evaluateRun({ ...record, scenario }, null);
  if (evaluation.status === 'invalid') {
    const failed = evaluation.checks.filter((c) => c.status === 'fail').map((c) => `[${c.id}] ${c.message}`);
    return { verdict: null, problem: `run ${record.runId} is invalid, so it cannot be judged:\n${failed.join('\n')}`, evaluation };
  }
  const verdict = evaluation.verdicts.find((v) => v.id === verdictId) ?? null;
  return { verdict, problem: verdict === null ? `run ${record.runId} has no ${verdictId} verdict` : null, evaluation };
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  return `an object with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}`;
}
