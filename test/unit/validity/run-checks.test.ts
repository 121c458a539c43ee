import { describe, expect, it } from 'vitest';
import type { ValidityCheck } from '../../../perf/lib/documents/types/evaluation.ts';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import { runValidityChecks } from '../../../perf/lib/evaluate/validity/run-checks.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { contextOf } from './check-context-helper.ts';

describe('runValidityChecks', () => {
  const context = contextOf(buildSyntheticRun(healthyRunSpec()));

  it('a healthy synthetic run fails no check', () => {
    const failing = runValidityChecks(context).filter((c) => c.status === 'fail' || c.status === 'warn');
    expect(failing).toEqual([]);
  });

  it('appends the checks passed in, which receive the record', () => {
    const seen: string[] = [];
    const xschedCheck = (record: RunRecord): ValidityCheck[] => {
      seen.push(record.runId);
      return [{ id: 'xsched-active', title: 'XSched active', status: 'pass', arm: 'xsched', trial: null, measured: {}, message: 'ok', recommendation: null }];
    };
    const checks = runValidityChecks(context, [xschedCheck]);
    expect(seen).toEqual(['fixture-run']);
    expect(checks.at(-1)!.id).toBe('xsched-active');
  });

  it('a check that throws becomes a failed check carrying the error, and the others still run', () => {
    const broken = function mpsEvidence(): ValidityCheck[] {
      throw new Error('details.pipeDirectory missing');
    };
    const checks = runValidityChecks(context, [broken]);
    const failed = checks.find((c) => c.id === 'check-error:mpsEvidence');
    expect(failed).toMatchObject({ status: 'fail', measured: { error: 'details.pipeDirectory missing' } });
    expect(checks.some((c) => c.id === 'same-gpu' && c.status === 'pass')).toBe(true);
  });
});
