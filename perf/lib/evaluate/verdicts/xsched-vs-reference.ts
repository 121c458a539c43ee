// xsched against the best proven reference arm (docs/arms.md, docs/statistics.md): is
// xsched's hp P99 at most that of the reference arm with the lowest hp P99, judged on a
// confidence interval for 1 - P99(xsched) / P99(reference), paired by trial, with the lp
// throughput each pays reported next to it. Unproven reference arms never take part.

import { pairTrialsByIndex } from '../stats/intervals/pair-trials.ts';
import { pooledPercentileNs } from '../stats/intervals/percentile-ratio-interval.ts';
import { TAIL_PERCENTILE } from '../stats/percentile.ts';
import type { Verdict } from '../../documents/types/evaluation.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { REFERENCE_ARMS } from '../../plan/scenarios/arms.ts';
import { decideAgainstThreshold, recommendMoreData } from './decide.ts';
import { pairedP99 } from './paired-p99.ts';
import { type VerdictContext, percent, round3, skipVerdict, unavailableReason } from './verdict-context.ts';

const ID = 'xsched-vs-reference';
const RULE = 'xsched hp P99 <= hp P99 of the best proven reference arm (improvement >= 0%)';

const meanIterPerSec = (trials: Array<{ iterPerSec: number }>): number | null =>
  trials.length === 0 ? null : trials.reduce((sum, t) => sum + t.iterPerSec, 0) / trials.length;

/** The proven reference arms with hp data, each with its hp P99 over the trials it shares with xsched. */
function candidates(context: VerdictContext): { usable: Array<{ arm: ArmName; p99Ms: number }>; excluded: string[] } {
  const xsched = context.stats.samples.get('xsched')!.hp;
  const usable: Array<{ arm: ArmName; p99Ms: number }> = [];
  const excluded: string[] = [];
  for (const arm of REFERENCE_ARMS) {
    if (!context.record.scenario.arms.includes(arm)) continue;
    const reason = unavailableReason(context, arm, 'hp');
    if (reason !== null) {
      excluded.push(reason);
      continue;
    }
    const [, paired] = pairTrialsByIndex(xsched, context.stats.samples.get(arm)!.hp);
    if (paired.length === 0) excluded.push(`arm ${arm} shares no trial with xsched`);
    else usable.push({ arm, p99Ms: pooledPercentileNs(paired, TAIL_PERCENTILE) / 1e6 });
  }
  return { usable, excluded };
}

export function judgeXschedVsReference(context: VerdictContext): Verdict {
  const { record } = context;
  const xschedReason = unavailableReason(context, 'xsched', 'hp');
  if (xschedReason !== null) return skipVerdict(ID, RULE, `Not judged: ${xschedReason}.`);
  const { usable, excluded } = candidates(context);
  const best = usable.sort((a, b) => a.p99Ms - b.p99Ms)[0];
  if (best === undefined) {
    const why = excluded.length > 0 ? excluded.join('; ') : `scenario ${record.scenario.name} runs no reference arm`;
    return skipVerdict(ID, RULE, `Not judged: no proven reference arm with hp data (${why}).`, 'Add reference arms with PERF_REFERENCE_ARMS (e.g. mps-lp70 in an MPS scenario; docs/arms.md).');
  }
  const xsched = context.stats.samples.get('xsched')!;
  const reference = context.stats.samples.get(best.arm)!;
  const compared = pairedP99(context, best.arm, ID);
  if (compared === null) return skipVerdict(ID, RULE, `Not judged: xsched and ${best.arm} share no trial in which both have hp samples.`);
  const { interval, improvement, pairs, xschedP99Ms, otherP99Ms: referenceP99Ms } = compared;
  const status = decideAgainstThreshold(interval, 0, 'at-least');
  const [lpXsched, lpReference] = pairTrialsByIndex(xsched.lp, reference.lp);
  const xschedLp = meanIterPerSec(lpXsched);
  const referenceLp = meanIterPerSec(lpReference);
  const lpText = xschedLp === null || referenceLp === null ? 'lp throughput not compared (no paired lp trials)' : `lp ${round3(xschedLp)} vs ${round3(referenceLp)} iter/s (xsched/${best.arm}: ${round3(xschedLp / referenceLp)}x)`;
  const others = usable.length > 1 ? ` Other proven references: ${usable.slice(1).map((c) => `${c.arm} ${round3(c.p99Ms)} ms`).join(', ')}.` : '';
  const summary = `hp P99 ${round3(xschedP99Ms)} ms (xsched) vs ${round3(referenceP99Ms)} ms (${best.arm}, the best proven reference): improvement ${percent(improvement)}, ${percent(interval.level)} interval [${percent(interval.low)}, ${percent(interval.high)}] over ${pairs} paired trial(s); ${lpText}.${others}`;
  const recommendation =
    status === 'fail'
      ? `${best.arm} gives hp a lower tail latency than XSched on this hardware; compare the lp cost above before preferring it.`
      : status === 'inconclusive'
        ? recommendMoreData({ estimate: improvement, low: interval.low, high: interval.high, threshold: 0, trials: pairs, confidence: interval.level, direction: 'at-least' })
        : null;
  return {
    id: ID,
    rule: RULE,
    status,
    measured: {
      xschedP99Ms,
      referenceP99Ms,
      improvementFraction: improvement,
      xschedLpIterPerSec: xschedLp,
      referenceLpIterPerSec: referenceLp,
      pairedTrials: pairs,
    },
    threshold: { improvementMinFraction: 0 },
    interval,
    message: `${status === 'pass' ? 'Pass' : status === 'fail' ? 'Fail' : 'Inconclusive'}: ${summary}`,
    recommendation,
  };
}
