import { describe, expect, it } from 'vitest';
import { ALONE_MAX_SPREAD, checkAloneStability } from '../../../perf/lib/evaluate/validity/alone-stability.ts';
import type { CheckContext } from '../../../perf/lib/evaluate/validity/check-context.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { contextOf } from './check-context-helper.ts';

/** A context holding only what the check reads: the alone arms' per-trial hp P99 and lp iter/s. */
function aloneContext(hpAloneP99Ms: number[], lpAloneIterPerSec: number[]): CheckContext {
  const arms = [
    { arm: 'hp-alone', trials: hpAloneP99Ms.map((p99, trial) => ({ trial, hp: { latencyMs: { p99 } }, lp: null })) },
    { arm: 'lp-alone', trials: lpAloneIterPerSec.map((iterPerSec, trial) => ({ trial, hp: null, lp: { iterPerSec } })) },
  ];
  return { stats: { arms } } as unknown as CheckContext;
}

describe('alone-stability', () => {
  it('passes the alone arms of an undisturbed H200 run (intensive-30s 6117, docs/gpu-results.md section 10)', () => {
    const checks = checkAloneStability(aloneContext([0.516, 0.518, 0.469], [3.9516, 3.9512, 3.9498]));
    expect(checks.map((c) => [c.arm, c.status])).toEqual([['hp-alone', 'pass'], ['lp-alone', 'pass']]);
    expect(checks[0]!.measured.spread).toBe(1.104); // 0.518 / 0.469
  });

  it('fails hp-alone that moved 5.75x within the run (quick under MPS, 8145), naming the two trials', () => {
    const [hp, lp] = checkAloneStability(aloneContext([0.448, 0.45, 0.471, 0.446, 0.498, 2.263, 2.564, 0.77], [310.65, 310.67, 309.31, 310.44, 310.51, 309.41, 311.24, 309.47]));
    expect(hp!.status).toBe('fail');
    expect(hp!.measured).toMatchObject({ spread: 5.749, maxSpread: 2, highestTrial: 6, highest: 2.564, lowestTrial: 3, lowest: 0.446 });
    expect(hp!.message).toMatch(/5\.749x apart \(trial 6 2\.564 against trial 3 0\.446; at most 2x/);
    expect(hp!.message).toContain('the machine changed while the run measured');
    expect(hp!.recommendation).toMatch(/^Run again when the machine is quiet/);
    expect(lp!.status).toBe('pass');
  });

  it('judges lp-alone by its slowest trial: 10% is the bound, 12% fails', () => {
    expect(checkAloneStability(aloneContext([], [300, 330]))[1]!.status).toBe('pass'); // exactly 1.1x
    const [, lp] = checkAloneStability(aloneContext([], [300, 336]));
    expect(lp!.status).toBe('fail');
    expect(lp!.message).toMatch(/trial 0 300 against trial 1 336/);
    expect(ALONE_MAX_SPREAD['lp-alone']).toBe(1.1);
  });

  it('skips an arm with fewer than 2 finite trials (an unbounded P99 is not compared)', () => {
    const [hp, lp] = checkAloneStability(aloneContext([0.5, Infinity], [300]));
    expect([hp!.status, lp!.status]).toEqual(['skip', 'skip']);
  });

  it('passes a healthy synthetic run and says nothing about arms the scenario does not run', () => {
    expect(checkAloneStability(contextOf(buildSyntheticRun(healthyRunSpec()))).every((c) => c.status === 'pass')).toBe(true);
    const spec = healthyRunSpec();
    delete spec.arms['lp-alone'];
    expect(checkAloneStability(contextOf(buildSyntheticRun(spec))).map((c) => c.arm)).toEqual(['hp-alone']);
  });
});
