// XSched: without XSCHED_ROOT the xsched arm is skipped and no scenario can pass (a warning;
// in strict mode, where that untested run fails, a FIX); with it, the same install check a run
// makes before any GPU time (perf/lib/run/xsched/install.ts).

import { readXschedConfig } from '../../plan/config/xsched-settings.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { checkXschedInstall } from '../xsched/install.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix, ok, warn } from './finding.ts';

export function checkXsched(env: NodeJS.ProcessEnv, platform: WorkerPlatform, strict: boolean, driverSearchDirs?: readonly string[]): DoctorFinding {
  if ((env.XSCHED_ROOT ?? '').trim() === '') {
    const fix = 'set XSCHED_ROOT to an XSched install built for this platform (docs/xsched.md)';
    const untested = 'XSCHED_ROOT is not set: the xsched arm would be skipped, so every scenario would be untested, not passed';
    return strict ? mustFix('xsched.install', `${untested}, and strict mode (CI=true or PERF_STRICT=1) fails an untested run`, fix) : warn('xsched.install', untested, fix);
  }
  try {
    const install = checkXschedInstall(readXschedConfig(env, platform), driverSearchDirs ? { driverSearchDirs } : {});
    return ok('xsched.install', `xserver ${install.xserverPath}, shim ${install.shimPath}, real driver ${install.driverFoundAt}`);
  } catch (error) {
    return mustFix('xsched.install', (error as Error).message, 'fix the install or the setting named (docs/xsched.md)');
  }
}
