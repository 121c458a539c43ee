// The mps-lpN reference arm end to end with the test doubles: the fake worker (no GPU) and
// the fake MPS control daemon. The workers' connection to MPS, which the CUDA runtime makes
// on its first call, is played by the test through the double's __double_client side channel;
// without it the arm must come out unproven.

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArmSetupProvider, WorkerEnv } from '../../../perf/lib/documents/types/arm-setup.ts';
import type { Role } from '../../../perf/lib/documents/types/scenario.ts';
import { findUnprovenArms } from '../../../perf/lib/evaluate/unproven-arms.ts';
import { referenceChecks } from '../../../perf/lib/evaluate/validity/reference-checks.ts';
import { createArmSetupProvider } from '../../../perf/lib/run/arms/provider.ts';
import { runScenario } from '../../../perf/lib/run/orchestrate/run-scenario.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';
import { makeRunOptions, makeShortScenario } from '../orchestrate/scenario-fixtures.ts';
import { makeFakeMpsControl, removeFakeInstalls } from '../xsched/fake-install.ts';

const scratch = makeTempDir('xsp-mps-reference-');
const mpsControl = makeFakeMpsControl(scratch);
const emptyProc = join(scratch, 'proc');
mkdirSync(emptyProc);
afterAll(removeFakeInstalls);

function provider(): ArmSetupProvider {
  return createArmSetupProvider({ env: { PATH: process.env.PATH ?? '', PERF_MPS_CONTROL: mpsControl }, platform: 'cuda', procRoot: emptyProc, warn: () => undefined });
}

/** Wraps the provider so each worker "connects" to the MPS double after READY, as the CUDA runtime would. */
function withMpsClients(inner: ArmSetupProvider): ArmSetupProvider {
  return {
    skipReason: (arm, scenario) => inner.skipReason(arm, scenario),
    async openScenario(scenario, ctx) {
      const session = await inner.openScenario(scenario, ctx);
      return {
        close: () => session.close(),
        async openArm(arm, armCtx) {
          const armSession = await session.openArm(arm, armCtx);
          return {
            ...armSession,
            async afterReady(pids) {
              for (const [role, pid] of Object.entries(pids)) {
                const env: WorkerEnv = armSession.envFor(role as Role, { PATH: process.env.PATH ?? '' });
                expect(spawnSync(mpsControl, [], { env, input: `__double_client ${pid}\n`, encoding: 'utf8' }).status).toBe(0);
              }
              await armSession.afterReady(pids);
            },
          };
        },
      };
    },
  };
}

const scenario = () => makeShortScenario({ sharing: 'mps', arms: ['baseline', 'mps-lp70'] });

// Concurrent: each run has its own run directory, so its own MPS pipe and log directories,
// and the processes mostly wait.
describe.concurrent('the mps-lp70 reference arm', () => {
  it('runs lp with CUDA_MPS_ACTIVE_THREAD_PERCENTAGE=70 (hp without), records what the processes received, and passes its proof check', async () => {
    const record = await runScenario(await makeRunOptions(scenario(), withMpsClients(provider())));
    const trial = record.trials.find((t) => t.arm === 'mps-lp70')!;
    expect(trial.skipped).toBeNull();
    expect(trial.workers.map((w) => [w.role, w.ok])).toEqual([['hp', true], ['lp', true]]);
    expect(trial.reference).toMatchObject({ mechanism: 'mps-thread-percentage', requested: '70', received: { lp: '70', hp: null }, readErrors: {} });
    const checks = referenceChecks(record);
    expect(checks.map((c) => [c.id, c.arm, c.status])).toEqual([['reference.mps-thread-percentage', 'mps-lp70', 'pass']]);
    expect(findUnprovenArms(checks).has('mps-lp70')).toBe(false);
  }, 30_000);

  it('is unproven when the lp process never became an MPS client', async () => {
    const record = await runScenario(await makeRunOptions(scenario(), provider()));
    const trial = record.trials.find((t) => t.arm === 'mps-lp70')!;
    expect(trial.reference?.received.lp).toBe('70');
    const checks = referenceChecks(record);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ status: 'warn', arm: 'mps-lp70' });
    expect(checks[0]!.message).toMatch(/^the MPS log names no client \d+, so the percentage had no MPS server to limit it: the arm is unproven$/);
    expect(findUnprovenArms(checks).get('mps-lp70')).toBe('its mechanism was not shown in force in arm mps-lp70 (trial 0): not passed reference.mps-thread-percentage; its numbers are not judged');
  }, 30_000);

  it('is skipped, with the reason, outside sharing mode mps or on AMD', () => {
    expect(provider().skipReason('mps-lp70', makeShortScenario({ sharing: 'time-sliced' }))).toBe(
      "mps-lp70 needs sharing mode mps; scenario unit-short runs 'time-sliced' (use a *-mps scenario or PERF_SHARING=mps)",
    );
    const amd = createArmSetupProvider({ env: {}, platform: 'hip-amd', procRoot: emptyProc });
    expect(amd.skipReason('mps-lp70', scenario())).toBe('mps-lp70 is an NVIDIA MPS arm; this GPU\'s platform is hip-amd');
  });
});
