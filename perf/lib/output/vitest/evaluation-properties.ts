// The key numbers of an evaluation as (type, message) pairs: annotation types
// double as junit property names, so they are stable and machine-friendly
// (xsched-perf.<arm>.hp_p99_ms = "4.21").

import type { ScenarioEvaluation } from '../../documents/types/index.ts';
import { annotationType } from './annotation-context.ts';

export interface EvaluationProperty {
  type: string;
  message: string;
}

export function collectEvaluationProperties(evaluation: ScenarioEvaluation): EvaluationProperty[] {
  const properties: EvaluationProperty[] = [
    { type: annotationType('status'), message: evaluation.status },
    { type: annotationType('status_reason'), message: evaluation.statusReason },
    { type: annotationType('run_id'), message: evaluation.runId },
  ];
  for (const arm of evaluation.arms) {
    const hp = arm.merged.hp;
    if (hp) {
      properties.push({ type: annotationType(arm.arm, 'hp_p50_ms'), message: fixed(hp.latencyMs.p50, 3) });
      properties.push({ type: annotationType(arm.arm, 'hp_p99_ms'), message: fixed(hp.latencyMs.p99, 3) });
      properties.push({ type: annotationType(arm.arm, 'hp_achieved_rate_hz'), message: fixed(hp.achievedRateHz, 3) });
    }
    if (arm.merged.lp) properties.push({ type: annotationType(arm.arm, 'lp_iter_per_sec'), message: fixed(arm.merged.lp.iterPerSec, 3) });
  }
  for (const o of evaluation.verdictOutcomes) {
    properties.push({ type: annotationType('outcome', o.kind), message: `${o.status}${o.required ? '' : ' (not required)'}: ${o.reason}` });
  }
  for (const v of evaluation.verdicts) {
    properties.push({ type: annotationType('verdict', v.id), message: `${v.status}: ${v.message}` });
  }
  for (const c of evaluation.checks.filter((x) => x.status === 'fail' || x.status === 'warn')) {
    properties.push({ type: annotationType('check', c.id), message: `${c.status}: ${c.message}` });
  }
  return properties;
}

function fixed(value: number, decimals: number): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : String(value);
}
