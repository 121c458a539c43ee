import type { TestAttachment } from 'vitest';
import { describe, expect, it } from 'vitest';
import { annotateEvaluation, describeHeadline } from '../../../perf/lib/output/vitest/annotate-evaluation.ts';
import { collectEvaluationProperties } from '../../../perf/lib/output/vitest/evaluation-properties.ts';
import { getSyntheticRuns } from './synthetic-runs-cache.ts';

/** Records what a spec would hand to Vitest's context.annotate. */
function createFakeContext() {
  const calls: Array<{ message: string; type: string | undefined; attachment: TestAttachment | undefined }> = [];
  return {
    calls,
    annotate: async (message: string, type?: string, attachment?: TestAttachment) => {
      calls.push({ message, type, attachment });
      return { message, type: type ?? 'notice' };
    },
  };
}

describe('annotateEvaluation', () => {
  it('starts with a headline typed by status, then key numbers and verdicts as junit-friendly properties', async () => {
    const [intensive] = getSyntheticRuns();
    const context = createFakeContext();
    await annotateEvaluation(context, intensive!.evaluation, { plot: false });
    const { reasons, statusReason } = intensive!.evaluation;
    expect(reasons.length).toBeGreaterThan(0);
    expect(statusReason).toMatch(/^verdict failed: /);
    expect(context.calls[0]).toEqual({
      message: `synthetic-intensive: FAIL: ${statusReason} (${reasons.length} reason${reasons.length > 1 ? 's' : ''} listed)`,
      type: 'error',
      attachment: undefined,
    });
    // With several reasons the headline counts the rest.
    expect(describeHeadline({ ...intensive!.evaluation, reasons: ['a', 'b', 'c'] })).toBe(`synthetic-intensive: FAIL: ${intensive!.evaluation.statusReason} (3 reasons listed)`);
    const byType = new Map(context.calls.map((c) => [c.type, c.message]));
    const xsched = intensive!.evaluation.arms.find((a) => a.arm === 'xsched')!.merged;
    expect(byType.get('xsched-perf.status')).toBe('fail');
    expect(byType.get('xsched-perf.status_reason')).toBe(statusReason);
    expect(byType.get('xsched-perf.outcome.lp-throughput-loss')).toMatch(/^fail: \[lp-throughput-loss\] /);
    expect(byType.get('xsched-perf.xsched.hp_p99_ms')).toBe(xsched.hp!.latencyMs.p99.toFixed(3));
    expect(byType.get('xsched-perf.xsched.lp_iter_per_sec')).toBe(xsched.lp!.iterPerSec.toFixed(3));
    const lpLoss = intensive!.evaluation.verdicts.find((v) => v.id === 'lp-throughput-loss')!;
    expect(byType.get('xsched-perf.verdict.lp-throughput-loss')).toBe(`fail: ${lpLoss.message}`);
    expect(context.calls.some((c) => c.attachment)).toBe(false);
  });

  it('attaches the HTML report by path and the latency plot as an SVG body', async () => {
    const [intensive] = getSyntheticRuns();
    const context = createFakeContext();
    await annotateEvaluation(context, intensive!.evaluation, { reportPath: 'results/r1/report.html', baseline: intensive!.baseline });
    const report = context.calls.find((c) => c.type === 'xsched-perf.report')!;
    expect(report.attachment).toEqual({ path: 'results/r1/report.html', contentType: 'text/html' });
    const plot = context.calls.find((c) => c.type === 'xsched-perf.plot')!;
    expect(plot.attachment?.contentType).toBe('image/svg+xml');
    const svg = Buffer.from(plot.attachment!.body as Uint8Array).toString('utf8');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('xsched, stored baseline');
  });

  it('adds the headline right after the status line, and names the report by its project-relative path', async () => {
    const [intensive] = getSyntheticRuns();
    const context = createFakeContext();
    const root = '/some/checkout';
    await annotateEvaluation(context, intensive!.evaluation, {
      plot: false, record: intensive!.record, baseline: intensive!.baseline, reportPath: `${root}/results/r1/report.html`, projectRoot: root,
    });
    expect(context.calls[1]!.type).toBe('xsched-perf.headline');
    expect(context.calls[1]!.message).toMatch(/^synthetic-intensive: effect: hp P99 \(trials pooled\) .* ms \(xsched\) vs .*; lp cost: .*; hp alone: .*; stored baseline: run /);
    expect(context.calls.find((c) => c.type === 'xsched-perf.report')!.message).toBe('HTML report: results/r1/report.html');
  });

  it('lists failing checks of an invalid run as properties and types the headline as an error', async () => {
    const [, dense] = getSyntheticRuns();
    const properties = collectEvaluationProperties(dense!.evaluation);
    const crashed = dense!.evaluation.checks.find((c) => c.id === 'workers-ok' && c.status === 'fail')!;
    expect(crashed.message).toContain('hipErrorIllegalAddress');
    expect(properties).toContainEqual({ type: 'xsched-perf.check.workers-ok', message: `fail: ${crashed.message}` });
    const context = createFakeContext();
    await annotateEvaluation(context, dense!.evaluation, { plot: false });
    expect(context.calls[0]!.type).toBe('error');
  });

  it('says what it needs when given something that is not a test context', async () => {
    const [intensive] = getSyntheticRuns();
    await expect(annotateEvaluation({} as never, intensive!.evaluation)).rejects.toThrow(/expected the Vitest test context .* with context\.annotate/);
  });
});

describe('annotateEvaluation inside a real Vitest test', () => {
  it('is accepted by context.annotate', async (context) => {
    const [intensive] = getSyntheticRuns();
    await annotateEvaluation(context, intensive!.evaluation, { plot: false });
    expect(context.task.annotations.map((a) => a.type)).toContain('xsched-perf.xsched.hp_p99_ms');
    // The json reporter writes task.meta: the annotations are there too, in the same order.
    const meta = (context.task.meta as Record<string, Array<{ type: string; message: string }>>)['xsched-perf']!;
    expect(meta.map((a) => a.type)).toEqual(context.task.annotations.map((a) => a.type));
  });
});
