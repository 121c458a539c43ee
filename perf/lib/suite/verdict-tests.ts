// Which verdicts each perf test asserts, and how a verdict's status becomes a test
// outcome: pass passes; fail fails with the numbers and the recommendation;
// inconclusive and skip are shown as skipped tests with their reason (never a silent
// pass); a missing stored baseline fails only under PERF_REQUIRE_BASELINE=1.

import type { ScenarioEvaluation, Verdict } from '../documents/types/index.ts';

export interface VerdictTest {
  title: string;
  select: (verdict: Verdict) => boolean;
}

export const VERDICT_TESTS: readonly VerdictTest[] = [
  { title: 'hp achieved rate >= required fraction of target (xsched arm)', select: (v) => v.id === 'hp-achieved-rate' },
  { title: 'hp P99 improvement of xsched over baseline', select: (v) => v.id === 'hp-p99-improvement' },
  { title: 'lp throughput loss of xsched against baseline', select: (v) => v.id === 'lp-throughput-loss' },
  { title: 'no regression against the stored baseline', select: (v) => v.id === 'regression' || v.id.startsWith('regression.') },
];

export type VerdictOutcome = { kind: 'pass' } | { kind: 'fail'; message: string } | { kind: 'skip'; message: string };

const describeVerdict = (v: Verdict): string =>
  [`[${v.id}] ${v.message}`, v.recommendation ? `  what to do: ${v.recommendation}` : null].filter(Boolean).join('\n');

export function decideVerdictTest(
  test: VerdictTest,
  evaluation: ScenarioEvaluation,
  options: { requireBaseline: boolean; missingBaseline: string | null },
): VerdictOutcome {
  if (evaluation.status === 'invalid') {
    return { kind: 'skip', message: 'not judged: the run is invalid (see "run is valid")' };
  }
  const verdicts = evaluation.verdicts.filter(test.select);
  if (verdicts.length === 0) return { kind: 'fail', message: `no verdict matched "${test.title}": the evaluation is incomplete` };
  const failed = verdicts.filter((v) => v.status === 'fail');
  if (failed.length > 0) return { kind: 'fail', message: failed.map(describeVerdict).join('\n') };
  const isMissingBaseline = (v: Verdict) => v.id === 'regression' && v.status === 'skip' && options.missingBaseline !== null;
  if (options.requireBaseline && verdicts.some(isMissingBaseline)) {
    return { kind: 'fail', message: `PERF_REQUIRE_BASELINE=1: ${options.missingBaseline}` };
  }
  const open = verdicts.filter((v) => v.status === 'inconclusive' || v.status === 'skip');
  if (open.length > 0) {
    return { kind: 'skip', message: open.map((v) => `${v.status.toUpperCase()}: ${describeVerdict(v)}`).join('\n') };
  }
  return { kind: 'pass' };
}

/** The failed validity checks, one block each, for the "run is valid" test. */
export function describeInvalidRun(evaluation: ScenarioEvaluation): string | null {
  const failed = evaluation.checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) return null;
  const blocks = failed.map((c) => {
    const where = [c.arm, c.trial === null ? null : `trial ${c.trial}`].filter((x) => x !== null).join(' ');
    return `[${c.id}${where ? ` ${where}` : ''}] ${c.message}${c.recommendation ? `\n  what to do: ${c.recommendation}` : ''}`;
  });
  return `INVALID RUN (not a threshold failure: the measurement itself cannot be trusted)\n${blocks.join('\n')}`;
}
