import { describe, expect, it } from 'vitest';
import { judgeBudgets } from '../../../perf/lib/evaluate/sweeps/budget-verdicts.ts';
import type { SweepEvaluation } from '../../../perf/lib/evaluate/sweeps/evaluate-sweep.ts';
import { computeFrontier } from '../../../perf/lib/evaluate/sweeps/frontier.ts';
import { decideSweepStatus } from '../../../perf/lib/evaluate/sweeps/sweep-status.ts';
import { renderFrontierSvg } from '../../../perf/lib/output/report/sweep-frontier-svg.ts';
import { renderSweepReport } from '../../../perf/lib/output/report/render-sweep-report.ts';
import { renderSweepMarkdown } from '../../../perf/lib/output/report/sweep-tables.ts';
import type { SweepPoint } from '../../../perf/lib/documents/types/sweep.ts';
import { point } from './sweep-points.ts';

function evaluationOf(points: SweepPoint[]): SweepEvaluation {
  const verdicts = judgeBudgets(points, [{ lpLossBudget: 0.1, maxRatio: 1.2 }]);
  return {
    points, frontier: computeFrontier(points), verdicts, decision: decideSweepStatus(verdicts),
    hpAloneP99Ms: { estimate: 0.5, low: 0.45, high: 0.54 },
    notRun: [{ id: 'mps lp-percent=70', reason: 'arm mps-lp70 is not in this checkout' }],
  };
}

const xs1 = point('xsched lp-threshold=1', 'xsched-lp-threshold', [7, 7.6, 8.2], [0.04, 0.047, 0.055]);
const xs8 = point('xsched lp-threshold=8', 'xsched-lp-threshold', [30, 32, 34], [0.06, 0.07, 0.08]);
const mps90 = point('mps lp-percent=90', 'mps-lp-percent', [1.6, 1.75, 1.9], [0.1, 0.109, 0.12]);

describe('sweep frontier plot', () => {
  it('one marker per counted point, hollow when dominated, the frontier line and the hp-alone floor', () => {
    const svg = renderFrontierSvg(evaluationOf([xs1, xs8, mps90]))!;
    expect(svg.match(/<circle cx="[\d.]+" cy="[\d.]+" r="4.5"/g)).toHaveLength(3);
    expect(svg).toContain('fill="white" stroke="#1f6fd1"'); // xs8, dominated by xs1
    expect(svg).toContain('<polyline');
    expect(svg).toContain('hp alone (floor)');
  });

  it('hp P99 is on a log axis: equal ratios are equal distances', () => {
    const a = point('xsched lp-threshold=1', 'xsched-lp-threshold', [1, 1, 1], [0, 0, 0]);
    const b = point('xsched lp-threshold=2', 'xsched-lp-threshold', [10, 10, 10], [0.05, 0.05, 0.05]);
    const c = point('mps lp-percent=90', 'mps-lp-percent', [100, 100, 100], [0.1, 0.1, 0.1]);
    const svg = renderFrontierSvg({ ...evaluationOf([a, b, c]), hpAloneP99Ms: null })!;
    const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)" r="4.5"/g)].map((m) => Number(m[1]));
    expect(ys[0]! - ys[1]!).toBeCloseTo(ys[1]! - ys[2]!, 0);
  });

  it('nothing to draw without a counted point', () => {
    expect(renderFrontierSvg(evaluationOf([{ ...xs1, proof: { status: 'unproven', reason: 'x' } }]))).toBeNull();
  });
});

describe('sweep tables', () => {
  it('the job summary names the outcome, each point with its intervals and standing, and what did not run', () => {
    const md = renderSweepMarkdown('intensive-mps sweep', evaluationOf([xs1, xs8, mps90]));
    // mps 90% may be within 10% (its loss interval starts at 10.0%): undecided, not a pass.
    expect(md).toContain('### intensive-mps sweep: INCONCLUSIVE');
    expect(md).toContain('| xsched lp-threshold=1 | 7.60 \\[7.00, 8.20\\] | 4.7% \\[4.0%, 5.5%\\] | 1 | on the frontier |');
    expect(md).toContain('dominated by xsched lp-threshold=1');
    expect(md).toContain('| hp alone (floor) | 0.50 \\[0.45, 0.54\\]');
    expect(md).toContain('not run: arm mps-lp70 is not in this checkout');
  });

  it('report.html carries the plot and escapes text', () => {
    const html = renderSweepReport('a <sweep>', evaluationOf([xs1, mps90]), ['note & more']);
    expect(html).toContain('<svg');
    expect(html).toContain('a &lt;sweep&gt;');
    expect(html).toContain('note &amp; more');
  });
});
