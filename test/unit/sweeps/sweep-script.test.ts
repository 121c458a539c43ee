// npm run perf:sweep stops before any GPU time when the sweep is not runnable, saying why.

import { describe, expect, it } from 'vitest';
import { sweepScript } from '../../../scripts/sweep.ts';
import { runScriptInProcess } from '../../fixtures/run-script.ts';

describe('perf:sweep', () => {
  it('needs exactly one scenario', async () => {
    const run = await runScriptInProcess(sweepScript, [], { env: { PERF_SCENARIOS: 'quick,standard' } });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('PERF_SCENARIOS="quick,standard" must name exactly one scenario to sweep');
  });

  it('refuses an unknown scenario with the planner\'s reason', async () => {
    const run = await runScriptInProcess(sweepScript, [], { env: { PERF_SCENARIOS: 'nope' } });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('cannot sweep nope: ');
    expect(run.stderr).toContain('PERF_SCENARIOS="nope": expected a comma list of distinct scenario names');
  });
});
