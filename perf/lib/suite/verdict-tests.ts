// Which verdict kind each perf test asserts, and how that kind's outcome
// (perf/lib/evaluate/overall-status.ts) becomes a test result: pass passes; fail fails with
// the numbers and the recommendation; untested and inconclusive fail in strict mode
// (PERF_STRICT=1 or CI=true) when the scenario requires the kind, and are otherwise shown as
// skipped tests with their reason (never a pass). PERF_REQUIRE_BASELINE=1 fails the regression
// test when no comparable stored baseline exists (missing, or another workload or XSched settings).

import type { ScenarioEvaluation, Verdict, VerdictKind } from '../documents/types/index.ts';
import { INFORMATIONAL_KINDS, failBlocks, verdictKindOf } from '../plan/scenarios/gate-requirements.ts';

export interface VerdictTest {
  title: string;
  kind: VerdictKind;
}

export const VERDICT_TESTS: readonly VerdictTest[] = [
  { title: 'hp achieved rate >= required fraction of target (xsched arm)', kind: 'hp-achieved-rate' },
  { title: 'hp P99 improvement of xsched over baseline', kind: 'hp-p99-improvement' },
  { title: 'lp throughput loss of xsched against baseline', kind: 'lp-throughput-loss' },
  { title: 'no regression against the stored baseline', kind: 'regression' },
  { title: 'xsched hp P99 against the best proven reference arm', kind: 'xsched-vs-reference' },
];

export type VerdictOutcome = { kind: 'pass' } | { kind: 'fail'; message: string } | { kind: 'skip'; message: string };

export interface VerdictTestOptions {
  /** PERF_STRICT=1 or CI=true: only pass is green. */
  strict: boolean;
  requireBaseline: boolean;
  /** Why no comparable stored baseline judged the run (describeBaselineProblem), or null. */
  baselineProblem: string | null;
}

const describeVerdict = (v: Verdict): string =>
  [`[${v.id}] ${v.message}`, v.recommendation ? `  what to do: ${v.recommendation}` : null].filter(Boolean).join('\n');

export function decideVerdictTest(test: VerdictTest, evaluation: ScenarioEvaluation, options: VerdictTestOptions): VerdictOutcome {
  if (evaluation.status === 'invalid') {
    return { kind: 'skip', message: 'not judged: the run is invalid (see "run is valid")' };
  }
  const outcome = evaluation.verdictOutcomes.find((o) => o.kind === test.kind);
  const verdicts = evaluation.verdicts.filter((v) => verdictKindOf(v.id) === test.kind);
  if (outcome === undefined && INFORMATIONAL_KINDS.includes(test.kind) && !evaluation.requiredVerdicts.includes(test.kind)) {
    return { kind: 'skip', message: `not judged: scenario ${evaluation.scenario} runs no reference arm (PERF_REFERENCE_ARMS, docs/arms.md)` };
  }
  if (outcome === undefined) return { kind: 'fail', message: `no outcome for "${test.kind}" in the evaluation: it is incomplete` };
  if (outcome.status === 'fail' && failBlocks(test.kind, outcome.required)) return { kind: 'fail', message: verdicts.filter((v) => v.status === 'fail').map(describeVerdict).join('\n') };
  if (test.kind === 'regression' && options.requireBaseline && options.baselineProblem !== null) {
    return { kind: 'fail', message: `PERF_REQUIRE_BASELINE=1: ${options.baselineProblem}` };
  }
  if (outcome.status === 'pass') return { kind: 'pass' };
  const open = verdicts.filter((v) => v.status !== 'pass');
  const details = open.length > 0 ? open.map(describeVerdict).join('\n') : outcome.reason;
  const word = outcome.status.toUpperCase();
  if (!outcome.required) {
    return { kind: 'skip', message: `${word} (not required by scenario ${evaluation.scenario}): ${details}` };
  }
  return notAPass(word, `\n${details}`, options.strict);
}

/**
 * A required test that was not judged a pass (`word`: UNTESTED, INCONCLUSIVE): strict mode
 * (PERF_STRICT=1 or CI=true) fails it, otherwise it is skipped saying so. `details` follows
 * the colon as given (' reason', or '\n' and one block per verdict).
 */
export function notAPass(word: string, details: string, strict: boolean): Exclude<VerdictOutcome, { kind: 'pass' }> {
  return strict
    ? { kind: 'fail', message: `${word}, and strict mode (PERF_STRICT=1 or CI=true) passes only a judged pass:${details}` }
    : { kind: 'skip', message: `${word}: not a pass (CI=true or PERF_STRICT=1 fails it):${details}` };
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
