// The xserver's environment: the allow-listed one (perf/lib/process/allowed-env.ts)
// without XSched's worker settings or shim, plus its log level and the loopback
// preload (native/preload/loopback_bind.c), which is the only LD_PRELOAD it gets.

import { allowListedEnv } from '../../process/allowed-env.ts';
import type { XschedInstall } from './install.ts';
import { removeXschedFromEnv } from './worker-env.ts';

export function buildXserverEnv(env: NodeJS.ProcessEnv, install: XschedInstall, preloadPath: string): Record<string, string> {
  const clean = removeXschedFromEnv(allowListedEnv(env).env, install.root);
  return { ...clean, XLOG_LEVEL: 'INFO', LD_PRELOAD: preloadPath };
}
