import { describe, expect, it } from 'vitest';
import { evaluateRun } from '../../../perf/lib/evaluate/index.ts';
import { escapeHtml } from '../../../perf/lib/output/report/html-escape.ts';
import { renderHtmlReport } from '../../../perf/lib/output/report/render-html-report.ts';
import { SYNTHETIC_GENERATED_AT } from '../../fixtures/synthetic-run/build-synthetic-runs.ts';
import { getSyntheticRuns } from './synthetic-runs-cache.ts';

function render(): string {
  return renderHtmlReport({ runs: getSyntheticRuns(), generatedAt: SYNTHETIC_GENERATED_AT, suiteVersion: '0.1.0' });
}

describe('renderHtmlReport', () => {
  it('renders a recorded run byte for byte the same twice (replay gives the same report)', () => {
    const first = render();
    const second = renderHtmlReport({ runs: structuredClone(getSyntheticRuns()), generatedAt: SYNTHETIC_GENERATED_AT, suiteVersion: '0.1.0' });
    expect(second).toBe(first);
    expect(first).toContain(`generated ${SYNTHETIC_GENERATED_AT}`);
  });

  it('replaying the saved records (JSON round trip, evaluated again) gives the same report', () => {
    const replayed = getSyntheticRuns().map(({ record, baseline }) => {
      const saved = JSON.parse(JSON.stringify(record)) as typeof record;
      const storedBaseline = baseline ? (JSON.parse(JSON.stringify(baseline)) as typeof baseline) : null;
      return { record: saved, evaluation: evaluateRun(saved, storedBaseline), baseline: storedBaseline };
    });
    expect(renderHtmlReport({ runs: replayed, generatedAt: SYNTHETIC_GENERATED_AT, suiteVersion: '0.1.0' })).toBe(render());
  });

  it('is self-contained: no external scripts, stylesheets or fetches', () => {
    const html = render();
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('escapes worker text: the crashed worker log lines appear as text only', () => {
    const html = render();
    expect(html).not.toContain('<script>window.__xss');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;window.__xss = 1; alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(html).toContain('hipErrorIllegalAddress in &lt;conv2d kernel=&quot;x&quot;&gt; &amp; &quot;friends&quot;');
    // Exactly one executable <script> element (the plot code) plus the JSON data elements.
    const scripts = html.match(/<script(?: [^>]*)?>/g) ?? [];
    expect(scripts.filter((s) => !s.includes('application/json'))).toEqual(['<script>']);
  });

  it('gives every plot a data-plot kind and JSON data that parses back', () => {
    const html = render();
    const plots = [...html.matchAll(/data-plot="([a-z]+)" data-source="([^"]+)"/g)];
    // intensive: ratio, spectrum, throughput, 3 timelines; dense: the same.
    expect(plots.map((m) => m[1])).toEqual([
      'ratio', 'spectrum', 'throughput', 'timeline', 'timeline', 'timeline',
      'ratio', 'spectrum', 'throughput', 'timeline', 'timeline', 'timeline',
    ]);
    for (const [, , source] of plots) {
      const match = html.match(new RegExp(`<script type="application/json" id="${source}">([^<]*)</script>`));
      expect(match, `data element ${source}`).not.toBeNull();
      expect(() => JSON.parse(match![1]!)).not.toThrow();
    }
  });

  it('shows each status banner, invalid distinct from fail', () => {
    const html = render();
    expect(html).toContain('<header class="banner banner-fail">');
    expect(html).toContain('<header class="banner banner-invalid">');
    expect(html).toContain('INVALID<small>not a result</small>');
    const [, dense] = getSyntheticRuns();
    for (const reason of dense!.evaluation.reasons) expect(html).toContain(`<li>${escapeHtml(reason)}</li>`);
  });

  it('refuses a record paired with another run\'s evaluation', () => {
    const [intensive, dense] = getSyntheticRuns();
    expect(() =>
      renderHtmlReport({ runs: [{ record: intensive!.record, evaluation: dense!.evaluation, baseline: null }], generatedAt: 'x', suiteVersion: 'y' }),
    ).toThrow(/pairs record synthetic-20250115-intensive\/synthetic-intensive with evaluation synthetic-20250115-dense-hp\/synthetic-dense-hp/);
  });

  it('refuses a missing generatedAt instead of using the clock', () => {
    expect(() => renderHtmlReport({ runs: [], generatedAt: '', suiteVersion: 'y' })).toThrow(/generatedAt must be a non-empty string/);
  });
});
