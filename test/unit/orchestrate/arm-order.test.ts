import { describe, expect, it } from 'vitest';
import { armOrderForTrial, williamsRow } from '../../../perf/lib/run/orchestrate/arm-order.ts';

const ARMS = ['hp-alone', 'lp-alone', 'baseline', 'xsched'];

describe('armOrderForTrial: counterbalanced, seeded arm order', () => {
  it('Williams rows for 4 arms, hand-checked: 0 1 3 2 / 1 2 0 3 / 2 3 1 0 / 3 0 2 1', () => {
    expect([0, 1, 2, 3].map((r) => williamsRow(4, r))).toEqual([[0, 1, 3, 2], [1, 2, 0, 3], [2, 3, 1, 0], [3, 0, 2, 1]]);
  });

  it('over 4 trials each arm runs once in each position and xsched follows baseline at most once', () => {
    const orders = [0, 1, 2, 3].map((t) => armOrderForTrial(ARMS, t, 1));
    for (let position = 0; position < 4; position++) expect(new Set(orders.map((o) => o[position])).size).toBe(4);
    const xschedAfterBaseline = orders.filter((o) => o.indexOf('xsched') === o.indexOf('baseline') + 1).length;
    expect(xschedAfterBaseline).toBeLessThanOrEqual(1);
  });

  it('3 arms (odd): the 6 rows, mirrored ones included, give each ordered pair once', () => {
    const orders = [0, 1, 2, 3, 4, 5].map((t) => armOrderForTrial(['a', 'b', 'c'], t, 7).join(''));
    const pairs = orders.flatMap((o) => [o.slice(0, 2), o.slice(1, 3)]);
    expect(new Set(pairs).size).toBe(6);
  });

  it('trial 0 runs the arms as listed', () => {
    expect(armOrderForTrial(ARMS, 0, 99)).toEqual(ARMS);
  });

  it('the same seed gives the same order; every order is a permutation of the arms', () => {
    expect(armOrderForTrial(ARMS, 2, 42)).toEqual(armOrderForTrial(ARMS, 2, 42));
    expect([...armOrderForTrial(ARMS, 5, 3)].sort()).toEqual([...ARMS].sort());
  });

  it('rejects a negative trial, quoting it', () => {
    expect(() => armOrderForTrial(ARMS, -1, 1)).toThrow('received -1');
  });
});
