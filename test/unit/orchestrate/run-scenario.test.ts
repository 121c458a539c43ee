// runScenario end to end with the fake worker (test double): 300 ms arms, real processes.

import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNativeProvider } from '../../../perf/lib/run/orchestrate/native-provider.ts';
import { runScenario } from '../../../perf/lib/run/orchestrate/run-scenario.ts';
import { ScenarioAbortedError } from '../../../perf/lib/run/orchestrate/scenario-aborted-error.ts';
import type { ProgressEvent } from '../../../perf/lib/documents/types/arm-setup.ts';
import type { ArmTrialRecord, WorkerOutcome } from '../../../perf/lib/documents/types/run-record.ts';
import type { Role } from '../../../perf/lib/documents/types/scenario.ts';
import { listRegisteredPids } from '../../../perf/lib/process/exit-cleanup.ts';
import { createProviderDouble, isProcessAlive, makeRunOptions, makeShortScenario } from './scenario-fixtures.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

function worker(trial: ArmTrialRecord | undefined, role: Role): WorkerOutcome {
  const found = trial?.workers.find((w) => w.role === role);
  if (!found) throw new Error(`no ${role} worker in ${JSON.stringify(trial)}`);
  return found;
}

function failureOf(outcome: WorkerOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got ok for ${outcome.role}`);
  return outcome.failure;
}

function meanServiceMs(outcome: WorkerOutcome): number {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.failure.kind}: ${outcome.failure.message}`);
  const requests = outcome.result.requests ?? [];
  return requests.reduce((sum, [, started, finished]) => sum + (finished - started), 0) / requests.length / 1e6;
}

// Concurrent: every test has its own run directory and provider double; the
// worker processes mostly wait, so running them side by side keeps the file short.
describe.concurrent('runScenario with the fake worker', () => {
  it('runs interleaved trials, starts both workers at one instant, and writes logs', async () => {
    const scenario = makeShortScenario({ arms: ['hp-alone', 'baseline'], trials: 2 });
    // baseline hp 4x slower than hp-alone (2 ms vs 8 ms), lp READY 200 ms later than hp.
    const double = createProviderDouble({
      env: {
        'hp-alone': { hp: { FAKE_WORKER_HP_LATENCY_MS: '2' } },
        baseline: { hp: { FAKE_WORKER_HP_LATENCY_MS: '8', FAKE_WORKER_PROGRESS_MS: '50' }, lp: { FAKE_WORKER_READY_DELAY_MS: '200' } },
      },
    });
    const events: ProgressEvent[] = [];
    const options = await makeRunOptions(scenario, double.provider, { runId: 'run-1', progressIntervalMs: 100, notes: ['from the test'] });
    const record = await runScenario({ ...options, onProgress: (e) => events.push(e) });

    expect(record).toMatchObject({ schema: 'xsched-perf.run', schemaVersion: 1, runId: 'run-1', notes: ['from the test'] });
    // The CPU is part of where a run ran (host-info.ts): this machine's model, as the OS names it.
    expect(record.host.cpuModel).toBe(os.cpus()[0]?.model.trim());
    // Trial 0 runs the arms as listed, trial 1 in the other order (arm-order.ts); the record keeps the run order.
    expect(record.trials.map((t) => `${t.arm} t${t.trial}`)).toEqual(['hp-alone t0', 'baseline t0', 'baseline t1', 'hp-alone t1']);
    expect(double.calls.filter((c) => c.startsWith('openArm'))).toEqual([
      'openArm hp-alone t0', 'openArm baseline t0', 'openArm baseline t1', 'openArm hp-alone t1',
    ]);
    expect(double.calls).toContain('finish baseline t1 hp:ok,lp:ok');
    expect(double.calls.at(-1)).toBe('closeScenario');

    const baseline = record.trials[1] as ArmTrialRecord;
    expect(BigInt(baseline.endNs as string) - BigInt(baseline.startNs as string)).toBe(300_000_000n);
    for (const role of ['hp', 'lp'] as const) {
      const outcome = worker(baseline, role);
      if (!outcome.ok) throw new Error(outcome.failure.message);
      expect(outcome.result.startNs).toBe(baseline.startNs);
      expect(BigInt(outcome.readyAtNs)).toBeLessThan(BigInt(baseline.startNs as string));
      expect(await readFile(outcome.logPath, 'utf8')).toContain(`fake-worker (test double): role ${role}`);
    }
    const hp = worker(baseline, 'hp');
    expect(hp.ok && hp.result.requests?.length).toBe(6); // 20 Hz for 300 ms
    const seedOf = (outcome: WorkerOutcome): number | null => (outcome.ok ? outcome.result.options.seed : null);
    expect(seedOf(hp)).toBe(1); // trial 0: scenario seed 1 + 0
    expect(seedOf(worker(record.trials[2], 'hp'))).toBe(2); // trial 1: 1 + 1
    // The latency knob shows through: about 8 / 2 = 4x, checked with a wide margin.
    const ratio = meanServiceMs(hp) / meanServiceMs(worker(record.trials[0], 'hp'));
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(5);

    const types = events.map((e) => e.type).filter((t) => t !== 'arm-progress');
    expect(types).toEqual(['scenario-start', ...Array(4).fill(['arm-start', 'arm-end']).flat(), 'scenario-end']);
    expect(events.filter((e) => e.type === 'arm-end').every((e) => e.type === 'arm-end' && e.ok)).toBe(true);
    const progress = events.filter((e) => e.type === 'arm-progress' && e.arm === 'baseline');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((e) => e.type === 'arm-progress' && e.done.hp !== undefined)).toBe(true);
    // The double's PROGRESS p99Us field reaches the event in ms (a P99 of latencies the double derived, so > 0).
    expect(progress.some((e) => e.type === 'arm-progress' && (e.hpP99SoFarMs ?? 0) > 0)).toBe(true);
  });

  it('records a crash and an early non-zero exit, and still runs the other arms', async () => {
    const scenario = makeShortScenario({ arms: ['baseline', 'lp-alone', 'hp-alone'] });
    const double = createProviderDouble({
      env: { baseline: { lp: { FAKE_WORKER_MODE: 'crash' } }, 'lp-alone': { lp: { FAKE_WORKER_MODE: 'exit-nonzero' } } },
    });
    const record = await runScenario(await makeRunOptions(scenario, double.provider));

    const crash = failureOf(worker(record.trials[0], 'lp'));
    expect(crash).toMatchObject({ kind: 'crash', exitCode: 7, signal: null });
    expect(crash.message).toContain('hipStreamSynchronize failed');
    expect(crash.lastLogLines.at(-1)).toContain('xsched-perf-worker: error:');
    expect(worker(record.trials[0], 'hp').ok).toBe(true); // hp keeps its run when lp dies mid-run
    expect(double.calls).toContain('finish baseline t0 hp:ok,lp:crash');

    const early = failureOf(worker(record.trials[1], 'lp'));
    expect(early).toMatchObject({ kind: 'crash', exitCode: 5 });
    expect(early.message).toContain('not enough GPU memory');
    expect(record.trials[1]?.startNs).toBeNull();
    expect(worker(record.trials[2], 'hp').ok).toBe(true);
  });

  it('kills a hung worker (SIGTERM ignored, so SIGKILL) and runs the next arm', async () => {
    const scenario = makeShortScenario({ arms: ['baseline', 'hp-alone'] });
    const double = createProviderDouble({ env: { baseline: { hp: { FAKE_WORKER_MODE: 'hang' } } } });
    const record = await runScenario(await makeRunOptions(scenario, double.provider, { hangGraceMs: 300 }));

    const hang = failureOf(worker(record.trials[0], 'hp'));
    expect(hang).toMatchObject({ kind: 'hang', signal: 'SIGKILL', exitCode: null });
    expect(hang.message).toContain('SIGKILL after 300 ms');
    expect(worker(record.trials[0], 'lp').ok).toBe(true);
    expect(worker(record.trials[1], 'hp').ok).toBe(true);
    expect(double.pids.every((pid) => !isProcessAlive(pid))).toBe(true);
  });

  it('records never-ready, and stops the other worker of the arm before START', async () => {
    const scenario = makeShortScenario({ arms: ['baseline', 'hp-alone'] });
    const double = createProviderDouble({ env: { baseline: { lp: { FAKE_WORKER_MODE: 'never-ready' } } } });
    const record = await runScenario(await makeRunOptions(scenario, double.provider, { readyTimeoutMs: 1_500 }));

    expect(failureOf(worker(record.trials[0], 'lp')).kind).toBe('never-ready');
    const peer = failureOf(worker(record.trials[0], 'hp'));
    expect(peer.kind).toBe('aborted');
    expect(peer.message).toContain('because the lp worker failed');
    expect(record.trials[0]?.startNs).toBeNull();
    expect(double.calls).not.toContain('afterReady baseline t0');
    expect(double.calls).toContain('close baseline t0');
    const hp = worker(record.trials[1], 'hp');
    expect(hp.ok, hp.ok ? '' : `${hp.failure.kind}: ${hp.failure.message}`).toBe(true);
  });

  it('records late (exit 6 after START) and bad output in READY and in the result file', async () => {
    const scenario = makeShortScenario({ arms: ['hp-alone', 'baseline', 'lp-alone'] });
    const double = createProviderDouble({
      env: {
        'hp-alone': { hp: { FAKE_WORKER_MODE: 'late' } },
        baseline: { hp: { FAKE_WORKER_MODE: 'bad-ready' } },
        'lp-alone': { lp: { FAKE_WORKER_MODE: 'bad-result' } },
      },
    });
    const record = await runScenario(await makeRunOptions(scenario, double.provider));

    const late = failureOf(worker(record.trials[0], 'hp'));
    expect(late).toMatchObject({ kind: 'late', exitCode: 6 });
    expect(late.message).toContain('start instant already passed');
    expect(late.message).toContain('raise it with PERF_START_LEAD_MS');
    const badReady = failureOf(worker(record.trials[1], 'hp'));
    expect(badReady.kind).toBe('bad-output');
    expect(badReady.message).toContain('field "gpu.uuid" is missing');
    expect(failureOf(worker(record.trials[1], 'lp')).kind).toBe('aborted');
    const badResult = failureOf(worker(record.trials[2], 'lp'));
    expect(badResult.kind).toBe('bad-output');
    expect(badResult.message).toMatch(/result file .*lp-alone-t0-lp\.json: field "schemaVersion" is missing/);
  });

  it('records skipped arms and setup failures without running them', async () => {
    const scenario = makeShortScenario({ arms: ['xsched', 'stream-priority', 'hp-alone'] });
    const double = createProviderDouble({
      skip: { xsched: 'XSCHED_ROOT is not set' },
      failOpenArm: { 'stream-priority': 'could not open the arm' },
    });
    const events: ProgressEvent[] = [];
    const record = await runScenario({ ...(await makeRunOptions(scenario, double.provider)), onProgress: (e) => events.push(e) });

    expect(record.trials[0]).toMatchObject({ arm: 'xsched', skipped: 'XSCHED_ROOT is not set', workers: [] });
    expect(events).toContainEqual(expect.objectContaining({ type: 'arm-end', arm: 'xsched', ok: false, skipped: 'XSCHED_ROOT is not set' }));
    const setup = failureOf(worker(record.trials[1], 'lp'));
    expect(setup).toMatchObject({ kind: 'spawn', message: 'lp worker: arm setup (openArm) failed: could not open the arm' });
    expect(worker(record.trials[2], 'hp').ok).toBe(true);
  });

  it('records a worker that cannot be started as a spawn failure', async () => {
    const dir = makeTempDir('xsp-spawn-');
    const workerPath = join(dir, 'worker-with-missing-interpreter');
    await writeFile(workerPath, '#!/nonexistent/interpreter\n', { mode: 0o755 });
    const record = await runScenario(await makeRunOptions(makeShortScenario({ arms: ['hp-alone'] }), createProviderDouble().provider, { workerPath }));
    const spawn = failureOf(worker(record.trials[0], 'hp'));
    expect(spawn.kind).toBe('spawn');
    expect(spawn.message).toContain('ENOENT');
  });

  it('on abort stops every worker, closes the sessions and throws the partial record', async () => {
    const scenario = makeShortScenario({ arms: ['baseline', 'hp-alone'], durationMs: 2_000 });
    const controller = new AbortController();
    const double = createProviderDouble({ onDuringRun: () => controller.abort(new Error('Ctrl-C in the test')) });
    const options = await makeRunOptions(scenario, double.provider, { signal: controller.signal });

    const error = await runScenario(options).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioAbortedError);
    const record = (error as ScenarioAbortedError).record;
    expect(record.trials.map((t) => t.arm)).toEqual(['baseline']);
    for (const role of ['hp', 'lp'] as const) expect(failureOf(worker(record.trials[0], role)).kind).toBe('aborted');
    expect(double.pids).toHaveLength(2);
    expect(double.pids.filter(isProcessAlive)).toEqual([]);
    expect(listRegisteredPids().filter((pgid) => double.pids.includes(pgid))).toEqual([]);
    expect(double.calls.slice(-2)).toEqual(['close baseline t0', 'closeScenario']);
  });

  it('runs with the native provider, which passes the environment through and skips xsched', async () => {
    const scenario = makeShortScenario({ arms: ['xsched', 'hp-alone'] });
    const record = await runScenario(await makeRunOptions(scenario, createNativeProvider()));
    expect(record.trials[0]?.skipped).toContain('no XSched setup');
    expect(record.trials[1]).toMatchObject({ skipped: null, xsched: null, sharing: null });
    const hp = worker(record.trials[1], 'hp');
    expect(hp.ok, hp.ok ? '' : `${hp.failure.kind}: ${hp.failure.message}`).toBe(true);
  });

  it('records the XSched version the suite was told (PERF_XSCHED_VERSION), which no worker is given', async () => {
    const install = makeTempDir('xsp-xsched-install-');
    const baseEnv = { PATH: process.env.PATH ?? '', XSCHED_ROOT: install, PERF_XSCHED_VERSION: 'v1.2.0-told' };
    const options = await makeRunOptions(makeShortScenario({ arms: ['hp-alone'] }), createProviderDouble().provider, { baseEnv });
    const record = await runScenario(options);
    expect(record.source?.xsched).toMatchObject({ root: install, version: 'v1.2.0-told' });
    // The workers' environment is allow-listed (process/allowed-env.ts): the suite's own setting stays out.
    expect(record.childEnv?.passedNames).not.toContain('PERF_XSCHED_VERSION');
  });

  it('throws with the scenario name when the provider cannot open the scenario', async () => {
    const provider = { ...createProviderDouble().provider, openScenario: async () => Promise.reject(new Error('MPS daemon did not start')) };
    await expect(runScenario(await makeRunOptions(makeShortScenario(), provider)))
      .rejects.toThrow('provider.openScenario failed for scenario unit-short: MPS daemon did not start');
  });

  it('rejects bad options with the value it received', async () => {
    const double = createProviderDouble();
    const options = await makeRunOptions(makeShortScenario(), double.provider, { readyTimeoutMs: -5 });
    await expect(runScenario(options)).rejects.toThrow('readyTimeoutMs must be a number >= 1, got -5');
    const missing = await makeRunOptions(makeShortScenario(), double.provider, { workerPath: '/nonexistent/worker' });
    await expect(runScenario(missing)).rejects.toThrow('npm run build:native');
  });
});
