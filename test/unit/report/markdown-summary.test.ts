import { describe, expect, it } from 'vitest';
import { escapeMarkdownCell as esc } from '../../../perf/lib/output/report/markdown-escape.ts';
import { formatMeasuredRecord } from '../../../perf/lib/output/report/number-format.ts';
import { renderMarkdownSummary } from '../../../perf/lib/output/report/markdown-summary.ts';
import { getSyntheticRuns } from './synthetic-runs-cache.ts';

describe('renderMarkdownSummary', () => {
  it('has one table row per scenario x arm with hp P50/P99, achieved rate and lp iter/s', () => {
    const md = renderMarkdownSummary(getSyntheticRuns());
    const xschedRow = md.split('\n').find((l) => l.startsWith('|  | xsched |') && l.includes('20.00 / 20.00'));
    const [intensive] = getSyntheticRuns();
    const xsched = intensive!.evaluation.arms.find((a) => a.arm === 'xsched')!.merged;
    expect(xschedRow).toBe(`|  | xsched | ${xsched.hp!.latencyMs.p50.toFixed(2)} | ${xsched.hp!.latencyMs.p99.toFixed(2)} | 20.00 / 20.00 | ${xsched.lp!.iterPerSec.toFixed(2)} |`);
    expect(md).toContain('| 🚫 synthetic-dense-hp | hp-alone |');
    expect(md).toContain('|  | stream-priority | – | – | – | – |'); // in the evaluation, no trial ran
    expect(md).toContain('**2 scenario run(s): 1 invalid, 1 fail**');
  });

  it('lists the invalid scenario first, its reasons before anything else', () => {
    const md = renderMarkdownSummary(getSyntheticRuns());
    const invalidAt = md.indexOf('### 🚫 synthetic-dense-hp: INVALID');
    const failAt = md.indexOf('### ❌ synthetic-intensive: FAIL');
    expect(invalidAt).toBeGreaterThan(0);
    expect(failAt).toBeGreaterThan(invalidAt);
    const invalidSection = md.slice(invalidAt, failAt);
    const [, dense] = getSyntheticRuns();
    const firstReason = `- 🚫 ${esc(dense!.evaluation.reasons[0])}`;
    expect(invalidSection).toContain(firstReason);
    expect(invalidSection.indexOf(firstReason)).toBeLessThan(invalidSection.indexOf('| check | measured | what to do |'));
  });

  it('ticks no verdict of an invalid run: they are withheld, and only its failed checks carry the invalid mark', () => {
    const [, dense] = getSyntheticRuns();
    const withWarning = { ...dense!, evaluation: { ...dense!.evaluation, reasons: [...dense!.evaluation.reasons, 'warn: [tail-stalls hp-alone] stalled'] } };
    const md = renderMarkdownSummary([withWarning]);
    const verdictRows = md.split('\n').filter((l) => /^\| (✅|❌|⚠️|⏭️) \| /.test(l));
    expect(verdictRows.length).toBeGreaterThan(0);
    expect(verdictRows.every((l) => l.startsWith('| ⏭️ |'))).toBe(true);
    expect(md).toContain('- warn: \\[tail-stalls hp-alone\\] stalled');
    expect(md).not.toContain('- 🚫 warn:');
  });

  it('says where the workers ran (PERF_CPUS) beside the run id', () => {
    const runs = getSyntheticRuns().map((run) => ({ ...run, record: { ...run.record, scenario: { ...run.record.scenario } } }));
    runs[0]!.record.scenario.cpuPlacement = { cpus: [0, 1, 2, 3], chosenBy: 'auto: test' };
    delete runs[1]!.record.scenario.cpuPlacement;
    const md = renderMarkdownSummary(runs);
    expect(md).toContain(` trials · workers on CPUs 0-3`);
    expect(md).toContain(` trials · workers not pinned`);
  });

  it('shows each verdict with icon, rule, measured and threshold', () => {
    const md = renderMarkdownSummary(getSyntheticRuns());
    const [intensive] = getSyntheticRuns();
    const v = intensive!.evaluation.verdicts.find((x) => x.id === 'lp-throughput-loss')!;
    expect(v.status).toBe('fail');
    expect(md).toContain(`| ❌ | ${esc(v.rule)} | ${esc(formatMeasuredRecord(v.measured))} | ${esc(formatMeasuredRecord(v.threshold))} |`);
  });

  it('says what to do for each failed or inconclusive verdict, below its table', () => {
    const runs = getSyntheticRuns();
    const md = renderMarkdownSummary(runs);
    const [intensive] = runs;
    const failed = intensive!.evaluation.verdicts.find((x) => x.id === 'lp-throughput-loss')!;
    expect(failed.recommendation).toBeTruthy();
    const line = `- ❌ \`lp-throughput-loss\`, what to do: ${esc(failed.recommendation!)}`;
    expect(md).toContain(line);
    expect(md.indexOf(line)).toBeGreaterThan(md.indexOf(`| ❌ | ${esc(failed.rule)} |`));
    // Passed verdicts add nothing.
    for (const v of intensive!.evaluation.verdicts.filter((x) => x.status === 'pass')) expect(md).not.toContain(`\`${esc(v.id)}\`, what to do`);
  });

  it('neutralises pipes, markup and newlines from worker text', () => {
    expect(esc('a|b <img src=x>\nnext *bold*')).toBe('a\\|b &lt;img src=x> next \\*bold\\*');
  });
});
