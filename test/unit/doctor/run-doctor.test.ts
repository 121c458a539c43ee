import { mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctorExitCode, formatFinding } from '../../../perf/lib/run/doctor/finding.ts';
import { runDoctor, runDoctorReport } from '../../../perf/lib/run/doctor/run-doctor.ts';
import { builtArchitectures } from '../../../perf/lib/run/doctor/worker-checks.ts';
import type { ProbeFingerprint } from '../../../perf/lib/run/gpu/parse-probe.ts';
import { fixtureTools } from '../../doubles/fixture-tools.ts';
import { fakeHost } from './fake-host.ts';

const WORKER = '/repo/native/build/amd/xsched-perf-worker';
const probe = (arch: string, platform: 'hip-amd' | 'cuda'): ProbeFingerprint => ({
  workerVersion: '0.2.0', hostname: 'runner', platform, runtimeVersion: '5.2', driverVersion: '5.2',
  gpu: { index: 0, name: platform === 'cuda' ? 'NVIDIA H200' : 'AMD Instinct MI210', arch, uuid: 'GPU-1', pciBusId: '0000:03:00.0', memoryTotalBytes: 1, multiprocessorCount: 104 },
});
const probed = (arch: string, platform: 'hip-amd' | 'cuda' = 'hip-amd') => async () => ({ workerPath: WORKER, probe: probe(arch, platform) });
const CACHE = { [`/repo/native/build/amd/CMakeCache.txt`]: 'XSP_PLATFORM:STRING=amd\nXSP_GPU_ARCHS:STRING=gfx908;gfx90a\n' };

const temp = mkdtempSync(join(tmpdir(), 'doctor-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** An XSched install tree with the files the suite's install check wants (HIP shim). */
function fakeHipInstall(): { root: string; driverDir: string } {
  const root = join(temp, 'xsched');
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'lib'), { recursive: true });
  writeFileSync(join(root, 'bin', 'xserver'), '#!/bin/sh\n');
  chmodSync(join(root, 'bin', 'xserver'), 0o755);
  writeFileSync(join(root, 'lib', 'libshimhip.so'), '');
  const driverDir = join(temp, 'rocm-lib');
  mkdirSync(driverDir, { recursive: true });
  writeFileSync(join(driverDir, 'libamdhip64.so'), '');
  return { root, driverDir };
}

describe('runDoctor', () => {
  it('names the one missing thing on a host without GPU device nodes, and exits 1', async () => {
    const findings = await runDoctor(fakeHost({}));
    expect(findings.map(formatFinding)).toEqual([
      'FIX  gpu.device-nodes: no GPU device node: looked for /dev/kfd (AMD) and /dev/nvidiactl (NVIDIA) -> install the GPU driver; in a container pass the devices (AMD: --device /dev/kfd --device /dev/dri; NVIDIA: --gpus all)',
    ]);
    expect(doctorExitCode(findings)).toBe(1);
  });

  it('runDoctorReport hands on the probe and the settings it read, for suite/doctor/ to use rather than read again', async () => {
    let probes = 0;
    const once = async () => {
      probes += 1;
      return { workerPath: WORKER, probe: probe('gfx90a', 'hip-amd') };
    };
    const host = fakeHost({ nodes: { '/dev/kfd': true }, dirs: { '/dev/dri': [] }, files: CACHE, env: { PERF_SCENARIOS: 'quick' } });
    const report = await runDoctorReport(host, { probeGpu: once, cwd: temp });
    expect(probes).toBe(1);
    expect(report.probe?.gpu.arch).toBe('gfx90a');
    expect(report.settings?.scenarios).toEqual(['quick']);
    const invalid = await runDoctorReport(fakeHost({ env: { PERF_SCENARIOS: 'no-such-scenario' } }), { cwd: temp });
    expect(invalid).toMatchObject({ probe: null, settings: null });
  });

  it('on an AMD host outside the render group: names /dev/kfd, the render node and the group fix', async () => {
    const host = fakeHost({ nodes: { '/dev/kfd': false, '/dev/dri/renderD128': false }, dirs: { '/dev/dri': ['card0', 'renderD128'] }, groups: ['runner'], files: CACHE });
    const findings = await runDoctor(host, { probeGpu: probed('gfx90a') });
    const byId = Object.fromEntries(findings.map((f) => [f.id, f]));
    expect(byId['amd.kfd-access']?.status).toBe('fix');
    expect(byId['amd.kfd-access']?.fix).toContain('usermod -aG render,video');
    expect(byId['amd.render-nodes']).toMatchObject({ status: 'fix', message: 'render nodes not usable by this user: renderD128' });
    expect(byId['amd.groups']?.status).toBe('warn');
    expect(doctorExitCode(findings)).toBe(1);
  });

  it('refuses a worker built for other architectures than the GPU (gfx942 GPU, gfx908/gfx90a build)', async () => {
    const host = fakeHost({ nodes: { '/dev/kfd': true, '/dev/dri/renderD128': true }, dirs: { '/dev/dri': ['renderD128'] }, groups: ['render', 'video'], files: CACHE });
    const findings = await runDoctor(host, { probeGpu: probed('gfx942:sramecc+:xnack-') });
    expect(findings.find((f) => f.id === 'worker.arch')).toMatchObject({
      status: 'fix',
      message: `worker built for gfx908, gfx90a, but GPU 0 is gfx942: its kernels cannot run there`,
      fix: 'npm run build:native -- --arch gfx942',
    });
  });

  it('passes a ready AMD host with an XSched install, and warns without XSCHED_ROOT that scenarios would be untested', async () => {
    const { root, driverDir } = fakeHipInstall();
    const tools = fixtureTools({ 'amd-smi process': 'amd-smi-process-none.gpu-data.json', 'amd-smi metric': 'amd-smi-metric-idle.json' }).run;
    const base = { nodes: { '/dev/kfd': true, '/dev/dri/renderD128': true }, dirs: { '/dev/dri': ['renderD128'] }, groups: ['render', 'video'], files: CACHE, tools };
    const ready = await runDoctor(fakeHost({ ...base, env: { XSCHED_ROOT: root } }), { probeGpu: probed('gfx90a'), driverSearchDirs: [driverDir] });
    expect(ready.filter((f) => f.status !== 'ok')).toEqual([]);
    expect(ready.map((f) => f.id)).toEqual(['amd.kfd-access', 'amd.render-nodes', 'gpu.probe', 'worker.arch', 'gpu.foreign-processes', 'gpu.throttle', 'gpu.ecc', 'xsched.install', 'port.loopback']);
    expect(doctorExitCode(ready)).toBe(0);

    const noXsched = await runDoctor(fakeHost(base), { probeGpu: probed('gfx90a') });
    expect(noXsched.find((f) => f.id === 'xsched.install')).toMatchObject({ status: 'warn' });
    expect(doctorExitCode(noXsched)).toBe(0);
  });

  it('without XSCHED_ROOT in strict mode (CI=true) is a FIX: that run could only be untested, which fails', async () => {
    const tools = fixtureTools({ 'amd-smi process': 'amd-smi-process-none.gpu-data.json', 'amd-smi metric': 'amd-smi-metric-idle.json' }).run;
    const base = { nodes: { '/dev/kfd': true, '/dev/dri/renderD128': true }, dirs: { '/dev/dri': ['renderD128'] }, groups: ['render', 'video'], files: CACHE, tools };
    const strict = await runDoctor(fakeHost({ ...base, env: { CI: 'true' } }), { probeGpu: probed('gfx90a') });
    expect(strict.find((f) => f.id === 'xsched.install')).toMatchObject({ status: 'fix', message: expect.stringContaining('strict mode (CI=true or PERF_STRICT=1) fails an untested run') });
    expect(doctorExitCode(strict)).toBe(1);
  });

  it('on NVIDIA: a missing MPS control and a busy fixed port are named', async () => {
    const host = fakeHost({
      nodes: { '/dev/nvidiactl': true, '/dev/nvidia0': true }, dirs: { '/dev': ['nvidiactl', 'nvidia0', 'nvidia-uvm'] },
      env: { PATH: '/nonexistent', PERF_XSCHED_PORT: '50000' }, busyPorts: [50000],
      files: { '/repo/native/build/amd/CMakeCache.txt': 'XSP_GPU_ARCHS:STRING=90\n' },
    });
    const findings = await runDoctor(host, { probeGpu: probed('sm_90', 'cuda') });
    const byId = Object.fromEntries(findings.map((f) => [f.id, f]));
    expect(byId['nvidia.device-nodes']?.status).toBe('ok');
    expect(byId['worker.arch']?.status).toBe('ok');
    expect(byId['nvidia.mps-control']?.status).toBe('warn');
    expect(byId['port.loopback']).toMatchObject({ status: 'fix', message: '127.0.0.1:50000 is in use' });
  });
});

describe('builtArchitectures', () => {
  it('reads nvcc and hipcc architecture lists from the CMake cache', () => {
    expect(builtArchitectures('XSP_GPU_ARCHS:STRING=90\n')).toEqual(['sm_90']);
    expect(builtArchitectures('X:BOOL=ON\nXSP_GPU_ARCHS:STRING=gfx908;gfx90a\n')).toEqual(['gfx908', 'gfx90a']);
    expect(builtArchitectures('XSP_GPU_ARCHS:STRING=\n')).toBeNull();
    expect(builtArchitectures('')).toBeNull();
  });
});
