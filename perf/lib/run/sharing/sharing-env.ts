// MPS variables in a worker's environment: exactly the suite's own daemon's under
// 'mps', none otherwise (an inherited CUDA_MPS_PIPE_DIRECTORY would connect a
// "time-sliced" worker to somebody's MPS daemon).

import type { WorkerEnv } from '../../documents/types/arm-setup.ts';

export function removeMpsFromEnv(env: WorkerEnv): WorkerEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('CUDA_MPS_')));
}

export function applyMpsEnv(env: WorkerEnv, clientEnv: Record<string, string> | null): WorkerEnv {
  const clean = removeMpsFromEnv(env);
  return clientEnv === null ? clean : { ...clean, ...clientEnv };
}
