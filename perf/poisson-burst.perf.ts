// A scenario outside the catalogue, declared here (docs/scenarios.md): hp requests arrive in
// Poisson bursts at 200 req/s against a mid-size lp batch. Run it with
// PERF_SCENARIOS=poisson-burst npx vitest run perf; CI runs it with the fake worker
// (test/unit/suite/specs-end-to-end.test.ts).
import { expect } from 'vitest';
import { builtInThresholds, definePerfScenario } from './lib/suite/define-perf-scenario.ts';

await definePerfScenario(
  {
    name: 'poisson-burst',
    description: 'hp ResNet-18 b1, Poisson arrivals at 200 req/s, against lp ResNet-50 b32 back to back, 10 s',
    models: { hp: 'resnet18', lp: 'resnet50' },
    batch: { hp: 1, lp: 32 },
    rates: { hpHz: 200 },
    arrival: 'poisson',
    durationMs: 10_000,
    budgetMs: 90_000, // 3 arms x 10 s: 3 trials
    sharing: 'auto',
    arms: ['hp-alone', 'baseline', 'xsched'],
    requiredVerdicts: ['hp-achieved-rate', 'hp-p99-improvement'],
    thresholds: {
      ...builtInThresholds('quick'),
      hpP99ImprovementMinFraction: { value: 0.2, why: 'bursts queue hp behind lp kernels natively; XSched must cut that tail by a fifth' },
    },
  },
  ({ rule }) => {
    rule('hp keeps its bursty rate under XSched', (run) => expect(run).toMeetHpRate());
    rule('XSched cuts the hp P99 of bursts by at least 20%', (run) => expect(run).toImproveHpP99By(0.2));
  },
);
