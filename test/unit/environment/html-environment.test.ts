import { describe, expect, it } from 'vitest';
import { evaluateRun } from '../../../perf/lib/evaluate/index.ts';
import { renderEnvironmentTable } from '../../../perf/lib/output/report/html-environment.ts';
import { renderHtmlReport } from '../../../perf/lib/output/report/render-html-report.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { runWithEnvironment } from './environment-run.ts';

describe('environment table of the HTML report', () => {
  it('shows the GPU state and foreign processes per arm-trial, with the checks\' status', () => {
    const record = runWithEnvironment({ baseline: { apps: 'compute-apps-foreign.nvidia-smi.csv', gpu: 'query-gpu-throttled.nvidia-smi.csv' } });
    const evaluation = evaluateRun(record, null);
    const html = renderHtmlReport({ runs: [{ record, evaluation, baseline: null }], generatedAt: '2026-11-29T00:00:00Z', suiteVersion: 'test' });
    expect(html).toContain('<h3>Environment per arm-trial</h3>');
    const table = renderEnvironmentTable(record, evaluation);
    const baselineRow = table.split('\n').find((row) => row.includes('baseline t1'))!;
    expect(baselineRow).toContain('<span class="pill pill-fail">fail</span> <span class="pill pill-warn">warn</span> <span class="pill pill-pass">pass</span>');
    expect(baselineRow).toContain('<td>1395</td><td>3201</td><td>87</td><td>699.12 / 700</td><td><strong>sw_power_cap, sw_thermal_slowdown</strong></td>');
    expect(baselineRow).toContain('51234 python3 2120 MiB');
    const hpAloneRow = table.split('\n').find((row) => row.includes('hp-alone t1'))!;
    expect(hpAloneRow).toContain('<td>1980</td><td>3201</td><td>41</td><td>412.37 / 700</td><td>none</td><td>0 / 0</td><td>Default, MIG Disabled, persistence Enabled</td><td>none</td><td>0.10 of 16</td>');
  });

  it('shows what the checks judged: the workers\' GPU of several (by index without UUIDs), and no suite daemon as another process', () => {
    const record = runWithEnvironment({ baseline: { apps: 'compute-apps-mps.nvidia-smi.csv' } });
    for (const trial of record.trials.filter((t) => t.arm === 'hp-alone')) {
      // An AMD-like reading: GPUs named by index, a worker UUID that names none of them.
      for (const w of trial.workers) if (w.ok) w.result.fingerprint.gpu.uuid = 'amd-gpu-0';
      for (const sample of trial.environment!.gpuState) {
        const gpu = sample.gpus![0]!;
        sample.gpus = [{ ...gpu, gpuId: '1', smClockMHz: 500 }, { ...gpu, gpuId: '0' }];
      }
    }
    const evaluation = evaluateRun(record, null);
    expect(evaluation.checks.filter((c) => ['environment.foreign-gpu-process', 'environment.gpu-state'].includes(c.id) && c.status !== 'pass')).toEqual([]);
    const table = renderEnvironmentTable(record, evaluation);
    const row = (where: string) => table.split('\n').find((r) => r.includes(where))!;
    expect(row('hp-alone t1')).toContain('<td>1980</td><td>3201</td>');
    expect(row('hp-alone t1')).not.toContain('500');
    // The MPS server (pid 3990) is the suite's, as the foreign-gpu-process check says.
    expect(row('baseline t1')).not.toContain('3990');
    expect(row('baseline t1')).toContain('<td>none</td>');
  });

  it('says "not recorded" for a run saved without environment', () => {
    const record = buildSyntheticRun(healthyRunSpec());
    expect(renderEnvironmentTable(record, evaluateRun(record, null))).toContain('Not recorded: this run has no environment samples');
  });
});
