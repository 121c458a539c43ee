// Vitest matchers for a team's own rules on a run (a FinishedRun or its RunRecord):
//   expect(run).toImproveHpP99By(0.5)           xsched hp P99 at least 50% below baseline
//   expect(run).toKeepLpThroughputLossBelow(0.1) xsched costs lp at most 10% of baseline
//   expect(run).toMeetHpRate()                  hp keeps >= the scenario's fraction of its rate
// A matcher passes only on a judged pass (an inconclusive or unjudged verdict fails, with
// why and what more data would decide); every message carries the verdict's numbers: the
// measured ratio, its interval, the threshold and the trials. Registered by perf/setup-matchers.ts.

import type { Thresholds } from '../../documents/types/index.ts';
import { judgeRule } from './judge-rule.ts';

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function checkFraction(matcher: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new TypeError(`${matcher}(${JSON.stringify(value)}): expected a fraction >= 0 and < 1 (0.5 = 50%)`);
  }
  return value;
}

function matchVerdict(run: unknown, expectation: string, verdictId: string, threshold: Partial<Thresholds>, isNot: boolean): MatcherResult {
  const { verdict, problem } = judgeRule(run, verdictId, threshold);
  if (verdict === null) return { pass: false, message: () => `expected the run to ${expectation}, but ${problem}` };
  const details = [`[${verdict.id}] ${verdict.message}`, verdict.recommendation ? `what to do: ${verdict.recommendation}` : null].filter(Boolean).join('\n');
  const pass = verdict.status === 'pass';
  const outcome = pass ? 'it did' : verdict.status === 'fail' ? 'it did not' : verdict.status === 'inconclusive' ? 'it is inconclusive' : 'it was not judged';
  return { pass, message: () => `expected the run ${isNot ? 'not ' : ''}to ${expectation}, and ${outcome}:\n${details}` };
}

export const perfMatchers = {
  toImproveHpP99By(this: { isNot: boolean }, run: unknown, fraction: number): MatcherResult {
    const min = checkFraction('toImproveHpP99By', fraction);
    return matchVerdict(run, `improve hp P99 by >= ${min * 100}% under XSched`, 'hp-p99-improvement', { hpP99ImprovementMinFraction: min }, this.isNot);
  },
  toKeepLpThroughputLossBelow(this: { isNot: boolean }, run: unknown, fraction: number): MatcherResult {
    const max = checkFraction('toKeepLpThroughputLossBelow', fraction);
    return matchVerdict(run, `keep the lp throughput loss under XSched <= ${max * 100}%`, 'lp-throughput-loss', { lpThroughputLossMaxFraction: max }, this.isNot);
  },
  toMeetHpRate(this: { isNot: boolean }, run: unknown, fraction?: number): MatcherResult {
    const threshold = fraction === undefined ? {} : { hpAchievedRateMinFraction: checkFraction('toMeetHpRate', fraction) };
    const wanted = fraction === undefined ? "the scenario's fraction" : `${fraction * 100}%`;
    return matchVerdict(run, `meet ${wanted} of the hp target rate under XSched in every trial`, 'hp-achieved-rate', threshold, this.isNot);
  },
};

export interface PerfMatchers<R = unknown> {
  toImproveHpP99By(fraction: number): R;
  toKeepLpThroughputLossBelow(fraction: number): R;
  toMeetHpRate(fraction?: number): R;
}
