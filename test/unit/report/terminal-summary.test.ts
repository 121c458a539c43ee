import { describe, expect, it } from 'vitest';
import { renderTerminalSummary, shouldUseColor } from '../../../perf/lib/report/terminal-summary.ts';
import { getSyntheticRuns } from './synthetic-runs-cache.ts';

const ANSI = /\x1b\[/;

describe('renderTerminalSummary', () => {
  it('writes no escape codes without colour, and aligned columns', () => {
    const text = renderTerminalSummary(getSyntheticRuns(), { color: false });
    expect(text).not.toMatch(ANSI);
    const lines = text.split('\n');
    const header = lines[0]!;
    expect(header).toMatch(/^scenario\s+status\s+arm\s+hp P50 ms\s+hp P99 ms\s+hp req\/s \(target\)\s+lp iter\/s$/);
    // The right edge of the "hp P99 ms" column lines up on every arm row.
    const p99End = header.indexOf('hp P99 ms') + 'hp P99 ms'.length;
    const armRows = lines.slice(1, 8);
    for (const row of armRows.filter((r) => !r.includes('lp-alone'))) expect(row[p99End - 1]).toMatch(/\d/);
    expect(text).toContain('INVALID synthetic-dense-hp:');
    expect(text).toContain('  > lp-throughput-loss: raise XSCHED_AUTO_XQUEUE_THRESHOLD');
  });

  it('colours the status words when asked', () => {
    const text = renderTerminalSummary(getSyntheticRuns(), { color: true });
    expect(text).toContain('\x1b[31mFAIL');
    expect(text).toContain('\x1b[1;35mINVALID');
  });
});

describe('shouldUseColor', () => {
  it('uses colour only on a TTY and never with NO_COLOR', () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
  });
});
