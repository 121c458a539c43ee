// Where nvidia-cuda-mps-control is: PERF_MPS_CONTROL, else the PATH.

import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';

export const MPS_CONTROL_NAME = 'nvidia-cuda-mps-control';

export class MpsSetupError extends Error {
  override readonly name = 'MpsSetupError';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findMpsControlBinary(env: NodeJS.ProcessEnv): string {
  const configured = (env.PERF_MPS_CONTROL ?? '').trim();
  if (configured !== '') {
    if (!isExecutable(configured)) throw new MpsSetupError(`PERF_MPS_CONTROL=${JSON.stringify(configured)} is not an executable file: point it at ${MPS_CONTROL_NAME}`);
    return configured;
  }
  const dirs = (env.PATH ?? '').split(':').filter((dir) => dir !== '');
  for (const dir of dirs) {
    if (isExecutable(join(dir, MPS_CONTROL_NAME))) return join(dir, MPS_CONTROL_NAME);
  }
  throw new MpsSetupError(
    `sharing mode 'mps' needs ${MPS_CONTROL_NAME}, which is not on PATH (${dirs.join(':') || 'empty'}): ` +
      'install the NVIDIA driver utilities or set PERF_MPS_CONTROL to its full path',
  );
}
