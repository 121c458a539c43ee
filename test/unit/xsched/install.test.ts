import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readXschedConfig } from '../../../perf/lib/plan/config/xsched-settings.ts';
import { checkXschedInstall, XschedInstallError } from '../../../perf/lib/run/xsched/install.ts';
import { makeFakeInstall, removeFakeInstalls } from './fake-install.ts';

afterAll(removeFakeInstalls);

function check(root: string, platform: 'cuda' | 'hip-amd', driverDir: string, extra: Record<string, string> = {}) {
  return checkXschedInstall(readXschedConfig({ XSCHED_ROOT: root, ...extra }, platform), { driverSearchDirs: [driverDir] });
}

describe('checkXschedInstall', () => {
  it('accepts a complete HIP install and names the files it will use', () => {
    const fake = makeFakeInstall();
    const install = check(fake.root, 'hip-amd', fake.driverDir);
    expect(install.xserverPath).toBe(join(fake.root, 'bin', 'xserver'));
    expect(install.shimPath).toBe(join(fake.root, 'lib', 'libshimhip.so'));
    expect(install.driverFoundAt).toBe(join(fake.driverDir, 'libamdhip64.so'));
    expect(install.driverLibrary).toBeNull();
  });

  it('accepts a complete CUDA install', () => {
    const fake = makeFakeInstall();
    const install = check(fake.root, 'cuda', fake.driverDir);
    expect(install.shimPath).toBe(join(fake.root, 'lib', 'libshimcuda.so'));
    expect(install.driverFoundAt).toBe(join(fake.driverDir, 'libcuda.so.1'));
  });

  it('names a missing root', () => {
    expect(() => check('/nonexistent/xsched-root', 'cuda', '/tmp')).toThrow('XSCHED_ROOT=/nonexistent/xsched-root does not exist or is not a directory');
  });

  it('names a missing bin/xserver', () => {
    const fake = makeFakeInstall({ xserver: false });
    expect(() => check(fake.root, 'hip-amd', fake.driverDir)).toThrow(`${join(fake.root, 'bin', 'xserver')} does not exist`);
  });

  it('names an xserver that is not executable', () => {
    const fake = makeFakeInstall();
    chmodSync(join(fake.root, 'bin', 'xserver'), 0o644);
    expect(() => check(fake.root, 'hip-amd', fake.driverDir)).toThrow('is not executable');
  });

  it('names a missing HIP shim', () => {
    const fake = makeFakeInstall({ hipShim: false });
    expect(() => check(fake.root, 'hip-amd', fake.driverDir)).toThrow(`the XSched HIP shim is missing: ${join(fake.root, 'lib', 'libshimhip.so')}`);
  });

  it('names a missing CUDA shim and a missing libcuda.so.1 link', () => {
    expect(() => check(makeFakeInstall({ cudaShim: false }).root, 'cuda', '/tmp')).toThrow('the XSched CUDA shim is missing');
    const noLink = makeFakeInstall({ cudaLink: false });
    expect(() => check(noLink.root, 'cuda', noLink.driverDir)).toThrow('SHIM_SOFTLINK=ON');
  });

  it('says when the shim would find no real driver, and how to point at one', () => {
    const fake = makeFakeInstall();
    rmSync(join(fake.driverDir, 'libcuda.so.1'));
    expect(() => check(fake.root, 'cuda', fake.driverDir)).toThrow(XschedInstallError);
    expect(() => check(fake.root, 'cuda', fake.driverDir)).toThrow(/none of libcuda.so, libcuda.so.1 is in .*set PERF_XSCHED_CUDA_LIB/);
    const explicit = join(fake.scratch, 'libcuda.so.570');
    writeFileSync(explicit, '');
    expect(check(fake.root, 'cuda', fake.driverDir, { PERF_XSCHED_CUDA_LIB: explicit }).driverLibrary).toBe(explicit);
    expect(() => check(fake.root, 'cuda', fake.driverDir, { PERF_XSCHED_CUDA_LIB: '/nonexistent/libcuda.so.1' })).toThrow('PERF_XSCHED_CUDA_LIB=/nonexistent/libcuda.so.1 does not exist');
  });
});
