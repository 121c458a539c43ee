// Shared by the orchestrator tests: a short scenario, the fake worker, and a provider
// double that records every call and gives each arm/role the environment a test asks for.

import { join } from 'node:path';
import type { ArmSession, ArmSetupProvider, WorkerEnv } from '../../../perf/lib/documents/types/arm-setup.ts';
import type { ArmName, Role, Scenario } from '../../../perf/lib/documents/types/scenario.ts';
import type { RunScenarioOptions } from '../../../perf/lib/run/orchestrate/run-options.ts';
import { compiledDouble } from '../../doubles/compiled.ts';
import { makeScenario, type ScenarioOverrides } from '../../fixtures/run-record/index.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

export const FAKE_WORKER_PATH = compiledDouble('fake-worker');

/** 300 ms, hp at 20 Hz uniform: offsets 0, 50, ..., 250 ms = 6 requests. */
export function makeShortScenario(overrides: ScenarioOverrides = {}): Scenario {
  return makeScenario({
    name: 'unit-short',
    description: 'orchestrator unit test with the fake worker (test double)',
    hp: { rateHz: 20 },
    durationMs: 300,
    arms: ['baseline'],
    ...overrides,
  });
}

export type EnvByArm = Partial<Record<ArmName, Partial<Record<Role, WorkerEnv>>>>;

export interface ProviderDoubleOptions {
  env?: EnvByArm;
  skip?: Partial<Record<ArmName, string>>;
  failOpenArm?: Partial<Record<ArmName, string>>;
  onDuringRun?: (arm: ArmName, pids: Partial<Record<Role, number>>) => void;
  /** Per arm, a live pid the session names as its xserver (ArmSession.helperProcesses), as the xsched arm names its own. */
  helperPid?: Partial<Record<ArmName, number>>;
}

export interface ProviderDouble {
  provider: ArmSetupProvider;
  /** Every provider call in order, e.g. "openArm baseline t0". */
  calls: string[];
  /** The worker pids afterReady was given. */
  pids: number[];
}

export function createProviderDouble(options: ProviderDoubleOptions = {}): ProviderDouble {
  const calls: string[] = [];
  const pids: number[] = [];
  const provider: ArmSetupProvider = {
    skipReason: (arm) => options.skip?.[arm] ?? null,
    async openScenario(scenario) {
      calls.push(`openScenario ${scenario.name}`);
      return {
        async openArm(arm, { trial }): Promise<ArmSession> {
          const tag = `${arm} t${trial}`;
          calls.push(`openArm ${tag}`);
          const failure = options.failOpenArm?.[arm];
          if (failure !== undefined) throw new Error(failure);
          return {
            envFor: (role, baseEnv) => ({ ...baseEnv, ...options.env?.[arm]?.[role] }),
            async afterReady(readyPids) {
              calls.push(`afterReady ${tag}`);
              pids.push(...Object.values(readyPids).filter((p): p is number => p !== undefined));
            },
            async duringRun(runPids) {
              calls.push(`duringRun ${tag}`);
              options.onDuringRun?.(arm, runPids);
            },
            ...(options.helperPid?.[arm] === undefined ? {} : { helperProcesses: () => [{ name: 'xserver' as const, pid: options.helperPid![arm]! }] }),
            async finish(outcomes) {
              calls.push(`finish ${tag} ${outcomes.map((o) => `${o.role}:${o.ok ? 'ok' : o.failure.kind}`).join(',')}`);
              return { xsched: null, sharing: null };
            },
            async close() {
              calls.push(`close ${tag}`);
            },
          };
        },
        async close() {
          calls.push('closeScenario');
        },
      };
    },
  };
  return { provider, calls, pids };
}

/** Options tuned for 300 ms runs of the fake worker; tests override what they exercise. */
export async function makeRunOptions(
  scenario: Scenario,
  provider: ArmSetupProvider,
  overrides: Partial<RunScenarioOptions> = {},
): Promise<RunScenarioOptions> {
  return {
    scenario,
    workerPath: FAKE_WORKER_PATH,
    runDir: makeTempDir('xsp-orchestrate-'),
    provider,
    readyTimeoutMs: 10_000,
    // START must reach every worker before its start instant, or the worker reports itself late
    // (exit 6): 150 ms was missed once in a full unit run on 2 loaded cores.
    startLeadMs: 400,
    drainMs: 0,
    hangGraceMs: 1_000,
    killGraceMs: 300,
    baseEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    ...overrides,
  };
}

/** True while a process with this pid exists (zombies included). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
