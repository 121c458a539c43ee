// The allow list every child process of the suite starts from (perf/lib/process/allowed-env.ts):
// CI tokens and secret-like names never pass, GPU runtime and XSched variables do.

import { describe, expect, it } from 'vitest';
import { allowListedEnv } from '../../../perf/lib/process/allowed-env.ts';
import { resolveRunOptions } from '../../../perf/lib/run/orchestrate/run-options.ts';
import { createProviderDouble, FAKE_WORKER_PATH, makeShortScenario } from '../orchestrate/scenario-fixtures.ts';

const RUNNER_ENV = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/runner',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  LD_LIBRARY_PATH: '/opt/rocm/lib',
  CUDA_VISIBLE_DEVICES: '0',
  HIP_VISIBLE_DEVICES: '0',
  HSA_OVERRIDE_GFX_VERSION: '9.0.10',
  XSCHED_ROOT: '/opt/xsched',
  GITHUB_TOKEN: 'ghs_value',
  ACTIONS_RUNTIME_TOKEN: 'runtime-value',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-value',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://example.invalid',
  NPM_TOKEN: 'npm-value',
  AWS_SECRET_ACCESS_KEY: 'aws-value',
  DEPLOY_PASSWORD: 'pw',
  NVIDIA_API_KEY: 'nv-value',
  CUDA_LICENSE_TOKEN: 'cuda-value',
  SSH_AUTH_SOCK: '/tmp/agent',
  RUNNER_TEMP: '/runner/tmp',
};

describe('allowListedEnv', () => {
  it('passes the runtime, locale and XSched names and drops CI tokens and secret-like names, even under an allowed prefix', () => {
    const { env, passedNames, droppedCount } = allowListedEnv(RUNNER_ENV);
    expect(passedNames).toEqual([
      'CUDA_VISIBLE_DEVICES', 'HIP_VISIBLE_DEVICES', 'HOME', 'HSA_OVERRIDE_GFX_VERSION', 'LANG', 'LC_ALL', 'LD_LIBRARY_PATH', 'PATH', 'XSCHED_ROOT',
    ]);
    expect(Object.keys(env).sort()).toEqual(passedNames);
    expect(env.PATH).toBe('/usr/bin:/bin');
    expect(droppedCount).toBe(Object.keys(RUNNER_ENV).length - passedNames.length);
    for (const secret of ['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'NPM_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'DEPLOY_PASSWORD', 'NVIDIA_API_KEY', 'CUDA_LICENSE_TOKEN']) {
      expect(env, secret).not.toHaveProperty(secret);
    }
  });

  it('adds the names and prefixes PERF_CHILD_ENV_ALLOW lists, but never a secret-like one', () => {
    const { passedNames } = allowListedEnv({ ...RUNNER_ENV, SITE_GPU_POOL: 'a', OMPI_X: '1', OMPI_Y: '2', PERF_CHILD_ENV_ALLOW: 'SITE_GPU_POOL, OMPI_*' });
    expect(passedNames).toEqual(expect.arrayContaining(['SITE_GPU_POOL', 'OMPI_X', 'OMPI_Y']));
    expect(passedNames).not.toContain('GITHUB_TOKEN');
    expect(() => allowListedEnv({ PERF_CHILD_ENV_ALLOW: 'GITHUB_TOKEN' })).toThrow(/PERF_CHILD_ENV_ALLOW="GITHUB_TOKEN": "GITHUB_TOKEN" names a secret/);
    expect(() => allowListedEnv({ PERF_CHILD_ENV_ALLOW: 'A B' })).toThrow(/"A B" is not a variable name or NAME_PREFIX_\*/);
    expect(() => allowListedEnv({ PERF_CHILD_ENV_ALLOW: '*' })).toThrow(/"\*" is not a variable name/);
  });
});

describe('the workers\' base environment', () => {
  it('is allow-listed, and the run record gets its names only', () => {
    const options = resolveRunOptions({
      scenario: makeShortScenario(),
      workerPath: FAKE_WORKER_PATH,
      runDir: '/tmp/unused',
      provider: createProviderDouble().provider,
      baseEnv: RUNNER_ENV,
    });
    expect(options.baseEnv).not.toHaveProperty('GITHUB_TOKEN');
    expect(options.baseEnv).not.toHaveProperty('ACTIONS_RUNTIME_TOKEN');
    expect(options.childEnv.passedNames).toContain('CUDA_VISIBLE_DEVICES');
    expect(options.childEnv.passedNames).not.toContain('GITHUB_TOKEN');
    expect(JSON.stringify(options.childEnv)).not.toMatch(/value/);
  });
});
