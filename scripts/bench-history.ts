// npm run bench:history: imports 10 000 synthetic runs x 4 arms (test/fixtures/history, made
// up, labelled SYNTHETIC) into a fresh embedded store and builds the trend page, printing each
// step's time against the target (< 10 s in total on a 2-core machine). Not part of npm test.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHistoryStore } from '../perf/lib/store/history/index.ts';
import { writeTrendPage } from '../perf/lib/suite/history-trends.ts';
import { syntheticEntry } from '../test/fixtures/history/synthetic-entries.ts';
import { createSeededRandom } from '../perf/lib/evaluate/stats/random/seeded-random.ts';

const RUNS = 10_000;
const TARGET_MS = 10_000;

function makeEntries() {
  const random = createSeededRandom(2026);
  const jitter = (v: number) => v * (1 + 0.06 * (random.nextOpen01() - 0.5));
  // A step in xsched hp P99 at run 6000, so the trend page has a change point to show.
  return Array.from({ length: RUNS }, (_, index) => {
    const xschedP99 = index >= 6000 ? 1.45 : 1.22;
    const arm = (p99: number, lp: number) => ({ hpP99Ms: [jitter(p99), jitter(p99), jitter(p99)], lpIterPerSec: [jitter(lp), jitter(lp), jitter(lp)] });
    return syntheticEntry({ index, arms: { 'hp-alone': arm(0.7, 0.0001), 'lp-alone': arm(0.7, 315), baseline: arm(2.7, 304), xsched: arm(xschedP99, 286) } });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-history-'));
  try {
    const file = join(dir, 'history.sqlite');
    const t0 = performance.now();
    const entries = makeEntries();
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const store = await openHistoryStore({ backend: 'sqlite', file });
    const recorded = await store.record(entries);
    const t2 = performance.now();
    const out = await writeTrendPage(store, join(dir, 'trend'));
    const t3 = performance.now();
    await store.close();
    const total = t3 - t1;
    const cpu = process.cpuUsage(cpu0);
    const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
    console.log(`generate ${RUNS} synthetic runs x 4 arms (not timed against the target): ${ms(t1 - t0)}`);
    console.log(`import into ${file.replace(dir, '<tmp>')}: ${ms(t2 - t1)} (${recorded.added} runs, ${(statSync(file).size / 1e6).toFixed(1)} MB)`);
    console.log(`trend page: ${ms(t3 - t2)} (query ${ms(out.timingsMs.query)}, change points ${ms(out.timingsMs.analyse)}, render ${ms(out.timingsMs.render)}; ${out.series.length} series, ${(statSync(out.htmlPath).size / 1e6).toFixed(1)} MB html)`);
    console.log(`change points found: ${out.series.reduce((n, s) => n + s.changes.length, 0)}`);
    // CPU time shows how much of the wall time was this process's work on a shared machine.
    console.log(`cpu time of import + trend page: ${ms((cpu.user + cpu.system) / 1000)}`);
    console.log(`total import + trend page: ${ms(total)}; target < ${ms(TARGET_MS)}: ${total < TARGET_MS ? 'met' : 'NOT met'}`);
    process.exitCode = total < TARGET_MS ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
