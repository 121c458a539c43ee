import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildJsonReport, parseJsonReport, writeJsonReport } from '../../../perf/lib/output/report/json-report.ts';
import { getSyntheticRuns } from './synthetic-runs-cache.ts';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

describe('report.json', () => {
  it('is versioned and carries the worst status first', () => {
    const report = buildJsonReport({ runs: getSyntheticRuns(), generatedAt: '2025-01-15T11:30:00.000Z', suiteVersion: '0.1.0' });
    expect(report.schema).toBe('xsched-perf.report');
    expect(report.schemaVersion).toBe(2);
    expect(report.status).toBe('invalid');
    expect(report.runs.map((r) => [r.scenario, r.status])).toEqual([['synthetic-intensive', 'fail'], ['synthetic-dense-hp', 'invalid']]);
    expect(report.runs.map((r) => r.statusReason)).toEqual(report.runs.map((r) => r.evaluation.statusReason));
    // Nothing ran, so nothing was tested: never a pass.
    expect(buildJsonReport({ runs: [], generatedAt: 'g', suiteVersion: 'v' }).status).toBe('untested');
  });

  it('is written atomically (no temp file left) and reads back equal', async () => {
    dir = await mkdtemp(join(tmpdir(), 'report-json-'));
    const path = join(dir, 'nested', 'report.json');
    const written = await writeJsonReport(path, { runs: getSyntheticRuns(), generatedAt: 'g', suiteVersion: 'v' });
    expect(await readdir(join(dir, 'nested'))).toEqual(['report.json']);
    const parsed = parseJsonReport(JSON.parse(await readFile(path, 'utf8')), path);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(written)));
  });

  it('refuses another schema with a message that names it', () => {
    expect(() => parseJsonReport({ schema: 'xsched-perf.run', schemaVersion: 1 }, 'x.json')).toThrow(/x\.json: not a xsched-perf\.report v2 file \(schema "xsched-perf\.run"/);
  });
});
