// perf:doctor's baseline.stored line (perf/lib/suite/doctor/): for each selected scenario, is
// there a comparable stored baseline for the probed GPU? Baselines are written by hand into a
// temp dir (PERF_BASELINES_DIR); the probe is a described NVIDIA H200, on a fake host of 16 CPUs
// with taskset, where PERF_CPUS=auto pins 4 (test/fixtures/cpu-host.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BASELINE_SCHEMA, BASELINE_SCHEMA_VERSION, type BaselineFile, type BaselineKey } from '../../../perf/lib/documents/types/baseline.ts';
import { doctorExitCode, formatFinding } from '../../../perf/lib/run/doctor/finding.ts';
import type { ProbeFingerprint } from '../../../perf/lib/run/gpu/parse-probe.ts';
import { baselinePath } from '../../../perf/lib/store/baselines/key.ts';
import { describeGpuTime } from '../../../perf/lib/suite/doctor/gpu-time.ts';
import { runDoctorWithBaselines } from '../../../perf/lib/suite/doctor/run-doctor-with-baselines.ts';
import { checkStoredBaselines } from '../../../perf/lib/suite/doctor/stored-baseline-check.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';
import { fakeCpuHost } from '../../fixtures/cpu-host.ts';
import { fakeHost } from './fake-host.ts';

const h200: ProbeFingerprint = {
  workerVersion: '0.2.0', hostname: 'h200', platform: 'cuda', runtimeVersion: '13.0', driverVersion: '580.159.04',
  gpu: { index: 0, name: 'NVIDIA H200', arch: 'sm_90', uuid: 'GPU-1', pciBusId: '0000:00:06.0', memoryTotalBytes: 1, multiprocessorCount: 132 },
};
const arm = { hpP99Ms: [2, 2, 2], hpP50Ms: [1, 1, 1], hpAchievedRateHz: [50, 50, 50], lpIterPerSec: [300, 300, 300], hpHistogram: null };
const XSCHED_DEFAULTS = { policy: 'HPF', level: 1, hp: { priority: 1, threshold: 16, batchSize: 8 }, lp: { priority: 0, threshold: 4, batchSize: 2 } };

/** A baseline of the catalogue's quick scenario (10 s, hp 50 req/s, lp batch 8) on an H200, time-sliced, pinned to 4 CPUs. */
function writeQuickBaseline(dir: string, runId = '2026-11-22T00-30-06Z-quick-6fcc', pinnedCpus = 4): string {
  const key: BaselineKey = { scenario: 'quick', platform: 'cuda', gpuName: 'NVIDIA H200', arch: 'sm_90', sharing: 'time-sliced' };
  const baseline: BaselineFile = {
    schema: BASELINE_SCHEMA, schemaVersion: BASELINE_SCHEMA_VERSION, key, createdAt: '2026-11-22T00:32:23.875Z', runId, workerVersion: '0.2.0',
    workload: { hp: { model: 'resnet18', batch: 1, imageSize: 224, rateHz: 50, arrival: 'uniform' }, lp: { model: 'resnet50', batch: 8, imageSize: 224 }, durationMs: 10_000, pinnedCpus },
    xschedSettings: XSCHED_DEFAULTS, thresholds: {}, arms: { 'hp-alone': arm, 'lp-alone': arm, baseline: arm, xsched: arm },
  };
  const file = baselinePath(dir, key);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(baseline));
  return file;
}

function storeWithQuick(pinnedCpus = 4): string {
  const dir = makeTempDir('doctor-baselines-');
  writeQuickBaseline(dir, undefined, pinnedCpus);
  return dir;
}

const PINNING_HOST = fakeCpuHost('0-15', '0-15', { pciBusId: h200.gpu.pciBusId });
const check = (env: NodeJS.ProcessEnv, probe: ProbeFingerprint | null = h200) => checkStoredBaselines(env, probe, makeTempDir('doctor-cwd-'), PINNING_HOST);

describe('baseline.stored', () => {
  it('ok: names the comparable file and its run id', async () => {
    const dir = storeWithQuick();
    const findings = await check({ PERF_BASELINES_DIR: dir, PERF_SCENARIOS: 'quick' });
    expect(findings).toEqual([
      {
        id: 'baseline.stored',
        status: 'ok',
        message:
          `quick: comparable baseline ${join(dir, 'quick', 'cuda-sm_90-nvidia-h200-time-sliced.json')} (run 2026-11-22T00-30-06Z-quick-6fcc); XSched settings not compared: XSCHED_ROOT is not set; ` +
          "the xsched arm's between-run noise is assumed (0.06, recorded pinned quick time-sliced runs); add runs of other days or machines to it (npm run perf:update-baselines -- --append) to measure it; " +
          "at 3 trials its xsched hp P99 regression verdict will see a +20% rise only about 54% of the time (an unchanged run fails about 2%; if this run's trials spread as the stored ones; docs/statistics.md 3.4)",
      },
    ]);
  });

  it('ok: says whether the verdict measures the between-run noise from a baseline of several runs', async () => {
    const dir = makeTempDir('doctor-baselines-');
    const file = writeQuickBaseline(dir);
    const several = (machines: string[]): void => {
      const runs = machines.map((machine, i) => ({ runId: `2026-11-22T0${i}-00-00Z-quick-000${i}`, startedAt: `2026-11-22T0${i}:00:00.000Z`, machine }));
      const trialRuns = runs.flatMap((_, i) => [i, i, i]);
      const three = (values: number[]) => [...values, ...values, ...values];
      const tripled = { hpP99Ms: three(arm.hpP99Ms), hpP50Ms: three(arm.hpP50Ms), hpAchievedRateHz: three(arm.hpAchievedRateHz), lpIterPerSec: three(arm.lpIterPerSec), hpHistogram: null, trialRuns };
      const baseline = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...baseline, runId: runs.map((r) => r.runId).join(','), runs, arms: { 'hp-alone': tripled, 'lp-alone': tripled, baseline: tripled, xsched: tripled } }));
    };
    several(['GPU-1', 'GPU-2', 'GPU-3']);
    const spanning = await check({ PERF_BASELINES_DIR: dir, PERF_SCENARIOS: 'quick' });
    expect(spanning[0]!.message).toMatch(/; the xsched arm's between-run noise is estimated from the baseline's 3 runs on 3 machines over 2\.0 h$/);
    several(['GPU-1', 'GPU-1', 'GPU-1']);
    const oneMachine = await check({ PERF_BASELINES_DIR: dir, PERF_SCENARIOS: 'quick' });
    expect(oneMachine[0]!.message).toContain("the xsched arm's between-run noise is estimated from the baseline's 3 runs, but not below recorded pinned quick time-sliced runs (0.06): its runs are from 1 machine over 2.0 h, less than a day or 3 machines; add runs of other days or machines to it (npm run perf:update-baselines -- --append) to measure it");
    several(['GPU-1', 'GPU-2', 'GPU-2']);
    const twoMachines = await check({ PERF_BASELINES_DIR: dir, PERF_SCENARIOS: 'quick' });
    expect(twoMachines[0]!.message).toContain('but not below recorded pinned quick time-sliced runs (0.06): its runs are from 2 machines over 2.0 h, less than a day or 3 machines');
  });

  it('missing -> warn: says the regression verdict is untested, gives the update command with its GPU time, and lists the scenarios that have one', async () => {
    const findings = await check({ PERF_BASELINES_DIR: storeWithQuick(), PERF_SCENARIOS: 'quick,standard-mps' });
    expect(findings.map((f) => f.status)).toEqual(['ok', 'warn']);
    const missing = findings[1]!;
    expect(missing.message).toMatch(/^standard-mps: no stored baseline for scenario "standard-mps" on cuda sm_90 "NVIDIA H200", sharing mps \(expected .*standard-mps\/cuda-sm_90-nvidia-h200-mps\.json\): regression verdict untested: the scenario's outcome is untested, which fails under CI=true or PERF_STRICT=1$/);
    expect(missing.fix).toBe(
      'record one on this machine: PERF_SCENARIOS=standard-mps npm run perf:update-baselines (12 arm-trials x 60 s, about 13 min); or choose a scenario that has one for this GPU: quick',
    );
    expect(doctorExitCode(findings)).toBe(0);
  });

  it('missing under CI=true -> FIX: the scenario cannot pass; PERF_REQUIRE_BASELINE=1 makes it FIX too', async () => {
    const dir = storeWithQuick();
    const [strict] = await check({ PERF_BASELINES_DIR: dir, PERF_SCENARIOS: 'standard-mps', CI: 'true' });
    expect(strict).toMatchObject({ status: 'fix', message: expect.stringMatching(/: regression verdict untested: the scenario cannot pass under CI=true$/) });
    const [perfStrict] = await check({ PERF_BASELINES_DIR: dir, PERF_SCENARIOS: 'standard-mps', PERF_STRICT: '1' });
    expect(perfStrict?.message).toMatch(/cannot pass under PERF_STRICT=1$/);
    const [required] = await check({ PERF_BASELINES_DIR: dir, PERF_SCENARIOS: 'standard-mps', PERF_REQUIRE_BASELINE: '1' });
    expect(required).toMatchObject({ status: 'fix', message: expect.stringMatching(/regression verdict untested, and PERF_REQUIRE_BASELINE=1 fails it$/) });
    expect(doctorExitCode([strict!])).toBe(1);
  });

  it('missing under CI=true with PERF_UPDATE_BASELINES=1 (the update-baselines workflow) stays a warning: that run records it', async () => {
    const [finding] = await check({ PERF_BASELINES_DIR: storeWithQuick(), PERF_SCENARIOS: 'standard-mps', CI: 'true', PERF_UPDATE_BASELINES: '1' });
    expect(finding).toMatchObject({ status: 'warn', message: expect.stringMatching(/regression verdict untested in this run, which records one \(PERF_UPDATE_BASELINES=1\)$/) });
  });

  it('a workload override is a mismatch naming the field, with the setting that restores it', async () => {
    const [finding] = await check({ PERF_BASELINES_DIR: storeWithQuick(), PERF_SCENARIOS: 'quick', PERF_DURATION_S: '30' });
    expect(finding).toMatchObject({ status: 'warn' });
    expect(finding?.message).toMatch(/^quick: the stored baseline .* \(run 2026-11-22T00-30-06Z-quick-6fcc\) was measured with another workload: durationMs 10000 -> 30000 \(stored -> this run\): regression verdict untested/);
    expect(finding?.fix).toMatch(/^run with PERF_DURATION_S=10 \(the stored values\); or record one on this machine: PERF_SCENARIOS=quick npm run perf:update-baselines \(12 arm-trials x 30 s, about 7 min\), which replaces the stored file; or choose a scenario that has one for this GPU: none has, with these settings$/);
  });

  it('a baseline recorded unpinned judged by a pinned run (PERF_CPUS=auto) is a mismatch naming pinnedCpus; PERF_CPUS=none matches it', async () => {
    const dir = storeWithQuick(0);
    const [finding] = await check({ PERF_BASELINES_DIR: dir, PERF_SCENARIOS: 'quick' });
    expect(finding?.message).toMatch(/was measured with another workload: pinnedCpus 0 -> 4 \(stored -> this run\): regression verdict untested/);
    expect(finding?.fix).toMatch(/^run with PERF_CPUS=none \(the stored values\)/);
    const [unpinned] = await check({ PERF_BASELINES_DIR: dir, PERF_SCENARIOS: 'quick', PERF_CPUS: 'none' });
    expect(unpinned).toMatchObject({ status: 'ok' });
  });

  it('other XSched settings than the stored xsched arm is a mismatch naming the setting', async () => {
    const env = { PERF_BASELINES_DIR: storeWithQuick(), PERF_SCENARIOS: 'quick', XSCHED_ROOT: '/opt/xsched', PERF_XSCHED_THRESHOLD_LP: '1' };
    const [finding] = await check(env);
    expect(finding?.message).toMatch(/ran its xsched arm with other XSched settings: lp\.threshold 4 -> 1, lp\.batchSize 2 -> 1 \(stored -> this run\): xsched regression verdicts untested/);
    expect(finding?.fix).toMatch(/^run with PERF_XSCHED_THRESHOLD_LP=4 PERF_XSCHED_BATCH_SIZE_LP=2 \(the stored values\)/);
    const [same] = await check({ ...env, PERF_XSCHED_THRESHOLD_LP: '4' });
    expect(same).toMatchObject({ status: 'ok', message: expect.not.stringContaining('not compared') });
  });

  it('a corrupt stored file is FIX: a run would stop on it after measuring', async () => {
    const dir = makeTempDir('doctor-baselines-');
    writeFileSync(writeQuickBaseline(dir), '{"schema": "xsched-perf.baseline"');
    const [finding] = await check({ PERF_BASELINES_DIR: dir, PERF_SCENARIOS: 'quick' });
    expect(finding).toMatchObject({ status: 'fix', fix: expect.stringContaining('fix or delete the file') });
  });

  it('no GPU identified -> warn "not checked", never ok', async () => {
    const findings = await check({ PERF_BASELINES_DIR: storeWithQuick(), PERF_SCENARIOS: 'quick' }, null);
    expect(findings.map(formatFinding)).toEqual([
      'warn baseline.stored: not checked: no GPU was identified (no worker probe), so it is unknown whether it has a comparable stored baseline for quick -> fix the lines above until gpu.probe is ok, then run perf:doctor again (a scenario without one has its regression verdict untested)',
    ]);
  });

  it('perf:doctor runs it last, on the GPU the probe named, and says "not checked" on a host without a GPU', async () => {
    // This host's own CPUs decide PERF_CPUS=auto here: unpinned on both sides.
    const env = { PERF_BASELINES_DIR: storeWithQuick(0), PERF_CPUS: 'none' };
    const host = fakeHost({ env, nodes: { '/dev/nvidiactl': true, '/dev/nvidia0': true }, dirs: { '/dev': ['nvidiactl', 'nvidia0'] } });
    const probed = await runDoctorWithBaselines(host, { probeGpu: async () => ({ workerPath: '/repo/worker', probe: h200 }), cwd: makeTempDir('doctor-cwd-') });
    expect(probed.at(-1)).toMatchObject({ id: 'baseline.stored', status: 'ok', message: expect.stringMatching(/^quick: comparable baseline /) });
    const noGpu = await runDoctorWithBaselines(fakeHost({ env }));
    expect(noGpu.map((f) => `${f.status} ${f.id}`)).toEqual(['fix gpu.device-nodes', 'warn baseline.stored']);
  });

  it('on an H200 with the committed baselines/: pinned (PERF_CPUS=auto) quick, standard and the 30 s intensive ones ok, the one recorded unpinned (standard-mps) warned as a mismatch; with PERF_CPUS=none the reverse; intensive-mps has none', async () => {
    const committed = fileURLToPath(new URL('../../../baselines', import.meta.url));
    const scenarios = 'quick,standard,standard-mps,intensive-30s,intensive-30s-mps,intensive-mps';
    const pinned = await check({ PERF_BASELINES_DIR: committed, PERF_SCENARIOS: scenarios });
    expect(pinned.map((f) => f.status)).toEqual(['ok', 'ok', 'warn', 'ok', 'ok', 'warn']);
    expect(pinned[2]?.message).toMatch(/was measured with another workload: pinnedCpus 0 -> 4 \(stored -> this run\)/);
    expect(pinned[5]?.fix).toMatch(/\(12 arm-trials x 180 s, about 37 min\); or choose a scenario that has one for this GPU: quick, standard, intensive-30s, intensive-30s-mps$/);
    const unpinned = await check({ PERF_BASELINES_DIR: committed, PERF_SCENARIOS: scenarios, PERF_CPUS: 'none' });
    expect(unpinned.map((f) => f.status)).toEqual(['warn', 'warn', 'ok', 'warn', 'warn', 'warn']);
    expect(unpinned[5]?.fix).toMatch(/or choose a scenario that has one for this GPU: standard-mps$/);
  });

  it('GPU time: arm-trials x window, rounded up with the measured per-arm-trial overhead', () => {
    expect(describeGpuTime({ trials: 3, arms: ['hp-alone', 'lp-alone', 'baseline', 'xsched'], durationMs: 180_000 })).toBe('12 arm-trials x 180 s, about 37 min');
    expect(describeGpuTime({ trials: 3, arms: ['hp-alone', 'baseline'], durationMs: 10_000 })).toBe('6 arm-trials x 10 s, about 2 min');
  });
});
