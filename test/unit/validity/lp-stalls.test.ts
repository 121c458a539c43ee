// Per-trial lp iteration P50 and P99 (ms) of two recorded quick runs on one H200, minutes apart
// with nothing changed (docs/gpu-results.md sections 19-20): 2826, XSched quiet, and d710, XSched
// in its slower mode (hp P99 1.18-1.68 ms, lp 14% below the baseline arm). The check reads nothing else.

import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../perf/lib/evaluate/validity/check-context.ts';
import { LP_STALL_RATIO, checkLpStalls } from '../../../perf/lib/evaluate/validity/lp-stalls.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { contextOf } from './check-context-helper.ts';

type Iterations = Array<[p50: number, p99: number]>;

function lpContext(arms: Record<string, Iterations>): CheckContext {
  return {
    stats: { arms: Object.entries(arms).map(([arm, trials]) => ({ arm, trials: trials.map(([p50, p99], trial) => ({ trial, hp: null, lp: { iterationMs: { count: p99 > 0 ? 3000 : 0, p50, p99 } } })) })) },
  } as unknown as CheckContext;
}

const lpAlone2826: Iterations = [[3.1971, 3.2239], [3.2052, 3.2304], [3.1946, 3.2242]];
const lpAloneD710: Iterations = [[3.1777, 3.1956], [3.1876, 3.2083], [3.1831, 3.2029]];

describe('lp-stalls', () => {
  it('passes both shared arms of the quiet run 2826: XSched 1.4-1.5x, the native baseline arm 1.2x lp alone', () => {
    const checks = checkLpStalls(lpContext({
      'lp-alone': lpAlone2826,
      baseline: [[3.1943, 3.912], [3.2013, 3.9105], [3.2083, 3.922]],
      xsched: [[3.3236, 4.5229], [3.3137, 4.4846], [3.321, 4.8984]],
    }));
    expect(checks.map((c) => [c.arm, c.status])).toEqual([['baseline', 'pass'], ['xsched', 'pass']]);
    // lp alone's median iteration: the median of 3.1971, 3.2052, 3.1946 = 3.1971; 4.8984 / 3.1971 = 1.532.
    expect(checks[1]!.measured).toEqual({ heldCount: 0, heldTrials: '', worstP99OverAlone: 1.532, lpAloneIterationMs: 3.197 });
  });

  it('warns about every xsched trial of d710 and names them, while its interleaved baseline arm passes', () => {
    const [baseline, xsched] = checkLpStalls(lpContext({
      'lp-alone': lpAloneD710,
      baseline: [[3.1985, 3.9132], [3.1936, 3.9037], [3.1923, 3.9063]],
      xsched: [[3.4429, 9.4398], [3.4579, 8.1587], [3.4603, 8.4632]],
    }));
    expect(baseline!.status).toBe('pass');
    expect(xsched!.status).toBe('warn');
    // 9.4398 / 3.1831 = 2.966, 8.1587 / 3.1831 = 2.563, 8.4632 / 3.1831 = 2.659.
    expect(xsched!.measured).toEqual({ heldCount: 3, heldTrials: '0,1,2', worstP99OverAlone: 2.966, lpAloneIterationMs: 3.183 });
    expect(xsched!.message).toBe(
      `xsched: in 3 of 3 trials 1% of lp iterations took over ${LP_STALL_RATIO}x lp alone's 3.183 ms ` +
        '(trial 0 P99 9.44 ms, 2.966x; trial 1 P99 8.159 ms, 2.563x; trial 2 P99 8.463 ms, 2.659x): the lp worker waited beyond its own work.',
    );
    expect(xsched!.recommendation).toMatch(/may be that mode of the host, one that fails without it is not explained by it/);
  });

  it('names only the held trials, and the boundary is exclusive', () => {
    const checks = checkLpStalls(lpContext({ 'lp-alone': [[2, 2.1]], xsched: [[2.1, 4], [2.1, 4.01], [2.1, 3]] }));
    expect(checks[0]!.measured).toMatchObject({ heldCount: 1, heldTrials: '1' });
  });

  it('judges only baseline and xsched: a reference arm restrains lp on purpose', () => {
    const checks = checkLpStalls(lpContext({ 'lp-alone': [[50, 51]], 'mps-lp30': [[150, 160]], 'stream-priority': [[60, 200]], xsched: [[52, 70]] }));
    expect(checks.map((c) => [c.arm, c.status])).toEqual([['xsched', 'pass']]);
  });

  it('a trial without lp iterations is no evidence either way: an arm of only such trials skips, never passes', () => {
    const [empty] = checkLpStalls(lpContext({ 'lp-alone': [[3.2, 3.22]], xsched: [[0, 0], [0, 0]] }));
    expect(empty!.status).toBe('skip');
    const [mixed] = checkLpStalls(lpContext({ 'lp-alone': [[3.2, 3.22]], xsched: [[0, 0], [3.4, 9]] }));
    expect(mixed!.measured).toMatchObject({ heldCount: 1, heldTrials: '1' });
    expect(mixed!.message).toMatch(/in 1 of 1 trials/);
  });

  it('skips without an lp-alone arm to compare with, and passes a healthy synthetic run', () => {
    const [skipped] = checkLpStalls(lpContext({ xsched: [[3.3, 9]] }));
    expect(skipped!.status).toBe('skip');
    expect(skipped!.message).toMatch(/^No lp-alone arm with iterations in this run/);
    const checks = checkLpStalls(contextOf(buildSyntheticRun(healthyRunSpec())));
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c.status === 'pass')).toBe(true);
  });
});
