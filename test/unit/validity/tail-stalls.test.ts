// Per-trial P90 and P99 (ms) of recorded H200 runs, as the suite's statistics computed them
// (docs/gpu-results.md section 11): the check reads nothing else.

import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../perf/lib/evaluate/validity/check-context.ts';
import { STALL_TAIL_RATIO, checkTailStalls } from '../../../perf/lib/evaluate/validity/tail-stalls.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { contextOf } from './check-context-helper.ts';

type Tails = Array<[p90: number, p99: number]>;

function tailContext(arms: Record<string, Tails>): CheckContext {
  return {
    stats: { arms: Object.entries(arms).map(([arm, tails]) => ({ arm, trials: tails.map(([p90, p99], trial) => ({ trial, hp: { latencyMs: { p90, p99 } }, lp: null })) })) },
  } as unknown as CheckContext;
}

describe('tail-stalls', () => {
  it('warns about the xsched trials whose P99 jumped while P90 stayed (quick time-sliced, run cd93), and passes the interleaved baseline arm', () => {
    const [baseline, xsched] = checkTailStalls(tailContext({
      baseline: [[2.3795, 2.6425], [2.3148, 2.608], [2.3317, 2.6103], [2.3424, 2.6149], [2.3365, 2.6394], [2.3135, 2.5885]],
      xsched: [[1.0019, 1.257], [1.0762, 1.3158], [1.1309, 2.4755], [1.107, 2.2482], [1.1259, 1.5224], [1.1946, 2.7591]],
    }));
    expect(baseline!.status).toBe('pass');
    expect(xsched!.status).toBe('warn');
    // P99/P90: 1.255, 1.223 (trial 1, the calmest), 2.189, 2.031, 1.352, 2.310; over 1.5 x 1.223 = 1.834: trials 2, 3 and 5.
    expect(xsched!.measured).toEqual({ stalledCount: 3, stalledTrials: '2,3,5', calmTrial: 1, calmP99OverP90: 1.223 });
    expect(xsched!.message).toMatch(/^xsched: the hp tail stalled in 3 of 6 trials \(trial 2 P99 2\.476 ms at P90 1\.131 ms, trial 3 P99 2\.248 ms at P90 1\.107 ms, trial 5 P99 2\.759 ms at P90 1\.195 ms; trial 1: P99 1\.316 at P90 1\.076 ms\)/);
    expect(xsched!.recommendation).toMatch(/if only the xsched arm stalls and the interleaved baseline trials do not, XSched is entering a slower mode/);
  });

  it('passes an arm whose trials all have the same tail shape (quick time-sliced, run 861e) and hp alone under MPS (run bc74)', () => {
    const checks = checkTailStalls(tailContext({
      xsched: [[1.0651, 1.346], [1.0478, 1.2479], [1.0251, 1.2506], [0.9657, 1.263], [0.8636, 1.1391], [0.9348, 1.1768]],
      'hp-alone': [[0.4334, 0.4627], [0.4338, 0.4551], [0.4459, 0.463], [0.436, 0.4481], [0.427, 0.5901], [0.436, 0.4851], [0.4401, 0.5947], [0.4394, 0.4897]],
    }));
    expect(checks.map((c) => [c.arm, c.status])).toEqual([['xsched', 'pass'], ['hp-alone', 'pass']]);
    expect(checks[0]!.message).toBe(`xsched: every trial's P99/P90 within ${STALL_TAIL_RATIO}x of trial 1's 1.191.`);
  });

  it('under MPS names the stalled trials of both shared arms (run bc74)', () => {
    const [baseline, xsched] = checkTailStalls(tailContext({
      baseline: [[0.7279, 0.7713], [0.75, 2.5344], [0.7325, 2.3736], [0.7279, 0.7756], [0.7243, 0.7611], [0.7245, 0.7876], [0.7302, 0.7773], [0.7316, 0.7602]],
      xsched: [[0.7258, 2.9852], [0.7993, 2.6829], [0.662, 0.7774], [0.6906, 0.8705], [0.7179, 0.8671], [0.7202, 1.0313], [0.7099, 0.9364], [0.7111, 0.9504]],
    }));
    expect(baseline!.measured.stalledTrials).toBe('1,2');
    expect(xsched!.measured.stalledTrials).toBe('0,1');
  });

  it('needs the P99 itself to move: a wide tail shape at a P99 within 1.3x of the lowest is not a stall', () => {
    // P99/P90 2.0 against 1.0, but P99 1.2 against 1.0: the P90 fell, the tail did not grow.
    expect(checkTailStalls(tailContext({ baseline: [[1.0, 1.0], [0.6, 1.2]] }))[0]!.status).toBe('pass');
    expect(checkTailStalls(tailContext({ baseline: [[1.0, 1.0], [0.6, 1.31]] }))[0]!.status).toBe('warn');
  });

  it('skips an arm with one trial, and passes a healthy synthetic run', () => {
    expect(checkTailStalls(tailContext({ xsched: [[1, 1.2]] }))[0]!.status).toBe('skip');
    const checks = checkTailStalls(contextOf(buildSyntheticRun(healthyRunSpec())));
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c.status === 'pass')).toBe(true);
  });
});
