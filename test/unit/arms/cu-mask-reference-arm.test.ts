// The AMD cu-mask-lpN reference arm without a GPU: the lp worker's argument, the skip on other
// platforms and workloads, and reference.cu-mask on fixture fingerprints (docs/arms.md). The
// worker side (option, read-back into the fingerprint) is tested in native/tests.

import { describe, expect, it } from 'vitest';
import type { WorkerFingerprint } from '../../../perf/lib/documents/types/fingerprint.ts';
import type { ArmTrialRecord, RunRecord, WorkerOutcome } from '../../../perf/lib/documents/types/run-record.ts';
import type { ArmName, Role } from '../../../perf/lib/documents/types/scenario.ts';
import { findUnprovenArms } from '../../../perf/lib/evaluate/unproven-arms.ts';
import { cuMaskEnabledCount, cuMaskHexForPercent, cuMaskVerdict } from '../../../perf/lib/evaluate/validity/cu-mask-check.ts';
import { referenceChecks } from '../../../perf/lib/evaluate/validity/reference-checks.ts';
import { createArmSetupProvider } from '../../../perf/lib/run/arms/provider.ts';
import { buildWorkerArgs } from '../../../perf/lib/run/worker/worker-args.ts';
import { makeFingerprint } from '../../fixtures/run-record/index.ts';
import { makeShortScenario } from '../orchestrate/scenario-fixtures.ts';

const CUS = 104;
const HALF = '0xffffffff,0x000fffff,0x00000000,0x00000000';

/** Only the fingerprint is read by the check: the rest of the result is left out. */
function worker(role: Role, overrides: Partial<WorkerFingerprint> = {}): WorkerOutcome {
  const gpu = { ...makeFingerprint(role).gpu, arch: 'gfx90a', multiprocessorCount: CUS };
  const fingerprint = makeFingerprint(role, { platform: 'hip-amd', gpu, ...overrides });
  return { ok: true, role, result: { fingerprint }, logPath: '', readyAtNs: '0' } as unknown as WorkerOutcome;
}
const lpMasked = (readBackHex = HALF, maskHex = HALF) => worker('lp', { cuMask: { requestedPercent: 50, cuCount: CUS, maskHex, readBackHex } });
const trial = (workers: WorkerOutcome[], arm: ArmName = 'cu-mask-lp50') => ({ arm, trial: 0, skipped: null, workers }) as unknown as ArmTrialRecord;

describe('the cu-mask-lpN arms', () => {
  it('give the lp worker --cu-mask-percent N and hp nothing', () => {
    const scenario = makeShortScenario();
    const lp = buildWorkerArgs({ scenario, arm: 'cu-mask-lp75', role: 'lp', trial: 0, resultPath: '/r/lp.json', drainMs: 0 });
    expect(lp.slice(lp.indexOf('--cu-mask-percent'), lp.indexOf('--cu-mask-percent') + 2)).toEqual(['--cu-mask-percent', '75']);
    expect(lp).toContain('--stream-priority');
    expect(lp[lp.indexOf('--stream-priority') + 1]).toBe('default');
    expect(buildWorkerArgs({ scenario, arm: 'cu-mask-lp50', role: 'hp', trial: 0, resultPath: '/r/hp.json', drainMs: 0 })).not.toContain('--cu-mask-percent');
    expect(buildWorkerArgs({ scenario, arm: 'baseline', role: 'lp', trial: 0, resultPath: '/r/lp.json', drainMs: 0 })).not.toContain('--cu-mask-percent');
  });

  it('are skipped, with the reason, on NVIDIA, on an unknown platform and for the PyTorch workload', () => {
    const scenario = makeShortScenario();
    const on = (platform: 'cuda' | 'hip-amd' | null) => createArmSetupProvider({ env: {}, platform }).skipReason;
    expect(on('cuda')('cu-mask-lp50', scenario)).toBe("cu-mask-lp50 is an AMD CU-mask arm; this GPU's platform is cuda");
    expect(on(null)('cu-mask-lp75', scenario)).toBe("cu-mask-lp75 is an AMD CU-mask arm; this GPU's platform is unknown (no worker probe)");
    expect(on('hip-amd')('cu-mask-lp50', scenario)).toBeNull();
    expect(on('hip-amd')('cu-mask-lp50', { ...scenario, workload: 'pytorch' })).toBe(`cu-mask-lp50 needs the native worker (--cu-mask-percent); scenario ${scenario.name} runs workload 'pytorch'`);
  });
});

describe('reference.cu-mask', () => {
  it('rebuilds the worker\'s masks: the first ceil(CUs x percent / 100) CUs, 32 a word', () => {
    expect(cuMaskHexForPercent(50, CUS)).toBe(HALF);
    expect(cuMaskHexForPercent(75, 110)).toBe('0xffffffff,0xffffffff,0x0007ffff,0x00000000');
    expect(cuMaskHexForPercent(1, 60)).toBe('0x00000001,0x00000000');
    expect(cuMaskHexForPercent(100, 32)).toBe('0xffffffff');
    expect(cuMaskEnabledCount(cuMaskHexForPercent(75, 110))).toBe(83);
  });

  it('passes when lp reads back the requested mask and hp has none', () => {
    const verdict = cuMaskVerdict(trial([worker('hp'), lpMasked()]));
    expect(verdict).toMatchObject({ status: 'pass', measured: { requestedPercent: 50, cuCount: CUS, lpReadBackCuCount: 52, hpMasked: false }, recommendation: null });
    expect(verdict.message).toBe(`lp's stream ran on 52 of 104 CUs (read back ${HALF}); hp on all`);
  });

  it('is unproven when the runtime read back another mask, lp has none, hp is masked, or a worker failed', () => {
    const narrowed = cuMaskVerdict(trial([worker('hp'), lpMasked('0x0000ffff,0x00000000,0x00000000,0x00000000')]));
    expect(narrowed.status).toBe('warn');
    expect(narrowed.message).toBe(`the HIP runtime reports mask 0x0000ffff,0x00000000,0x00000000,0x00000000 for lp's stream, not the requested ${HALF}: the arm is unproven`);
    expect(narrowed.recommendation).toMatch(/ROC_GLOBAL_CU_MASK/);
    expect(cuMaskVerdict(trial([worker('hp'), worker('lp')])).message).toBe('the lp worker reports no CU mask: the arm is unproven');
    const wrongBuild = '0xffffffff,0xffffffff,0x00000000,0x00000000';
    expect(cuMaskVerdict(trial([worker('hp'), lpMasked(wrongBuild, wrongBuild)])).message).toBe(`the lp worker asked for mask ${wrongBuild}, expected ${HALF}: the arm is unproven`);
    const hpMasked = worker('hp', { cuMask: { requestedPercent: 50, cuCount: CUS, maskHex: HALF, readBackHex: HALF } });
    expect(cuMaskVerdict(trial([hpMasked, lpMasked()])).message).toBe(`the hp worker was masked too (${HALF}): the arm is unproven`);
    expect(cuMaskVerdict(trial([lpMasked()])).status).toBe('warn');
    expect(cuMaskVerdict(trial([worker('hp'), lpMasked()], 'cu-mask-lp75')).message).toBe('the lp worker masked 50% of 104 CUs, the arm asks 75% of 104: the arm is unproven');
  });

  it('runs as reference.cu-mask per arm-trial, and an unproven arm is not judged', () => {
    const record = { trials: [trial([worker('hp'), lpMasked()]), trial([worker('hp'), worker('lp')], 'cu-mask-lp75')] } as unknown as RunRecord;
    const checks = referenceChecks(record);
    expect(checks.map((c) => [c.id, c.arm, c.status])).toEqual([['reference.cu-mask', 'cu-mask-lp50', 'pass'], ['reference.cu-mask', 'cu-mask-lp75', 'warn']]);
    const unproven = findUnprovenArms(checks);
    expect([...unproven.keys()]).toEqual(['cu-mask-lp75']);
  });
});
