import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadReportRuns } from '../../../perf/lib/output/report/load-report-runs.ts';
import { writeReports } from '../../../perf/lib/output/report/write-reports.ts';
import { SYNTHETIC_GENERATED_AT } from '../../fixtures/synthetic-run/build-synthetic-runs.ts';
import { getSyntheticRuns } from './synthetic-runs-cache.ts';
import { runScriptInProcess } from '../../fixtures/run-script.ts';
import { script } from '../../../scripts/merge-summaries.ts';
let root: string | null = null;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = null;
});

/** Two shards, one scenario run each, laid out as results/<runId>/{record.json, report.*}. */
async function writeShards(): Promise<[string, string]> {
  root = await mkdtemp(join(tmpdir(), 'merge-summaries-'));
  const shards: string[] = [];
  for (const [i, run] of getSyntheticRuns().entries()) {
    const shard = join(root, `shard-${i + 1}`);
    const runDir = join(shard, run.record.runId);
    await mkdir(runDir, { recursive: true });
    await writeFile(join(runDir, 'record.json'), JSON.stringify(run.record));
    await writeReports(runDir, { runs: [run], generatedAt: SYNTHETIC_GENERATED_AT, suiteVersion: '0.1.0' });
    shards.push(shard);
  }
  return shards as [string, string];
}

describe('merging results directories', () => {
  it('finds runs by schema and pairs each record with its evaluation and baseline', async () => {
    const shards = await writeShards();
    const loaded = await loadReportRuns(shards);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.runs.map((r) => r.record.runId)).toEqual(['synthetic-20250115-dense-hp', 'synthetic-20250115-intensive']);
    expect(loaded.runs.find((r) => r.record.runId === 'synthetic-20250115-intensive')!.baseline?.runId).toBe('synthetic-20250101-intensive');
    expect(loaded.generatedAt).toBe(SYNTHETIC_GENERATED_AT);
  });

  it('leaves out an evaluation.json of schemaVersion 1 (before "untested") with the reason', async () => {
    root = await mkdtemp(join(tmpdir(), 'old-evaluation-'));
    const dir = join(root, 'run');
    const [run] = getSyntheticRuns();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'run.json'), JSON.stringify(run!.record));
    await writeFile(join(dir, 'evaluation.json'), JSON.stringify({ ...run!.evaluation, schemaVersion: 1 }));
    const loaded = await loadReportRuns([dir]);
    expect(loaded.runs).toEqual([]);
    expect(loaded.warnings[0]).toMatch(/evaluation\.json: field "schemaVersion": schemaVersion 1 is older than this suite's 2: re-create it with npm run perf:replay; left out/);
  });

  it('checks a run.json against its schema: a damaged one is left out with file, field and problem', async () => {
    root = await mkdtemp(join(tmpdir(), 'bad-record-'));
    const [run] = getSyntheticRuns();
    await writeFile(join(root, 'run.json'), JSON.stringify({ ...run!.record, trials: 'three' }));
    await writeFile(join(root, 'evaluation.json'), JSON.stringify(run!.evaluation));
    const loaded = await loadReportRuns([root]);
    expect(loaded.runs).toEqual([]);
    expect(loaded.warnings[0]).toMatch(/run\.json: field "trials": .*; left out$/);
    expect(loaded.warnings[1]).toMatch(/evaluation found but no RunRecord/);
  });

  it('names the file that is not JSON (shared reader, documents/fs/read-json-file.ts)', async () => {
    root = await mkdtemp(join(tmpdir(), 'cut-off-'));
    await writeFile(join(root, 'run.json'), '{"schema": "xsched-perf.run", "runId"');
    await expect(loadReportRuns([root])).rejects.toMatchObject({ name: 'JsonFileError', file: join(root, 'run.json'), field: null, message: expect.stringMatching(/run\.json: not valid JSON \(/) });
  });

  it('warns about an evaluation whose record is missing instead of inventing one', async () => {
    const [first] = await writeShards();
    await rm(join(first, 'synthetic-20250115-intensive', 'record.json'));
    const loaded = await loadReportRuns([first]);
    expect(loaded.runs).toEqual([]);
    expect(loaded.warnings[0]).toMatch(/synthetic-20250115-intensive .*evaluation found but no RunRecord/);
  });

  it('the script writes one summary.md, report.html and report.json for all shards', async () => {
    const shards = await writeShards();
    const out = join(root!, 'merged');
    const result = await runScriptInProcess(script, ['--out', out, ...shards]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('**2 scenario run(s): 1 invalid, 1 fail**');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html.match(/<section class="scenario"/g)).toHaveLength(2);
    const json = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { status: string; runs: unknown[] };
    expect([json.status, json.runs.length]).toEqual(['invalid', 2]);
  });

  it('the script exits 2 with the usage on a bad command line', async () => {
    const result = await runScriptInProcess(script, []);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/need --out and at least one results directory[\s\S]*usage: merge-summaries --out <dir>/);
  });
});
