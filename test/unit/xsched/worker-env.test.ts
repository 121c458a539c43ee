import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readXschedConfig } from '../../../perf/lib/plan/config/xsched-settings.ts';
import { checkXschedInstall } from '../../../perf/lib/run/xsched/install.ts';
import { buildXschedWorkerEnv, removeXschedFromEnv } from '../../../perf/lib/run/xsched/worker-env.ts';
import { makeFakeInstall, removeFakeInstalls } from './fake-install.ts';

afterAll(removeFakeInstalls);

const fake = makeFakeInstall();
const lib = join(fake.root, 'lib');

function setup(platform: 'cuda' | 'hip-amd', extra: Record<string, string> = {}) {
  const config = readXschedConfig({ XSCHED_ROOT: fake.root, ...extra }, platform);
  return { config, install: checkXschedInstall(config, { driverSearchDirs: [fake.driverDir] }) };
}

const POLLUTED = {
  PATH: '/usr/bin',
  HOME: '/home/ci',
  LD_PRELOAD: '/usr/lib/libjemalloc.so',
  LD_LIBRARY_PATH: `/opt/rocm/lib:${lib}:/usr/local/cuda/lib64`,
  XSCHED_POLICY: 'HPF',
  XSCHED_SCHEDULER: 'LCL',
  XLOG_LEVEL: 'DEBG',
};

describe('xsched arm worker environment', () => {
  it('HIP hp: GLB scheduler, auto XQueue with hp settings, INFO logs, shim preloaded, no XSCHED_POLICY', () => {
    const { config, install } = setup('hip-amd');
    const env = buildXschedWorkerEnv('hp', POLLUTED, config, install);
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/ci',
      LD_LIBRARY_PATH: '/opt/rocm/lib:/usr/local/cuda/lib64',
      XSCHED_SCHEDULER: 'GLB',
      XSCHED_AUTO_XQUEUE: 'ON',
      XSCHED_AUTO_XQUEUE_PRIORITY: '1',
      XSCHED_AUTO_XQUEUE_LEVEL: '1',
      XSCHED_AUTO_XQUEUE_THRESHOLD: '16',
      XSCHED_AUTO_XQUEUE_BATCH_SIZE: '8',
      XLOG_LEVEL: 'INFO',
      LD_PRELOAD: join(lib, 'libshimhip.so'),
    });
  });

  it('CUDA lp: lp settings, XSched lib dir first on LD_LIBRARY_PATH, XSCHED_CUDA_LIB when configured, no LD_PRELOAD', () => {
    const { config, install } = setup('cuda', { PERF_XSCHED_CUDA_LIB: join(fake.driverDir, 'libcuda.so.1') });
    const env = buildXschedWorkerEnv('lp', POLLUTED, config, install);
    expect(env.LD_LIBRARY_PATH).toBe(`${lib}:/opt/rocm/lib:/usr/local/cuda/lib64`);
    expect(env.LD_PRELOAD).toBeUndefined();
    expect(env.XSCHED_CUDA_LIB).toBe(join(fake.driverDir, 'libcuda.so.1'));
    expect(env.XSCHED_AUTO_XQUEUE_PRIORITY).toBe('0');
    expect(env.XSCHED_AUTO_XQUEUE_THRESHOLD).toBe('4');
    expect(env.XSCHED_AUTO_XQUEUE_BATCH_SIZE).toBe('2');
    expect(env.XSCHED_POLICY).toBeUndefined();
  });
});

describe('removeXschedFromEnv (baseline hygiene)', () => {
  it('drops LD_PRELOAD, XSCHED_*, XLOG_* and library dirs inside XSCHED_ROOT, keeping the rest', () => {
    expect(removeXschedFromEnv(POLLUTED, fake.root)).toEqual({ PATH: '/usr/bin', HOME: '/home/ci', LD_LIBRARY_PATH: '/opt/rocm/lib:/usr/local/cuda/lib64' });
  });

  it('also drops a library dir holding a shim when XSCHED_ROOT is unknown', () => {
    expect(removeXschedFromEnv({ LD_LIBRARY_PATH: `${lib}/` }, null)).toEqual({});
  });
});
