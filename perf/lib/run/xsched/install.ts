// Checks an XSched install before any GPU time is spent: the xserver binary, the
// platform's shim library and the real driver the shim forwards to.

import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import type { XschedConfig } from '../../plan/config/xsched-settings.ts';
import { XSCHED_DRIVER_NAMES, XSCHED_DRIVER_SEARCH_DIRS } from '../../plan/config/xsched-facts.ts';

export interface XschedInstall {
  root: string;
  xserverPath: string;
  libDir: string;
  /** libshimhip.so (loaded with LD_PRELOAD) or libshimcuda.so (found as libcuda.so.1 through LD_LIBRARY_PATH). */
  shimPath: string;
  /** The real driver the shim will open: the configured one, or the first in XSched's search dirs. */
  driverFoundAt: string;
  /** Passed to workers as XSCHED_CUDA_LIB / XSCHED_HIP_LIB; null when XSched finds it by itself. */
  driverLibrary: string | null;
}

export class XschedInstallError extends Error {
  override readonly name = 'XschedInstallError';
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function requireFile(path: string, what: string): void {
  if (!isFile(path)) throw new XschedInstallError(`${what} is missing: ${path} does not exist (is XSCHED_ROOT the install prefix, with bin/ and lib/?)`);
}

function findDriver(config: XschedConfig, searchDirs: readonly string[]): string {
  const variable = config.platform === 'cuda' ? 'PERF_XSCHED_CUDA_LIB' : 'PERF_XSCHED_HIP_LIB';
  if (config.driverLibrary !== null) {
    if (!isFile(config.driverLibrary)) throw new XschedInstallError(`${variable}=${config.driverLibrary} does not exist: point it at the real driver library`);
    return config.driverLibrary;
  }
  const names = XSCHED_DRIVER_NAMES[config.platform];
  for (const dir of searchDirs) {
    for (const name of names) {
      if (isFile(join(dir, name))) return join(dir, name);
    }
  }
  throw new XschedInstallError(
    `the XSched shim would find no real driver: none of ${names.join(', ')} is in ${searchDirs.join(', ')}; ` +
      `set ${variable} to the driver's full path (e.g. the libcuda.so.1 or libamdhip64.so your workers load)`,
  );
}

/** Throws XschedInstallError naming the first missing file. */
export function checkXschedInstall(config: XschedConfig, options: { driverSearchDirs?: readonly string[] } = {}): XschedInstall {
  let rootIsDir = false;
  try {
    rootIsDir = statSync(config.root).isDirectory();
  } catch {
    rootIsDir = false;
  }
  if (!rootIsDir) throw new XschedInstallError(`XSCHED_ROOT=${config.root} does not exist or is not a directory`);

  const xserverPath = join(config.root, 'bin', 'xserver');
  requireFile(xserverPath, 'the XSched server (bin/xserver)');
  try {
    accessSync(xserverPath, constants.X_OK);
  } catch {
    throw new XschedInstallError(`${xserverPath} is not executable: check its permissions`);
  }

  const libDir = join(config.root, 'lib');
  const shimPath = join(libDir, config.platform === 'cuda' ? 'libshimcuda.so' : 'libshimhip.so');
  requireFile(shimPath, `the XSched ${config.platform === 'cuda' ? 'CUDA' : 'HIP'} shim`);
  if (config.platform === 'cuda') {
    // The CUDA shim is found through LD_LIBRARY_PATH under the driver's own name,
    // a link XSched's install creates with SHIM_SOFTLINK=ON (its Makefile default).
    requireFile(join(libDir, 'libcuda.so.1'), 'the libcuda.so.1 link to the CUDA shim (build XSched with SHIM_SOFTLINK=ON)');
  }

  const driverFoundAt = findDriver(config, options.driverSearchDirs ?? XSCHED_DRIVER_SEARCH_DIRS[config.platform]);
  return { root: config.root, xserverPath, libDir, shimPath, driverFoundAt, driverLibrary: config.driverLibrary };
}
