// The environment checks (docs/environment.md): foreign GPU work, GPU state, host CPU, and
// whether hp's rate fell short because of the host.

import type { ValidityCheck } from '../../../documents/types/evaluation.ts';
import type { CheckContext } from '../check-context.ts';
import { checkForeignGpuProcesses } from './foreign-gpu-process.ts';
import { checkGpuState } from './gpu-state.ts';
import { checkHostCpu } from './host-cpu.ts';
import { checkHpLateness } from './hp-lateness.ts';

export function checkEnvironment(context: CheckContext): ValidityCheck[] {
  return [...checkForeignGpuProcesses(context), ...checkGpuState(context), ...checkHostCpu(context), ...checkHpLateness(context)];
}
