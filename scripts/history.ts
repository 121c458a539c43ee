// npm run perf:history -- import <run dirs, results folders, baseline files or folders...>
// npm run perf:history -- trend [--branch NAME] [--out DIR]
// The store: PERF_HISTORY_URL (sqlite:<file> or postgres://...), else results/history.sqlite.
// trend writes <out>/history.html and history.md (default results/history/) and prints the
// Markdown; with GITHUB_STEP_SUMMARY set it appends it there too (docs/history.md).

import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from '../perf/lib/plan/config/load-settings.ts';
import { collectHistoryEntries, historyTargetOrDefault, openHistoryStore, type HistoryFilter } from '../perf/lib/store/history/index.ts';
import { writeTrendPage } from '../perf/lib/suite/history-trends.ts';

const USAGE = 'usage: npm run perf:history -- import <paths...> | trend [--branch NAME] [--out DIR]';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { branch: { type: 'string' }, out: { type: 'string' } },
  });
  const [command, ...paths] = positionals;
  const settings = loadSettings();
  const store = await openHistoryStore(historyTargetOrDefault(process.env, settings.resultsDir));
  try {
    if (command === 'import') {
      if (paths.length === 0) throw new Error(`import needs at least one path. ${USAGE}`);
      const { entries, skipped } = await collectHistoryEntries(paths);
      const result = await store.record(entries);
      for (const line of skipped) console.log(`skipped ${line}`);
      console.log(`history: ${result.added} runs added, ${result.alreadyThere} already there, in ${store.location}`);
      return 0;
    }
    if (command === 'trend') {
      const filter: HistoryFilter = values.branch ? { branch: values.branch } : {};
      const out = await writeTrendPage(store, values.out ?? join(settings.resultsDir, 'history'), filter);
      console.log(out.markdown);
      console.log(`trend page: ${out.htmlPath} (${out.runs} runs, ${out.series.length} series)`);
      if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, out.markdown);
      return 0;
    }
    throw new Error(`unknown command ${JSON.stringify(command ?? '')}. ${USAGE}`);
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
