// The environment of a worker process: XSched's settings and shim for the xsched arm
// only, and none of them anywhere else (an inherited LD_PRELOAD or XSCHED_* variable
// would quietly turn a baseline into an XSched run).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../documents/types/scenario.ts';
import type { WorkerEnv } from '../../documents/types/arm-setup.ts';
import type { XschedConfig } from '../../plan/config/xsched-settings.ts';
import type { XschedInstall } from './install.ts';
import { XSCHED_ENV } from '../../plan/config/xsched-facts.ts';

const SHIM_FILE_NAMES = ['libshimcuda.so', 'libshimhip.so'];

function isXschedLibraryDir(dir: string, xschedRoot: string | null): boolean {
  if (xschedRoot !== null && (dir === xschedRoot || dir.startsWith(`${xschedRoot}/`))) return true;
  // Also an install the suite was not told about: a dir holding a shim library.
  return dir !== '' && SHIM_FILE_NAMES.some((name) => existsSync(join(dir, name)));
}

/**
 * Baseline hygiene: drops LD_PRELOAD entirely, LD_LIBRARY_PATH entries inside XSCHED_ROOT
 * (or holding a shim library), and every XSCHED_* and XLOG_* variable.
 */
export function removeXschedFromEnv(env: WorkerEnv, xschedRoot: string | null): WorkerEnv {
  const clean: WorkerEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (name === 'LD_PRELOAD' || name.startsWith('XSCHED_') || name.startsWith('XLOG_')) continue;
    clean[name] = value;
  }
  if (clean.LD_LIBRARY_PATH !== undefined) {
    const kept = clean.LD_LIBRARY_PATH.split(':').filter((dir) => dir !== '' && !isXschedLibraryDir(dir.replace(/\/+$/, ''), xschedRoot));
    if (kept.length > 0) clean.LD_LIBRARY_PATH = kept.join(':');
    else delete clean.LD_LIBRARY_PATH;
  }
  return clean;
}

/** The variables the xsched arm adds for one role (also recorded as evidence). */
export function xschedVariablesFor(role: Role, config: XschedConfig, install: XschedInstall, cleanEnv: WorkerEnv): WorkerEnv {
  const settings = config.roles[role];
  const variables: WorkerEnv = {
    // GLB: the xserver schedules; XSCHED_POLICY is left out on purpose, it would force an in-process scheduler.
    [XSCHED_ENV.scheduler]: 'GLB',
    [XSCHED_ENV.autoXqueue]: 'ON',
    [XSCHED_ENV.priority]: String(settings.priority),
    [XSCHED_ENV.level]: String(config.level),
    [XSCHED_ENV.threshold]: String(settings.threshold),
    [XSCHED_ENV.batchSize]: String(settings.batchSize),
    // INFO puts "using global scheduler" on the worker's stderr, one of the proofs.
    [XSCHED_ENV.logLevel]: 'INFO',
  };
  if (config.platform === 'hip-amd') {
    variables.LD_PRELOAD = install.shimPath;
  } else {
    // The CUDA shim is XSched's libcuda.so.1, found first on the library path.
    variables.LD_LIBRARY_PATH = cleanEnv.LD_LIBRARY_PATH ? `${install.libDir}:${cleanEnv.LD_LIBRARY_PATH}` : install.libDir;
  }
  if (install.driverLibrary !== null) {
    variables[config.platform === 'cuda' ? XSCHED_ENV.cudaLib : XSCHED_ENV.hipLib] = install.driverLibrary;
  }
  return variables;
}

/** The whole environment of the xsched arm's worker of `role`. */
export function buildXschedWorkerEnv(role: Role, baseEnv: WorkerEnv, config: XschedConfig, install: XschedInstall): WorkerEnv {
  const clean = removeXschedFromEnv(baseEnv, config.root);
  return { ...clean, ...xschedVariablesFor(role, config, install, clean) };
}
