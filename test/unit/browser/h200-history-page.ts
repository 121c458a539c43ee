// The recorded H200 runs (examples/ and the runs behind baselines/) imported as a history,
// the trend page built from it, and the page opened in headless Chromium
// (pages-in-chromium.test.ts): every series must be drawn with its runs.

import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectHistoryEntries, openHistoryStore } from '../../../perf/lib/store/history/index.ts';
import { writeTrendPage } from '../../../perf/lib/suite/history-trends.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';
import type { OpenPage } from './open-page.ts';

const REPO = new URL('../../../', import.meta.url).pathname;
const ARTIFACTS = new URL('../../../test-artifacts/history-browser/', import.meta.url).pathname;

/**
 * One entry per recorded run: the example's run, and each committed baseline's runs (a baseline of
 * one run has no `runs` list). Counted from the files themselves, so that a baseline growing by
 * `--append` changes the expectation with it.
 */
async function committedRunCount(): Promise<number> {
  let runs = 1;
  for (const scenario of await readdir(join(REPO, 'baselines'), { withFileTypes: true })) {
    if (!scenario.isDirectory()) continue;
    for (const file of await readdir(join(REPO, 'baselines', scenario.name))) {
      if (!file.endsWith('.json')) continue;
      const baseline = JSON.parse(await readFile(join(REPO, 'baselines', scenario.name, file), 'utf8')) as { runs?: unknown[] };
      runs += baseline.runs?.length ?? 1;
    }
  }
  return runs;
}

async function importH200History() {
  const store = await openHistoryStore({ backend: 'sqlite', file: join(makeTempDir('history-h200-'), 'history.sqlite') });
  // examples/ (the intensive-mps run with its verdicts) and the committed baselines, one entry per run.
  const { entries, skipped } = await collectHistoryEntries([join(REPO, 'examples'), join(REPO, 'baselines')]);
  const recorded = await store.record(entries);
  return { store, recorded, skipped };
}

export function describeH200HistoryPage(openPage: OpenPage): void {
  describe('the H200 runs as the first history', () => {
    it('imports examples/ and baselines/ once each run, and re-importing adds nothing', async () => {
      const { store, recorded, skipped } = await importH200History();
      expect(skipped).toEqual([]);
      const runs = await committedRunCount();
      expect(runs).toBeGreaterThan(60); // 68 on 2026-12-02: the example, 45 + 18 quick runs, four one-run baselines
      expect(recorded).toEqual({ added: runs, alreadyThere: 0 });
      const again = await collectHistoryEntries([join(REPO, 'examples'), join(REPO, 'baselines')]);
      expect(await store.record(again.entries)).toEqual({ added: 0, alreadyThere: runs });
      const stored = await store.query();
      expect(stored.every((e) => e.run.key.gpuName === 'NVIDIA H200' && e.run.accepted)).toBe(true);
      expect(stored.find((e) => e.run.origin === 'run.json')?.points.map((p) => p.metric)).toContain('hpP99ImprovementFraction');
      await store.close();
    });

    it('renders a trend page whose every plot Chromium draws with its runs', { timeout: 120_000 }, async (context) => {
      const { store } = await importH200History();
      await mkdir(ARTIFACTS, { recursive: true });
      const out = await writeTrendPage(store, ARTIFACTS, {}, new Date('2026-11-29T00:00:00Z'));
      await store.close();
      expect(out.series.length).toBeGreaterThan(0);
      const dom = await openPage({ htmlPath: out.htmlPath, widthPx: 1000, heightPx: 2400, screenshotPath: join(ARTIFACTS, 'history.png') }, context.skip);
      const plots = dom.match(/<svg class="trend-plot"[\s\S]*?<\/svg>/g) ?? [];
      expect(plots.length).toBe(out.series.length);
      plots.forEach((svg, i) => {
        const line = /<polyline class="series"[^>]* points="([^"]*)"/.exec(svg)?.[1] ?? '';
        expect(line.trim().split(/\s+/).length, `plot ${i}`).toBe(out.series[i]!.points.length);
        expect((svg.match(/<circle class="run"/g) ?? []).length, `plot ${i}`).toBe(out.series[i]!.points.length);
      });
    });
  });
}
