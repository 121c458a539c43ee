import { describe, expect, it } from 'vitest';
import { loadPlotRenderers } from '../../../perf/lib/output/report/plot-scripts.ts';
import type { SpectrumPlotData, ThroughputPlotData, TimelinePlotData } from '../../../perf/lib/output/report/plot-data-types.ts';

// The same drawing code report.html runs, evaluated in Node.
const plots = loadPlotRenderers();

describe('plot renderers (client/*.js run in Node)', () => {
  it('spectrum: counts every vertex of every line and escapes labels', () => {
    const data: SpectrumPlotData = {
      title: 'spectrum <test>',
      series: [
        { label: 'baseline', color: '#d1495b', dashed: false, count: 100, points: [[0, 1], [90, 2], [99, 5]] },
        { label: 'stored <b>"x"</b>', color: '#d1495b', dashed: true, count: 100, points: [[0, 1], [99, 4]] },
      ],
    };
    const { svg, points } = plots.renderSpectrum(data);
    expect(points).toBe(5);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('stored &lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it('spectrum: draws each trial point as a mark of its own, inside the y range', () => {
    const data: SpectrumPlotData = {
      title: 't',
      series: [{ label: 'xsched', color: '#1f6fd1', dashed: false, count: 100, points: [[0, 1], [99, 5]],
        trials: [{ trial: 0, points: [[50, 2], [99, 40]] }, { trial: 1, points: [[99, 6]] }] }],
    };
    const { svg, points, trialMarks } = plots.renderSpectrum(data);
    expect(points).toBe(2);
    expect(trialMarks).toBe(3);
    expect(svg.match(/data-series="trial"/g)).toHaveLength(3);
    expect(svg).toContain('xsched trial 0: P99 40 ms');
    // The axis reaches the highest trial point (40 ms), not only the line's 5 ms.
    expect(svg).toMatch(/>40</);
  });

  it('timeline: draws the picked trial and says when it has no data', () => {
    const data: TimelinePlotData = {
      arm: 'xsched', color: '#1f6fd1', maxPointsPerTrial: 5000,
      trials: [{ trial: 1, windowSec: 10, yMaxMs: 8, yMinMs: 0, points: [[0, 3], [0.1, 4], [0.2, 8]], totalRequests: 3, p99Ms: 7.9,
        lp: { iterations: 2, bands: [[0, 4], [4, 9]], rate: null } }],
    };
    const drawn = plots.renderTimeline(data, 1);
    expect(drawn.points).toBe(3);
    expect(drawn.svg).toContain('P99 7.9 ms');
    expect(drawn.svg).toContain('lp iteration 2: 4 s .. 9 s');
    const missing = plots.renderTimeline(data, 0);
    expect(missing.points).toBe(0);
    expect(missing.svg).toContain('no hp requests recorded in trial 1');
  });

  it('throughput: one bar, each trial and each stored trial are counted', () => {
    const data: ThroughputPlotData = {
      title: 'lp',
      bars: [
        { arm: 'baseline', color: '#d1495b', meanIterPerSec: 7.4, trialIterPerSec: [7.3, 7.5], storedIterPerSec: [7.2, 7.3, 7.4] },
        { arm: 'xsched', color: '#1f6fd1', meanIterPerSec: 6, trialIterPerSec: [6], storedIterPerSec: null },
      ],
    };
    expect(plots.renderThroughput(data).points).toBe(1 + 2 + 3 + 1 + 1);
  });

  it('log latency axis draws 1-2-5 ticks per decade', () => {
    const data: SpectrumPlotData = { title: 't', series: [{ label: 'a', color: '#000', dashed: false, count: 10, points: [[0, 2], [90, 400]] }] };
    const { svg } = plots.renderSpectrum(data, { logY: true });
    for (const tick of ['>1<', '>10<', '>100<', '>500<', '>1000<']) expect(svg).toContain(tick);
    expect(svg).toContain('hp latency (ms, log scale)');
  });
});
