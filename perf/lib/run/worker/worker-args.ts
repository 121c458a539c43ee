// Command-line arguments of one worker for one arm of a scenario (docs/protocol.md, "Invocation").

import type { ArmName, Role, Scenario, StreamPriority } from '../../documents/types/scenario.ts';
import { armSpec } from '../../plan/scenarios/arms.ts';

/** Which workers an arm runs (perf/lib/plan/scenarios/arms.ts). */
export function rolesForArm(arm: ArmName): readonly Role[] {
  return armSpec(arm).roles;
}

/** The stream priority the arm asks of this worker (only stream-priority asks for any). */
export function streamPriorityFor(arm: ArmName, role: Role): StreamPriority {
  return armSpec(arm).streamPriority[role];
}

export interface WorkerArgsInput {
  scenario: Scenario;
  arm: ArmName;
  role: Role;
  /** 0-based trial index: the seed is scenario.seed + trial, so trials are independent
   *  samples while the arms of one trial share one hp arrival schedule (paired comparison). */
  trial: number;
  resultPath: string;
  drainMs: number;
  /** Regression injection for sensitivity tests only (docs/protocol.md). */
  injectDelayUs?: number;
  warmupIterations?: number;
}

export function buildWorkerArgs(input: WorkerArgsInput): string[] {
  const { scenario, arm, role } = input;
  if (!rolesForArm(arm).includes(role)) {
    throw new Error(`arm ${arm} runs no ${role} worker (it runs ${rolesForArm(arm).join(' and ')})`);
  }
  const config = role === 'hp' ? scenario.hp : scenario.lp;
  const args = [
    '--role', role,
    '--model', config.model,
    '--batch', String(config.batch),
    '--image-size', String(config.imageSize),
    '--gpu', String(scenario.gpuIndex),
    '--seed', String(scenario.seed + input.trial),
    '--duration-ms', String(scenario.durationMs),
    '--stream-priority', streamPriorityFor(arm, role),
    '--drain-ms', String(input.drainMs),
    '--result', input.resultPath,
  ];
  if (role === 'hp') {
    args.push('--rate-hz', String(scenario.hp.rateHz), '--arrival', scenario.hp.arrival);
    if (input.injectDelayUs !== undefined && input.injectDelayUs > 0) {
      args.push('--inject-delay-us', String(input.injectDelayUs));
    }
  }
  const cuPercent = armSpec(arm).lpCuPercent;
  if (role === 'lp' && cuPercent !== undefined) args.push('--cu-mask-percent', String(cuPercent));
  if (input.warmupIterations !== undefined) args.push('--warmup-iters', String(input.warmupIterations));
  return args;
}
