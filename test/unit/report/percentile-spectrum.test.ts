import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { computePercentileSpectrumMs } from '../../../perf/lib/output/report/percentile-spectrum.ts';

/** 1, 2, ..., 1000 ms recorded in microseconds: percentile p is about p x 10 ms. */
function histogramOfOneToThousandMs(): string {
  const h = build({ numberOfSignificantValueDigits: 3 });
  for (let ms = 1; ms <= 1000; ms++) h.recordValue(ms * 1000);
  return encodeIntoCompressedBase64(h);
}

describe('computePercentileSpectrumMs', () => {
  it('reads latency at log-spaced percentiles, in ms', () => {
    const { count, points } = computePercentileSpectrumMs(histogramOfOneToThousandMs());
    expect(count).toBe(1000);
    const at = (percentile: number) => points.find(([p]) => Math.abs(p - percentile) < 1e-6)?.[1];
    // hdr keeps 3 significant digits: allow 0.2%.
    expect(at(0)).toBeCloseTo(1, 1); // the smallest value
    expect(at(90)! / 900).toBeCloseTo(1, 2); // 90% of 1..1000 ms
    expect(at(99)! / 990).toBeCloseTo(1, 2);
  });

  it('stops where the samples run out: 1000 samples resolve 99.9%, not 99.99%', () => {
    const { points } = computePercentileSpectrumMs(histogramOfOneToThousandMs());
    const last = points[points.length - 1]!;
    expect(last[0]).toBeCloseTo(99.9, 6);
    expect(last[1] / 999).toBeCloseTo(1, 2);
    expect(points.every(([, ms], i) => i === 0 || ms >= points[i - 1]![1])).toBe(true);
  });

  it('returns no points for an empty histogram', () => {
    const empty = encodeIntoCompressedBase64(build());
    expect(computePercentileSpectrumMs(empty)).toEqual({ count: 0, points: [] });
  });

  it('says what it could not decode', () => {
    expect(() => computePercentileSpectrumMs('not-a-histogram')).toThrow(/cannot decode latency histogram "not-a-histogram"/);
  });
});
