import { describe, expect, it } from 'vitest';
import { formatDurationMs, formatLevel, formatMeasuredRecord, formatMs, formatPercent, formatRate, formatSignedPercent } from '../../../perf/lib/output/report/number-format.ts';

describe('number formatting', () => {
  it('gives small latencies more decimals than large ones', () => {
    expect(formatMs(3.4712)).toBe('3.47');
    expect(formatMs(574.5)).toBe('574.5');
    expect(formatMs(1234.4)).toBe('1234');
    expect(formatMs(null)).toBe('–');
    expect(formatMs(Number.NaN)).toBe('–');
  });

  it('formats rates, signed percentages and durations', () => {
    expect(formatRate(19.981)).toBe('19.98');
    expect(formatRate(231.94)).toBe('231.9');
    expect(formatSignedPercent(-0.209)).toBe('-20.9%');
    expect(formatSignedPercent(0.05)).toBe('+5.0%');
    expect(formatDurationMs(42_400)).toBe('42s');
    expect(formatDurationMs(185_000)).toBe('3m05s');
    expect(formatDurationMs(3_720_000)).toBe('1h02m');
  });

  it('formats unsigned percentages and interval levels', () => {
    expect(formatPercent(0.0834)).toBe('8.3%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(Number.NaN)).toBe('–');
    expect(formatLevel(0.95)).toBe('95%');
    expect(formatLevel(0.999)).toBe('99.9%');
  });

  it('keeps the key order of a measured record and rounds to 4 significant digits', () => {
    expect(formatMeasuredRecord({ p99Ms: 4.20712, requests: 1800, ok: true, note: null })).toBe('p99Ms=4.207, requests=1800, ok=true, note=–');
  });
});
