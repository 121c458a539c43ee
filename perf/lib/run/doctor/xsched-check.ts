// XSched: without XSCHED_ROOT the xsched arm is skipped and no scenario can pass; with it,
// the same install check a run makes before any GPU time (perf/lib/run/xsched/install.ts).

import { readXschedConfig } from '../../plan/config/xsched-settings.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { checkXschedInstall } from '../xsched/install.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix, ok, warn } from './finding.ts';

export function checkXsched(env: NodeJS.ProcessEnv, platform: WorkerPlatform, driverSearchDirs?: readonly string[]): DoctorFinding {
  if ((env.XSCHED_ROOT ?? '').trim() === '') {
    return warn('xsched.install', 'XSCHED_ROOT is not set: the xsched arm would be skipped, so every scenario would be untested, not passed',
      'set XSCHED_ROOT to an XSched install built for this platform (docs/xsched.md)');
  }
  try {
    const install = checkXschedInstall(readXschedConfig(env, platform), driverSearchDirs ? { driverSearchDirs } : {});
    return ok('xsched.install', `xserver ${install.xserverPath}, shim ${install.shimPath}, real driver ${install.driverFoundAt}`);
  } catch (error) {
    return mustFix('xsched.install', (error as Error).message, 'fix the install or the setting named (docs/xsched.md)');
  }
}
