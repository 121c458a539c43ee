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
  it('half-width 0.1, gap 0.05 -> 4x the data: 3 trials -> 12 (9 more), 60 s -> 240 s', () => {
    const text = recommendMoreData({ estimate: 0.15, low: 0.05, high: 0.25, threshold: 0.2, trials: 3, durationMs: 60_000 });
    expect(text).toContain('Run about 9 more trial(s) (trials 3 -> 12)');
    expect(text).toContain('durationMs 60000 -> about 240000');
  });

  it('an estimate on the threshold cannot be decided by more data', () => {
    expect(recommendMoreData({ estimate: 0.2, low: 0.1, high: 0.3, threshold: 0.2, trials: 3, durationMs: 60_000 })).toMatch(/sits on the threshold/);
  });

  it('over 25x the data: says the effect is too close to resolve', () => {
    expect(recommendMoreData({ estimate: 0.19, low: 0.0, high: 0.38, threshold: 0.2, trials: 3, durationMs: 60_000 })).toMatch(/too close .*\(about 361x the data/);
  });
});
