import { describe, expect, it } from 'vitest';
import { renderTerminalSummary, shouldUseColor } from '../../../perf/lib/output/report/terminal-summary.ts';
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
    const table = lines.slice(0, lines.indexOf(''));
    const hpRows = table.filter((r) => / (hp-alone|baseline|xsched) /.test(r));
    expect(hpRows).toHaveLength(3 + 3); // both scenarios
    for (const row of hpRows) expect(row[p99End - 1]).toMatch(/\d/);
    expect(text).toContain('INVALID synthetic-dense-hp:');
    const [intensive] = getSyntheticRuns();
    const lpLoss = intensive!.evaluation.verdicts.find((v) => v.id === 'lp-throughput-loss')!;
    expect(lpLoss.recommendation).not.toBeNull();
    expect(text).toContain(`  > lp-throughput-loss: ${lpLoss.recommendation}`);
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
