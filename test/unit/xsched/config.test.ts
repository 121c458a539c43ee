import { describe, expect, it } from 'vitest';
import { listKnownPerfVariables } from '../../../perf/lib/plan/config/known-variables.ts';
import { readXschedConfig, XschedConfigError } from '../../../perf/lib/plan/config/xsched-settings.ts';

const ROOT = { XSCHED_ROOT: '/opt/xsched' };

describe('readXschedConfig', () => {
  it('gives the documented defaults: HPF, free port, level 1, hp 1/16/8, lp 0/4/2', () => {
    const config = readXschedConfig(ROOT, 'hip-amd');
    expect(config).toMatchObject({
      root: '/opt/xsched',
      platform: 'hip-amd',
      policy: 'HPF',
      port: null,
      level: 1,
      roles: { hp: { priority: 1, threshold: 16, batchSize: 8 }, lp: { priority: 0, threshold: 4, batchSize: 2 } },
      driverLibrary: null,
    });
  });

  it('takes every setting from PERF_XSCHED_*; an unset batch size is half the threshold', () => {
    const config = readXschedConfig(
      { ...ROOT, PERF_XSCHED_POLICY: 'CFS', PERF_XSCHED_PORT: '50123', PERF_XSCHED_LEVEL: '2', PERF_XSCHED_PRIORITY_HP: '5', PERF_XSCHED_THRESHOLD_LP: '1', PERF_XSCHED_CUDA_LIB: '/usr/lib64/libcuda.so.1' },
      'cuda',
    );
    expect(config.policy).toBe('CFS');
    expect(config.port).toBe(50123);
    expect(config.level).toBe(2);
    expect(config.roles.hp.priority).toBe(5);
    // threshold 1 -> batch max(1, floor(1/2)) = 1
    expect(config.roles.lp).toEqual({ priority: 0, threshold: 1, batchSize: 1 });
    expect(config.driverLibrary).toBe('/usr/lib64/libcuda.so.1');
  });

  it.each([
    [{ XSCHED_ROOT: '' }, /XSCHED_ROOT is not set/],
    [{ XSCHED_ROOT: 'relative/xsched' }, /XSCHED_ROOT="relative\/xsched" must be an absolute path/],
    [{ ...ROOT, PERF_XSCHED_POLICY: 'hpf' }, /PERF_XSCHED_POLICY="hpf" is not an XSched policy: use one of HPF, HHPF/],
    [{ ...ROOT, PERF_XSCHED_PORT: '70000' }, /PERF_XSCHED_PORT="70000" is not a port/],
    [{ ...ROOT, PERF_XSCHED_LEVEL: '4' }, /PERF_XSCHED_LEVEL="4" is not an integer from 1 to 3/],
    [{ ...ROOT, PERF_XSCHED_THRESHOLD_LP: 'four' }, /PERF_XSCHED_THRESHOLD_LP="four" is not an integer/],
    [{ ...ROOT, PERF_XSCHED_PRIORITY_HP: '300' }, /PERF_XSCHED_PRIORITY_HP="300" is not an integer from -255 to 255/],
    [{ ...ROOT, PERF_XSCHED_THRESHOLD_LP: '4', PERF_XSCHED_BATCH_SIZE_LP: '8' }, /PERF_XSCHED_BATCH_SIZE_LP=8 is larger than PERF_XSCHED_THRESHOLD_LP=4/],
    [{ ...ROOT, PERF_XSCHED_PRIORITY_HP: '0' }, /PERF_XSCHED_PRIORITY_HP=0 is not above PERF_XSCHED_PRIORITY_LP=0/],
    [{ ...ROOT, PERF_XSCHED_TRESHOLD_LP: '4' }, /unknown setting PERF_XSCHED_TRESHOLD_LP/],
    [{ ...ROOT, PERF_XSCHED_CUDA_LIB: 'libcuda.so.1' }, /PERF_XSCHED_CUDA_LIB="libcuda.so.1" must be an absolute path/],
  ])('rejects %o, quoting the value', (env, message) => {
    expect(() => readXschedConfig(env, 'cuda')).toThrow(XschedConfigError);
    expect(() => readXschedConfig(env, 'cuda')).toThrow(message);
  });

  it('lets PERF_XSCHED_VERSION through: it names the install (docs/history.md), it is not an arm setting', () => {
    expect(readXschedConfig({ ...ROOT, PERF_XSCHED_VERSION: 'v1.2.0-local' }, 'cuda').policy).toBe('HPF');
  });

  it('accepts every PERF_XSCHED_* name the suite knows (known-variables.ts), so the two lists cannot disagree', () => {
    const names = listKnownPerfVariables().filter((name) => name.startsWith('PERF_XSCHED_'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const value = name.endsWith('_LIB') ? '/usr/lib/libdriver.so' : ({ PERF_XSCHED_POLICY: 'HPF', PERF_XSCHED_VERSION: 'v1', PERF_XSCHED_PRIORITY_LP: '0', PERF_XSCHED_READY_TIMEOUT_MS: '10000' } as Record<string, string>)[name] ?? '1';
      expect(() => readXschedConfig({ ...ROOT, [name]: value }, 'cuda'), name).not.toThrow(/unknown setting/);
    }
  });

  it('lets priorities be equal under a policy that ignores them (UP)', () => {
    expect(readXschedConfig({ ...ROOT, PERF_XSCHED_POLICY: 'UP', PERF_XSCHED_PRIORITY_HP: '0' }, 'cuda').roles.hp.priority).toBe(0);
  });
});
