import { describe, expect, it } from 'vitest';
import { decideAgainstThreshold, recommendMoreData } from '../../../perf/lib/evaluate/verdicts/decide.ts';

describe('decideAgainstThreshold', () => {
  it('at-least 0.2: [0.25, 0.4] pass, [0.05, 0.15] fail, [0.1, 0.3] inconclusive, [0.2, 0.3] pass (boundary)', () => {
    expect(decideAgainstThreshold({ low: 0.25, high: 0.4 }, 0.2, 'at-least')).toBe('pass');
    expect(decideAgainstThreshold({ low: 0.05, high: 0.15 }, 0.2, 'at-least')).toBe('fail');
    expect(decideAgainstThreshold({ low: 0.1, high: 0.3 }, 0.2, 'at-least')).toBe('inconclusive');
    expect(decideAgainstThreshold({ low: 0.2, high: 0.3 }, 0.2, 'at-least')).toBe('pass');
  });

  it('at-most 0.1: [0.02, 0.08] pass, [0.12, 0.2] fail, [0.05, 0.15] inconclusive', () => {
    expect(decideAgainstThreshold({ low: 0.02, high: 0.08 }, 0.1, 'at-most')).toBe('pass');
    expect(decideAgainstThreshold({ low: 0.12, high: 0.2 }, 0.1, 'at-most')).toBe('fail');
    expect(decideAgainstThreshold({ low: 0.05, high: 0.15 }, 0.1, 'at-most')).toBe('inconclusive');
  });
});

describe('recommendMoreData', () => {
  it('3 trials, half-width 0.1 at 95% (t2 = 4.303), gap 0.05: the smallest n with t(n-1) s / sqrt(n) < 0.05 is 5', () => {
    // s = 0.1 sqrt(3) / 4.303 = 0.04025; n = 4: 3.182 x 0.04025 / 2 = 0.0641; n = 5: 2.776 x 0.04025 / 2.236 = 0.04997 < 0.05.
    const text = recommendMoreData({ estimate: 0.15, low: 0.05, high: 0.25, threshold: 0.2, trials: 3, confidence: 0.95 });
    expect(text).toContain('Run 5 trials (PERF_TRIALS=5, or "trials": 5 in the config file; now 3)');
    expect(text).toContain('Longer trials are no substitute');
  });

  it('the same interval from a spread with 2 more degrees of freedom (pooled, t4 = 2.776) asks for 8', () => {
    // s = 0.1 sqrt(3) / 2.776 = 0.0624; n = 7: t8 2.306 x 0.0624 / 2.646 = 0.0544; n = 8: t9 2.262 x 0.0624 / 2.828 = 0.0499 < 0.05.
    const text = recommendMoreData({ estimate: 0.15, low: 0.05, high: 0.25, threshold: 0.2, trials: 3, confidence: 0.95, extraDegreesOfFreedom: 2 });
    expect(text).toContain('Run 8 trials (PERF_TRIALS=8, or "trials": 8 in the config file; now 3)');
  });

  it('with the direction, it says which way more trials would decide', () => {
    const base = { low: 0.05, high: 0.25, threshold: 0.2, trials: 3, confidence: 0.95 };
    expect(recommendMoreData({ ...base, estimate: 0.15, direction: 'at-least' })).toContain('excludes the threshold, deciding it as a fail if the estimate stays where it is.');
    expect(recommendMoreData({ ...base, estimate: 0.15, direction: 'at-most' })).toContain('deciding it as a pass');
  });

  it('an estimate on the threshold cannot be decided by more data', () => {
    expect(recommendMoreData({ estimate: 0.2, low: 0.1, high: 0.3, threshold: 0.2, trials: 3, confidence: 0.95 })).toMatch(/sits on the threshold/);
  });

  it('too close for 50 trials: says so instead of naming a count', () => {
    expect(recommendMoreData({ estimate: 0.199, low: 0.0, high: 0.398, threshold: 0.2, trials: 3, confidence: 0.95 })).toMatch(/too close to the threshold for 50 trials/);
  });

  it('one trial: asks for 3 or more trials first', () => {
    expect(recommendMoreData({ estimate: 0.15, low: 0.1, high: 0.2, threshold: 0.2, trials: 1, confidence: 0.95 })).toMatch(/run 3 or more trials \(PERF_TRIALS\)/);
  });
});
