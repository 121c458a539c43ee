// Clocks lowered while the GPU is idle (thermal or power slowdown, a power cap or brake):
// every arm-trial would run on a slowed GPU, which the run's own check
// (evaluate/validity/environment/gpu-state.ts) only reports after the GPU time was spent.
// An idle GPU has no reason to be slowed, so one that is must be fixed first.

import type { GpuState } from '../../documents/types/environment.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix, ok } from './finding.ts';

const clocks = (g: GpuState): string =>
  `SM ${g.smClockMHz ?? '?'} MHz, ${g.temperatureC ?? '?'} C, ${g.powerW ?? '?'} W of ${g.powerLimitW ?? '?'} W limit`;

export function checkThrottle(gpus: readonly GpuState[]): DoctorFinding {
  const throttled = gpus.filter((g) => g.throttleReasons.length > 0);
  if (throttled.length === 0) return ok('gpu.throttle', `no clock-lowering reason active: ${gpus.map((g) => `${g.gpuId} ${clocks(g)}`).join('; ')}`);
  return mustFix('gpu.throttle',
    `clocks lowered with no work running: ${throttled.map((g) => `${g.gpuId} ${g.throttleReasons.join(', ')} (${clocks(g)})`).join('; ')}`,
    'let the GPU cool down and check its cooling and power limit (nvidia-smi -q -d PERFORMANCE,POWER,TEMPERATURE; amd-smi metric --throttle), then run the doctor again');
}
