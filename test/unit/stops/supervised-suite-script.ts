// Run as a child process by supervisor.test.ts: plays a suite that started an MPS
// daemon, an xserver and a worker (all test doubles), prints their pids as one JSON
// line, and waits to be killed. The test SIGKILLs it: no handler of this process runs.

import { join } from 'node:path';
import { createArmSetupProvider } from '../../../perf/lib/run/arms/provider.ts';
import { spawnWorker } from '../../../perf/lib/run/worker/worker-process.ts';
import { compiledDouble } from '../../doubles/compiled.ts';
import { record } from '../xsched/run-record-fixture.ts';

const FAKE_WORKER_PATH = compiledDouble('fake-worker');
const [root, driverDir, scratch, mpsControl] = process.argv.slice(2) as [string, string, string, string];
const env = { PATH: process.env.PATH ?? '', XSCHED_ROOT: root, PERF_MPS_CONTROL: mpsControl };
const emptyProc = join(scratch, 'empty-proc');
const provider = createArmSetupProvider({ env, platform: 'cuda', xserverLockPath: join(scratch, 'xserver.lock'), driverSearchDirs: [driverDir], procRoot: emptyProc });
const session = await provider.openScenario({ ...record([]).scenario, sharing: 'mps', arms: ['xsched'] }, { logDir: scratch });
const arm = await session.openArm('xsched', { trial: 0, logDir: scratch });
const workerEnv = arm.envFor('hp', { PATH: process.env.PATH ?? '' });
const worker = await spawnWorker({
  workerPath: FAKE_WORKER_PATH,
  args: ['--role', 'hp', '--model', 'resnet18', '--result', join(scratch, 'hp.json'), '--duration-ms', '60000'],
  env: workerEnv,
  role: 'hp',
  logPath: join(scratch, 'hp.log'),
  killGraceMs: 500,
});
await worker.readyOrExit;
const lock = JSON.parse(await (await import('node:fs/promises')).readFile(join(scratch, 'xserver.lock'), 'utf8')) as { xserverPid: number };
process.stdout.write(`${JSON.stringify({ xserverPid: lock.xserverPid, workerPid: worker.pid, pipeDirectory: workerEnv.CUDA_MPS_PIPE_DIRECTORY })}\n`);
setInterval(() => undefined, 60_000);
