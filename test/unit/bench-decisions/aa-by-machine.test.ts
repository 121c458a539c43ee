import { describe, expect, it } from 'vitest';
import { formatAaByMachine, machinesWithFails } from '../../../scripts/bench-decisions/aa-by-machine.ts';
import { type RunSimulator, regressionRates } from '../../../scripts/bench-decisions/regression-sim.ts';

const KEYS = ['xsched.hp-p99', 'xsched.lp-throughput'];

/** A test double: draws cycle over machines a, b, c; b's runs fail hp every other draw, c's fail lp always. */
function cyclingSimulator(): RunSimulator {
  let draw = 0;
  return {
    keys: KEYS,
    simulate: () => {
      const machine = ['GPU-a', 'GPU-b', 'GPU-c'][draw % 3]!;
      const hpFails = machine === 'GPU-b' && Math.floor(draw / 3) % 2 === 0;
      draw++;
      return { statuses: new Map([['xsched.hp-p99', hpFails ? 'fail' : 'pass'], ['xsched.lp-throughput', machine === 'GPU-c' ? 'fail' : 'pass']]), newRunMachine: machine };
    },
  };
}

describe('A/A by the new run\'s machine', () => {
  // 12 draws: a 4 (all pass), b 4 (hp fails in draws 1 and 7: 2 of 4), c 4 (lp fails in all).
  const rates = regressionRates(cyclingSimulator(), null, 12, 'aa-by-machine');

  it('counts each machine\'s draws beside the overall rates', () => {
    expect(rates.allPass).toBeCloseTo(6 / 12);
    expect(rates.byMachine.get('GPU-b')).toEqual({ draws: 4, allPassCount: 2, failCounts: new Map([['xsched.hp-p99', 2], ['xsched.lp-throughput', 0]]) });
  });

  it('names the machines with fails, most failing first', () => {
    const failing = machinesWithFails(rates);
    expect(failing.map((m) => [m.machine, m.allPassShare])).toEqual([['GPU-c', 0], ['GPU-b', 0.5]]);
    expect(failing[1]!.failShare.get('xsched.hp-p99')).toBe(0.5);
  });

  it('prints one line per failing machine and counts the clean ones', () => {
    expect(formatAaByMachine('quick (time-sliced)', rates, (m) => (m === 'GPU-c' ? 2 : 5))).toEqual([
      "quick (time-sliced), A/A by the new run's machine: every draw passed on 1 of the 3 machines drawn; the others:",
      '- GPU-c (2 recorded runs, 33.3% of the draws): every verdict passed 0.0%; failed xsched.lp-throughput 100.0%',
      '- GPU-b (5 recorded runs, 33.3% of the draws): every verdict passed 50.0%; failed xsched.hp-p99 50.0%',
    ]);
  });

  it('says nothing without machines, and so when every draw passed', () => {
    const none: RunSimulator = { keys: KEYS, simulate: () => ({ statuses: new Map(KEYS.map((k) => [k, 'pass'])), newRunMachine: null }) };
    expect(formatAaByMachine('x', regressionRates(none, null, 5, 's'), () => 0)).toEqual([]);
    const clean: RunSimulator = { keys: KEYS, simulate: () => ({ statuses: new Map(KEYS.map((k) => [k, 'pass'])), newRunMachine: 'GPU-a' }) };
    expect(formatAaByMachine('x', regressionRates(clean, null, 5, 's'), () => 1)).toEqual(["x, A/A by the new run's machine: every draw passed on 1 of the 1 machines drawn."]);
  });
});
