// npm run bench: times the suite's own hot paths on SYNTHETIC input of real size
// (bench/intensive-run.ts) and prints each with its target. Not part of npm test: the
// numbers depend on the machine; docs/benchmarks.md records them with date and machine.

import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { evaluateRun } from '../perf/lib/evaluate/index.ts';
import { renderHtmlReport } from '../perf/lib/output/report/render-html-report.ts';
import { baselineFromRun } from '../perf/lib/store/baselines/index.ts';
import { loadRunRecord } from '../perf/lib/store/results/load-run.ts';
import { saveRunRecord } from '../perf/lib/store/results/save-run.ts';
import { buildIntensiveRun } from './intensive-run.ts';

const MB = 1024 * 1024;
/** The size of run.json the loading benchmark reads. */
const LARGE_RUN_BYTES = 100 * MB;

interface Target {
  name: string;
  /** null: timed and shown, no target set. */
  targetMs: number | null;
}

/** A run.json of at least LARGE_RUN_BYTES: the intensive run with hp at a higher rate (more requests). */
async function writeLargeRun(dir: string): Promise<{ path: string; bytes: number; hpRateHz: number }> {
  let hpRateHz = 200;
  for (;;) {
    await saveRunRecord(dir, buildIntensiveRun(hpRateHz));
    const path = join(dir, 'run.json');
    const { size } = await stat(path);
    if (size >= LARGE_RUN_BYTES) return { path, bytes: size, hpRateHz };
    hpRateHz = Math.ceil((hpRateHz * LARGE_RUN_BYTES * 1.05) / size);
  }
}

async function main(): Promise<number> {
  const record = buildIntensiveRun();
  const stored = baselineFromRun(record, evaluateRun(record, null), { now: new Date(record.createdAt) });
  const evaluation = evaluateRun(record, stored);
  const dir = await mkdtemp(join(tmpdir(), 'xsched-perf-bench-'));
  try {
    const large = await writeLargeRun(dir);
    const targets: Target[] = [
      { name: `evaluateRun: intensive, ${record.scenario.trials} trials x ${record.scenario.durationMs / 1000} s, 4 arms, with a stored baseline`, targetMs: 1000 },
      { name: 'renderHtmlReport: that run and its evaluation', targetMs: 2000 },
      { name: `loadRunRecord: run.json of ${(large.bytes / MB).toFixed(0)} MB (hp at ${large.hpRateHz} req/s), parsed and validated`, targetMs: null },
    ];
    const bench = new Bench({ iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 });
    bench.add(targets[0]!.name, () => void evaluateRun(record, stored));
    bench.add(targets[1]!.name, () => void renderHtmlReport({ runs: [{ record, evaluation, baseline: stored }], generatedAt: record.createdAt, suiteVersion: 'bench' }));
    bench.add(targets[2]!.name, async () => void (await loadRunRecord(large.path)));
    await bench.run();

    console.log(`xsched-perf benchmarks on ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);
    let missed = 0;
    for (const [index, task] of bench.tasks.entries()) {
      const { targetMs } = targets[index]!;
      const result = task.result;
      if (result.state !== 'completed') {
        console.log(`ERROR ${task.name}: ${result.state === 'errored' ? result.error.message : result.state}`);
        missed += 1;
        continue;
      }
      const { mean, min, max } = result.latency;
      const verdict = targetMs === null ? 'no target' : mean < targetMs ? `pass (< ${targetMs} ms)` : `MISS (target < ${targetMs} ms)`;
      if (targetMs !== null && mean >= targetMs) missed += 1;
      console.log(`${task.name}\n  mean ${mean.toFixed(0)} ms (min ${min.toFixed(0)}, max ${max.toFixed(0)}, ${result.latency.samplesCount} runs): ${verdict}`);
    }
    return missed === 0 ? 0 : 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 2;
  },
);
