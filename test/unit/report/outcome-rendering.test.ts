// An untested scenario reads as UNTESTED with its reason in every human-facing report
// (banner, Markdown, terminal), never as a pass. The synthetic failing run is relabelled:
// only the outcome fields matter here.

import { describe, expect, it } from 'vitest';
import { renderStatusBanner } from '../../../perf/lib/output/report/html-banner.ts';
import { renderMarkdownSummary, renderTerminalSummary } from '../../../perf/lib/output/report/index.ts';
import { getSyntheticRuns } from './synthetic-runs-cache.ts';

const REASON = 'required verdict(s) not judged: hp-p99-improvement ([hp-p99-improvement] Not judged: arm xsched was skipped: XSCHED_ROOT is not set.)';

function untestedRun() {
  const [run] = getSyntheticRuns();
  return { ...run!, evaluation: { ...run!.evaluation, status: 'untested' as const, statusReason: REASON } };
}

describe('an untested scenario in the reports', () => {
  it('HTML banner: UNTESTED, "not a pass", and the reason', () => {
    const { record, evaluation } = untestedRun();
    const banner = renderStatusBanner(record, evaluation, null);
    expect(banner).toContain('class="banner banner-untested"');
    expect(banner).toContain('<div class="banner-status">UNTESTED</div>');
    expect(banner).toContain('could not be judged: this is not a pass. Required verdict(s) not judged: hp-p99-improvement');
  });

  it('Markdown and terminal summaries: the outcome word and the reason', () => {
    const run = untestedRun();
    const markdown = renderMarkdownSummary([run]);
    expect(markdown).toContain('1 untested');
    expect(markdown).toMatch(/### 🔲 synthetic-intensive: UNTESTED\n\nrequired verdict\(s\) not judged: hp-p99-improvement/);
    expect(renderTerminalSummary([run], { color: false })).toContain(`UNTESTED synthetic-intensive: ${REASON}`);
  });
});
