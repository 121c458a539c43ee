// All workers of all arms must run on one physical GPU (same UUID and PCI bus id), the
// one the scenario asked for. Two processes on two GPUs do not contend at all.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import { type CheckContext, makeCheck } from './check-context.ts';

const ID = 'same-gpu';
const TITLE = 'All workers on the requested GPU';

export function checkSameGpu(context: CheckContext): ValidityCheck[] {
  const expectedIndex = context.record.scenario.gpuIndex;
  const byGpu = new Map<string, string[]>();
  const wrongIndex: string[] = [];
  for (const trial of context.record.trials) {
    for (const outcome of trial.workers) {
      if (!outcome.ok) continue;
      const gpu = outcome.result.fingerprint.gpu;
      const who = `${trial.arm}#${trial.trial}/${outcome.role}`;
      const key = `${gpu.uuid} (PCI ${gpu.pciBusId}, ${gpu.name})`;
      byGpu.set(key, [...(byGpu.get(key) ?? []), who]);
      if (gpu.index !== expectedIndex) wrongIndex.push(`${who} on index ${gpu.index}`);
    }
  }
  if (byGpu.size === 0) {
    return [makeCheck({ id: ID, title: TITLE, status: 'skip', message: 'No worker reported a fingerprint, so the GPU cannot be checked (see the worker checks).' })];
  }
  const measured = { distinctGpus: byGpu.size, expectedIndex, gpus: [...byGpu.keys()].join('; ') };
  if (byGpu.size > 1) {
    const listing = [...byGpu.entries()].map(([gpu, who]) => `${gpu}: ${who.join(', ')}`).join('; ');
    return [
      makeCheck({
        id: ID,
        title: TITLE,
        status: 'fail',
        measured,
        message: `Workers ran on ${byGpu.size} different GPUs, so hp and lp may not have shared one: ${listing}.`,
        recommendation: `Make every worker see the same device: the suite passes --gpu ${expectedIndex}; check CUDA_VISIBLE_DEVICES / HIP_VISIBLE_DEVICES / ROCR_VISIBLE_DEVICES are equal for all workers.`,
      }),
    ];
  }
  if (wrongIndex.length > 0) {
    return [
      makeCheck({
        id: ID,
        title: TITLE,
        status: 'fail',
        measured,
        message: `The scenario asked for GPU index ${expectedIndex}, but ${wrongIndex.join(', ')}.`,
        recommendation: `Set the scenario's gpuIndex to the device you mean, or check that no *_VISIBLE_DEVICES variable renumbers the devices.`,
      }),
    ];
  }
  return [makeCheck({ id: ID, title: TITLE, status: 'pass', measured, message: `Every worker ran on ${[...byGpu.keys()][0]}, index ${expectedIndex}.` })];
}
