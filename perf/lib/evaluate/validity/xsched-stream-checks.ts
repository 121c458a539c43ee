// Did the worker launch its measured work on the default stream? XSched wraps only the streams
// a process creates, so such launches bypass it (docs/workloads.md, docs/xsched.md). Only a worker
// that reports its stream use (the PyTorch workload's result "streamUse") gets this check; the
// native worker launches only on the stream it creates (native/src/common/gpu_stream.hpp).

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { ArmTrialRecord, WorkerOutcome } from '../../documents/types/run-record.ts';

export function checkNoDefaultStream(trial: ArmTrialRecord, outcome: WorkerOutcome | undefined): ValidityCheck[] {
  if (!outcome?.ok || outcome.result.streamUse === undefined) return [];
  const { role } = outcome;
  const { defaultStreamLaunches, detail } = outcome.result.streamUse;
  const base = { id: `xsched.no-default-stream.${role}`, title: `${role} worker launched nothing on the default stream`, arm: trial.arm, trial: trial.trial };
  const measured = { defaultStreamLaunches, detail };
  if (defaultStreamLaunches === null) {
    return [{ ...base, status: 'skip', measured, message: `the ${role} worker had no streams to report (${detail})`, recommendation: null }];
  }
  if (!defaultStreamLaunches) return [{ ...base, status: 'pass', measured, message: `the ${role} worker: ${detail}`, recommendation: null }];
  return [
    {
      ...base,
      status: 'fail',
      measured,
      message: `the ${role} worker launched measured work on the default stream, which XSched does not schedule (${detail})`,
      recommendation: 'issue the work inside torch.cuda.stream(<a created stream>) (workloads/pytorch/xsp_torch/forward.py); the arm measured work XSched never saw',
    },
  ];
}
