// Run as a child process by exit-cleanup.test.ts: opens an xsched arm and exits without
// closing anything, as a suite killed by process.exit would.

import { createArmSetupProvider } from '../../../perf/lib/run/arms/provider.ts';
import { record } from '../xsched/run-record-fixture.ts';

const [root, driverDir, lockPath, logDir, procRoot] = process.argv.slice(2) as [string, string, string, string, string];
const provider = createArmSetupProvider({ env: { PATH: process.env.PATH ?? '', XSCHED_ROOT: root }, platform: 'hip-amd', xserverLockPath: lockPath, driverSearchDirs: [driverDir], procRoot });
const session = await provider.openScenario({ ...record([]).scenario, sharing: 'platform-default', arms: ['xsched'] }, { logDir });
await session.openArm('xsched', { trial: 0, logDir });
process.exit(0);
