// Each environment condition on recorded tool output (test/fixtures/environment): the check,
// its status and numbers, and what it does to the verdicts and the run's status.

import { describe, expect, it } from 'vitest';
import type { ValidityCheck } from '../../../perf/lib/documents/types/evaluation.ts';
import type { ArmTrialRecord, RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import { evaluateRun } from '../../../perf/lib/evaluate/index.ts';
import { renderEnvironmentTable } from '../../../perf/lib/output/report/html-environment.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { runWithEnvironment } from './environment-run.ts';

const checksOf = (record: RunRecord, id: string): ValidityCheck[] => evaluateRun(record, null).checks.filter((c) => c.id === id);
const only = (checks: ValidityCheck[], status: string): ValidityCheck[] => checks.filter((c) => c.status === status);

describe('environment checks', () => {
  it('a quiet GPU and host pass every environment check', () => {
    const evaluation = evaluateRun(runWithEnvironment(), null);
    const env = evaluation.checks.filter((c) => c.id.startsWith('environment.'));
    expect(env.length).toBeGreaterThan(0);
    expect(env.filter((c) => c.status !== 'pass' && c.id !== 'environment.cpu-governor')).toEqual([]);
    // Nothing of the environment stands in the way: without a stored baseline the run is untested, not invalid.
    expect(evaluation.status).toBe('untested');
    expect(evaluation.reasons.filter((r) => r.startsWith('invalid'))).toEqual([]);
  });

  it('a foreign pid makes the arm-trials invalid, naming pid, command and memory, and its verdicts are not drawn', () => {
    const record = runWithEnvironment({ baseline: { apps: 'compute-apps-foreign.nvidia-smi.csv' } });
    const evaluation = evaluateRun(record, null);
    const failed = only(evaluation.checks.filter((c) => c.id === 'environment.foreign-gpu-process'), 'fail');
    expect(failed.map((c) => c.arm)).toEqual(['baseline', 'baseline', 'baseline']);
    expect(failed[0]!.message).toContain('pid 51234 "python3" (2120 MiB GPU memory; seen during)');
    expect(failed[0]!.recommendation).toContain('Stop pid 51234');
    expect(evaluation.status).toBe('invalid');
    const improvement = evaluation.verdicts.find((v) => v.id === 'hp-p99-improvement')!;
    expect(improvement.status).toBe('skip');
    expect(improvement.message).toContain('environment.foreign-gpu-process');
  });

  it('the MPS server and the suite\'s workers are not foreign', () => {
    const checks = checksOf(runWithEnvironment({ baseline: { apps: 'compute-apps-mps.nvidia-smi.csv' } }), 'environment.foreign-gpu-process');
    expect(only(checks, 'fail')).toEqual([]);
  });

  it('throttling while measuring warns with reasons, clocks, temperature and power', () => {
    const checks = checksOf(runWithEnvironment({ xsched: { gpu: 'query-gpu-throttled.nvidia-smi.csv' } }), 'environment.gpu-state');
    const warned = only(checks, 'warn');
    expect(warned.map((c) => c.arm)).toEqual(['xsched', 'xsched', 'xsched']);
    expect(warned[0]!.message).toContain('clocks lowered (sw_power_cap, sw_thermal_slowdown) in 2 of 2 samples while measuring: SM 1395 MHz, 87 C, 699.12 W of 700 W limit');
    expect(warned[0]!.measured).toMatchObject({ throttledSamples: 2, minSmClockMHz: 1395, maxTemperatureC: 87 });
  });

  it('an exclusive compute mode is invalid for arms that share the GPU, not for an alone arm', () => {
    const record = runWithEnvironment({ baseline: { gpu: 'query-gpu-exclusive.nvidia-smi.csv' }, 'hp-alone': { gpu: 'query-gpu-exclusive.nvidia-smi.csv' } });
    const checks = checksOf(record, 'environment.gpu-state');
    expect(only(checks, 'fail').map((c) => c.arm)).toEqual(['baseline', 'baseline', 'baseline']);
    expect(only(checks, 'fail')[0]!.message).toContain('compute mode is Exclusive_Process: two processes cannot share the GPU');
    expect(checks.filter((c) => c.arm === 'hp-alone').map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('uncorrected ECC errors are invalid, with the count', () => {
    const checks = checksOf(runWithEnvironment({ 'lp-alone': { gpu: 'query-gpu-ecc.nvidia-smi.csv' } }), 'environment.gpu-state');
    const failed = only(checks, 'fail');
    expect(failed.map((c) => c.arm)).toEqual(['lp-alone', 'lp-alone', 'lp-alone']);
    expect(failed[0]!.message).toContain('2 uncorrected (volatile) ECC errors');
  });

  it('a missing tool leaves the checks unverified (warn), never pass', () => {
    const evaluation = evaluateRun(runWithEnvironment({ baseline: { apps: null, gpu: null } }), null);
    const baseline = evaluation.checks.filter((c) => c.arm === 'baseline' && (c.id === 'environment.foreign-gpu-process' || c.id === 'environment.gpu-state'));
    expect(baseline.map((c) => c.status)).toEqual(['warn', 'warn', 'warn', 'warn', 'warn', 'warn']);
    expect(baseline[0]!.message).toBe('Unverified: the GPU\'s processes could not be listed (not available: nvidia-smi is not on PATH).');
  });

  it('a run saved without environment says "not recorded" (skip), and stays evaluable', () => {
    const checks = evaluateRun(buildSyntheticRun(healthyRunSpec()), null).checks.filter((c) => c.id.startsWith('environment.') && c.id !== 'environment.hp-lateness');
    expect(checks.map((c) => `${c.id}:${c.status}`)).toEqual(['environment.foreign-gpu-process:skip', 'environment.gpu-state:skip', 'environment.host-cpu:skip']);
    expect(checks[0]!.message).toMatch(/^Not recorded: this run has no environment record/);
  });

  it('other processes\' CPU load warns with cores', () => {
    const checks = checksOf(runWithEnvironment({ baseline: { hostCpu: { busyCores: 5.3, suiteCores: 2.1, otherCores: 3.2 } } }), 'environment.host-cpu');
    const warned = only(checks, 'warn');
    expect(warned.map((c) => c.arm)).toEqual(['baseline', 'baseline', 'baseline']);
    expect(warned[0]!.message).toContain('Other processes used 3.2 cores (above 0.5)');
    expect(warned[0]!.recommendation).toContain('Stop other CPU work on the host');
  });

  it('steal (the hypervisor running something else) is named, and a warning made of it says where to look', () => {
    const stolen = checksOf(runWithEnvironment({ baseline: { hostCpu: { busyCores: 3.0, suiteCores: 2.0, otherCores: 1.0, stealCores: 0.8 } } }), 'environment.host-cpu');
    const warned = only(stolen, 'warn');
    expect(warned[0]!.message).toContain('1 other processes (0.8 of it steal: the hypervisor running something else)');
    expect(warned[0]!.measured).toMatchObject({ otherCores: 1, stealCores: 0.8 });
    expect(warned[0]!.recommendation).toContain('outside this VM');
    const quiet = checksOf(runWithEnvironment({ baseline: { hostCpu: { otherCores: 0.1, stealCores: 0 } } }), 'environment.host-cpu');
    expect(quiet.find((c) => c.arm === 'baseline')!.message).toContain('0.1 other processes (0 of it steal');
    // Some steal, but most of the other load is processes inside: the advice is about those.
    const mostlyProcesses = checksOf(runWithEnvironment({ baseline: { hostCpu: { busyCores: 5.3, suiteCores: 2.1, otherCores: 3.2, stealCores: 0.3 } } }), 'environment.host-cpu');
    expect(only(mostlyProcesses, 'warn')[0]!.recommendation).toContain('Stop other CPU work on the host');
  });

  it('names, by role, how long each worker\'s (and the xserver\'s) threads waited for a CPU and how often they were preempted', () => {
    const record = runWithEnvironment();
    const trial = record.trials.find((t) => t.arm === 'baseline' && t.trial === 0)!;
    const pidOf = (role: string): number => trial.workers.flatMap((w) => (w.ok && w.role === role ? [w.result.fingerprint.pid] : []))[0]!;
    trial.environment!.workerScheduling = [
      { pid: pidOf('hp'), windowMs: 8000, involuntarySwitchesPerS: 12.5, voluntarySwitchesPerS: 900, runQueueWaitMsPerS: 0.4 },
      { pid: pidOf('lp'), windowMs: 8000, involuntarySwitchesPerS: 340, voluntarySwitchesPerS: 50, runQueueWaitMsPerS: null },
      { pid: 4242, process: 'xserver', windowMs: 7990, involuntarySwitchesPerS: 40, voluntarySwitchesPerS: 2000, runQueueWaitMsPerS: 1.2 },
    ];
    const evaluation = evaluateRun(record, null);
    const check = evaluation.checks.find((c) => c.id === 'environment.host-cpu' && c.arm === 'baseline' && c.trial === 0)!;
    expect(check.message).toContain('each over its process\'s own sampled window: hp waited 0.4 ms/s for a CPU and was preempted 12.5/s; lp was preempted 340/s; xserver waited 1.2 ms/s for a CPU and was preempted 40/s.');
    expect(check.measured).toMatchObject({ hpInvoluntarySwitchesPerS: 12.5, hpRunQueueWaitMsPerS: 0.4, lpInvoluntarySwitchesPerS: 340, xserverInvoluntarySwitchesPerS: 40, xserverRunQueueWaitMsPerS: 1.2 });
    expect(check.measured).not.toHaveProperty('lpRunQueueWaitMsPerS');
    // A record from before the field says nothing about it, and its table cell is a dash.
    const older = evaluation.checks.find((c) => c.id === 'environment.host-cpu' && c.arm === 'baseline' && c.trial === 1)!;
    expect(older.message).not.toContain('Threads, each over');
    // Only a record that read the xserver counted its CPU as the suite's.
    expect(check.message).toContain('of them the suite\'s (workers, xserver and the suite itself)');
    expect(older.message).toContain('of them the suite\'s (workers and the suite itself)');
    const rows = renderEnvironmentTable(record, evaluation).split('\n');
    expect(rows.find((r) => r.includes('baseline t1'))!).toContain('<td>hp 0.4 ms, 12.5 · lp –, 340 · xserver 1.2 ms, 40</td>');
    expect(rows.find((r) => r.includes('baseline t2'))!).toMatch(/<td>–<\/td><\/tr>/);
  });
});

/** Rewrites trial 0 of `arm`'s hp requests: each starts `lateMs` after it could and takes `serviceMs`. */
function delayHp(record: RunRecord, arm: string, lateMs: number, serviceMs: number): ArmTrialRecord {
  const trial = record.trials.find((t) => t.arm === arm && t.trial === 0)!;
  const hp = trial.workers.find((w) => w.ok && w.role === 'hp');
  if (!hp?.ok) throw new Error('fixture: no hp result');
  let previousFinished = -Infinity;
  hp.result.requests = hp.result.requests!.map(([scheduled]) => {
    const started = Math.max(scheduled, previousFinished) + lateMs * 1e6;
    previousFinished = started + serviceMs * 1e6;
    return [scheduled, started, previousFinished];
  });
  return trial;
}

describe('environment.hp-lateness', () => {
  it('an hp rate shortfall caused by a late host is invalid and says it was the host', () => {
    const record = buildSyntheticRun(healthyRunSpec());
    delayHp(record, 'xsched', 150, 4);
    const failed = only(checksOf(record, 'environment.hp-lateness'), 'fail');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ arm: 'xsched', trial: 0 });
    expect(failed[0]!.message).toMatch(/^HOST LATE: hp achieved only 6\.\d+ of 10 req\/s because the host started its requests late, not because the GPU was busy/);
    expect(failed[0]!.measured.serviceMs).toBeLessThan(failed[0]!.measured.windowMs as number);
  });

  it('the same shortfall from a busy GPU (long service) is the GPU\'s, not the host\'s', () => {
    const record = buildSyntheticRun(healthyRunSpec());
    delayHp(record, 'xsched', 0, 154);
    const check = checksOf(record, 'environment.hp-lateness').find((c) => c.arm === 'xsched' && c.trial === 0)!;
    expect(check.status).toBe('pass');
    expect(check.message).toContain('the shortfall is the GPU\'s (service time), not the host\'s');
  });
});
