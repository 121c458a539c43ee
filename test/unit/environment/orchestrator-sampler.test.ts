// The orchestrator starts the environment sampler after READY with the workers' pids and
// records what it returns in the arm-trial (fake worker, fake tool outputs: test doubles).

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../perf/lib/run/orchestrate/run-scenario.ts';
import { startEnvironmentSampler, type EnvironmentSamplerOptions } from '../../../perf/lib/run/environment/sampler.ts';
import type { RunTool } from '../../../perf/lib/run/environment/gpu-tools.ts';
import { createProviderDouble, makeRunOptions, makeShortScenario } from '../orchestrate/scenario-fixtures.ts';

const noNvidiaSmi: RunTool = async (tool) => ({ notAvailable: `not available: ${tool} is not on PATH` });

describe('runScenario with an environment sampler', () => {
  it('samples each arm-trial with its READY pids and records the result; without a sampler nothing is recorded', async () => {
    const scenario = makeShortScenario({ arms: ['hp-alone', 'baseline'], trials: 1 });
    const started: EnvironmentSamplerOptions[] = [];
    // The baseline arm's session names a live process (this test's own) as its xserver, as the xsched arm names its own.
    const options = await makeRunOptions(scenario, createProviderDouble({ helperPid: { baseline: process.pid } }).provider, { runId: 'env-1' });
    // Both runs at once: each has its own run directory and provider double, and the workers mostly wait.
    const [record, plain] = await Promise.all([
      runScenario({
        ...options,
        environmentSampler: (o) => {
          started.push(o);
          return startEnvironmentSampler({ ...o, intervalMs: 100, runTool: noNvidiaSmi });
        },
      }),
      makeRunOptions(scenario, createProviderDouble().provider, { runId: 'env-2' }).then(runScenario),
    ]);
    const pidsOf = (i: number) => record.trials[i]!.workers.map((w) => (w.ok ? w.result.fingerprint.pid : -1)).sort();
    expect(started.map((o) => [...o.workerPids].sort())).toEqual([pidsOf(0), pidsOf(1)]);
    expect(started.map((o) => o.helperProcesses)).toEqual([undefined, [{ name: 'xserver', pid: process.pid }]]);
    const env = record.trials[1]!.environment!;
    expect(env.gpuProcesses[0]!.phase).toBe('before');
    expect(env.gpuProcesses.at(-1)!.phase).toBe('after');
    expect(env.gpuState.every((s) => s.gpus === null && s.notAvailable!.startsWith('not available: nvidia-smi is not on PATH'))).toBe(true);
    // The fake workers' threads were read from the real /proc, each over its own window.
    const workerWindows = env.workerScheduling!.filter((w) => w.process === undefined);
    expect(workerWindows.map((w) => w.pid).sort()).toEqual(pidsOf(1));
    expect(env.workerScheduling!.filter((w) => w.process === 'xserver').map((w) => w.pid)).toEqual([process.pid]);
    expect(env.workerScheduling!.every((w) => w.windowMs > 0 && w.voluntarySwitchesPerS >= 0)).toBe(true);
    expect(record.trials[0]!.environment!.workerScheduling!.some((w) => w.process !== undefined)).toBe(false);

    expect(plain.trials.every((t) => t.environment === undefined)).toBe(true);
  });
});
