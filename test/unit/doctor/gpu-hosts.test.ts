// perf:doctor on described hosts (test/unit/doctor/fake-host.ts) whose vendor tools answer with
// the outputs in test/fixtures/environment/ (test/doubles/fixture-tools.ts): a healthy H200 with
// the nvidia-smi outputs recorded on one (*.recorded-h200.*) passes; each host that lacks one
// thing is named by exactly that FIX line and exits 1.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctorExitCode, formatFinding, type DoctorFinding } from '../../../perf/lib/run/doctor/finding.ts';
import { runDoctor } from '../../../perf/lib/run/doctor/run-doctor.ts';
import type { ProbeFingerprint } from '../../../perf/lib/run/gpu/parse-probe.ts';
import { fixtureTools } from '../../doubles/fixture-tools.ts';
import { fakeHost, type FakeHostSpec } from './fake-host.ts';

const temp = mkdtempSync(join(tmpdir(), 'doctor-gpu-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function executable(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

/** An XSched CUDA install tree with the files the install check wants, and a directory with the real driver. */
function cudaInstall(): { root: string; driverDir: string } {
  const root = join(temp, 'xsched');
  executable(join(root, 'bin', 'xserver'));
  for (const lib of ['libshimcuda.so', 'libcuda.so.1']) executable(join(root, 'lib', lib));
  const driverDir = join(temp, 'driver');
  executable(join(driverDir, 'libcuda.so.1'));
  return { root, driverDir };
}

// The H200 the nvidia-smi outputs were recorded on (test/fixtures/environment/README.md); the
// probe itself is described here, with that GPU's UUID and driver.
const H200_UUID = 'GPU-d5fbc3d6-8f86-2f3d-19fd-5019a762b534';
const WORKER = '/repo/native/build/nvidia/xsched-perf-worker';
const h200Probe: ProbeFingerprint = {
  workerVersion: '0.2.0', hostname: 'h200', platform: 'cuda', runtimeVersion: '13.0', driverVersion: '580.159.04',
  gpu: { index: 0, name: 'NVIDIA H200', arch: 'sm_90', uuid: H200_UUID, pciBusId: '0000:00:06.0', memoryTotalBytes: 150754820096, multiprocessorCount: 132 },
};
const IDLE = { 'query-compute-apps': 'compute-apps-idle.nvidia-smi.csv', clocks_event_reasons: 'query-gpu-idle.recorded-h200.nvidia-smi.csv' };

const { root, driverDir } = cudaInstall();
const healthyH200: FakeHostSpec = {
  nodes: { '/dev/nvidiactl': true, '/dev/nvidia0': true },
  dirs: { '/dev': ['nvidiactl', 'nvidia0', 'nvidia-uvm'] },
  env: { XSCHED_ROOT: root, PERF_MPS_CONTROL: executable(join(temp, 'bin', 'nvidia-cuda-mps-control')) },
  files: { '/repo/native/build/nvidia/CMakeCache.txt': 'XSP_PLATFORM:STRING=nvidia\nXSP_GPU_ARCHS:STRING=90\n' },
  tools: fixtureTools(IDLE).run,
};

async function doctor(spec: FakeHostSpec, probe: ProbeFingerprint = h200Probe): Promise<DoctorFinding[]> {
  return runDoctor(fakeHost(spec), { probeGpu: async () => ({ workerPath: WORKER, probe }), driverSearchDirs: [driverDir], cwd: temp });
}

const fixLines = (findings: DoctorFinding[]): string[] => findings.filter((f) => f.status === 'fix').map(formatFinding);

describe('perf:doctor on a healthy H200 (recorded nvidia-smi outputs)', () => {
  it('passes: every line ok, exit 0', async () => {
    const findings = await doctor(healthyH200);
    expect(findings.filter((f) => f.status !== 'ok').map(formatFinding)).toEqual([]);
    expect(findings.map((f) => f.id)).toEqual([
      'nvidia.device-nodes', 'gpu.probe', 'worker.arch', 'gpu.foreign-processes', 'gpu.throttle', 'gpu.ecc', 'gpu.compute-mode', 'xsched.install', 'nvidia.mps-control', 'port.loopback',
    ]);
    expect(findings.find((f) => f.id === 'gpu.throttle')?.message).toBe(`no clock-lowering reason active: ${H200_UUID} SM 345 MHz, 36 C, 80.45 W of 700 W limit`);
    expect(doctorExitCode(findings)).toBe(0);
  });
});

describe('perf:doctor names what a host lacks, one FIX line each', () => {
  it('no GPU: no device node', async () => {
    const findings = await doctor({ tools: fixtureTools(IDLE).run });
    expect(fixLines(findings)).toEqual([expect.stringMatching(/^FIX  gpu\.device-nodes: no GPU device node: looked for \/dev\/kfd \(AMD\) and \/dev\/nvidiactl \(NVIDIA\) -> install the GPU driver/)]);
    expect(doctorExitCode(findings)).toBe(1);
  });

  it('no permissions: the NVIDIA device nodes not readable and writable', async () => {
    const findings = await doctor({ ...healthyH200, nodes: { '/dev/nvidiactl': true, '/dev/nvidia0': false } });
    expect(fixLines(findings)).toEqual([expect.stringMatching(/^FIX  nvidia\.device-nodes: not readable and writable by this user: \/dev\/nvidia0 -> /)]);
    expect(doctorExitCode(findings)).toBe(1);
  });

  it('wrong architecture: a worker built for sm_80 on the sm_90 H200', async () => {
    const findings = await doctor({ ...healthyH200, files: { '/repo/native/build/nvidia/CMakeCache.txt': 'XSP_GPU_ARCHS:STRING=80\n' } });
    expect(fixLines(findings)).toEqual(['FIX  worker.arch: worker built for sm_80, but GPU 0 is sm_90: its kernels cannot run there -> npm run build:native -- --arch 90']);
    expect(doctorExitCode(findings)).toBe(1);
  });

  it('foreign process: the PyTorch python3 recorded on the H200', async () => {
    const tools = fixtureTools({ ...IDLE, 'query-compute-apps': 'compute-apps-python.recorded-h200.nvidia-smi.csv' }).run;
    const findings = await doctor({ ...healthyH200, tools });
    expect(fixLines(findings)).toEqual([
      `FIX  gpu.foreign-processes: 1 process(es) already use GPU 0 (${H200_UUID}): pid 461 "python3" (1386 MiB); every arm-trial would measure them too -> stop them (kill 461), or choose a GPU nobody uses with PERF_GPU`,
    ]);
    expect(doctorExitCode(findings)).toBe(1);
  });

  it('throttled: sw_power_cap and sw_thermal_slowdown active with no work running', async () => {
    const tools = fixtureTools({ ...IDLE, clocks_event_reasons: 'query-gpu-throttled.nvidia-smi.csv' }).run;
    // query-gpu-throttled is written by hand, for another H200's UUID: the probe names that GPU.
    const findings = await doctor({ ...healthyH200, tools }, { ...h200Probe, gpu: { ...h200Probe.gpu, uuid: 'GPU-5a42a730-3b10-43c7-c5fd-7180830df355' } });
    expect(fixLines(findings)).toEqual([expect.stringMatching(/^FIX  gpu\.throttle: clocks lowered with no work running: GPU-5a42a730-\S+ sw_power_cap, sw_thermal_slowdown \(SM 1395 MHz, 87 C, 699\.12 W of 700 W limit\) -> let the GPU cool down/)]);
    expect(doctorExitCode(findings)).toBe(1);
  });

  it('exclusive compute mode with a time-sliced scenario selected; fine when only MPS scenarios are', async () => {
    const tools = fixtureTools({ ...IDLE, clocks_event_reasons: 'query-gpu-exclusive.nvidia-smi.csv' }).run;
    const exclusive = { ...healthyH200, tools };
    const quick = await doctor(exclusive);
    expect(fixLines(quick)).toEqual([expect.stringMatching(/^FIX  gpu\.compute-mode: compute mode GPU-\S+ Exclusive_Process: one process per GPU, so the two workers of quick cannot share it -> sudo nvidia-smi/)]);
    const mpsOnly = await doctor({ ...exclusive, env: { ...exclusive.env, PERF_SCENARIOS: 'intensive-mps' } });
    expect(mpsOnly.find((f) => f.id === 'gpu.compute-mode')?.status).toBe('ok');
    expect(doctorExitCode(mpsOnly)).toBe(0);
  });

  it('uncorrected ECC errors', async () => {
    const tools = fixtureTools({ ...IDLE, clocks_event_reasons: 'query-gpu-ecc.nvidia-smi.csv' }).run;
    expect(fixLines(await doctor({ ...healthyH200, tools }))).toEqual([expect.stringMatching(/^FIX  gpu\.ecc: uncorrected \(volatile\) ECC errors: GPU-\S+: 2 -> reset the GPU/)]);
  });

  it('an MPS scenario selected without nvidia-cuda-mps-control', async () => {
    const findings = await doctor({ ...healthyH200, env: { XSCHED_ROOT: root, PATH: '/nonexistent', PERF_SCENARIOS: 'quick,standard-mps' } });
    expect(fixLines(findings)).toEqual([expect.stringMatching(/^FIX  nvidia\.mps-control: .*the selected scenario\(s\) standard-mps run under MPS -> install/)]);
  });

  it('settings a run would refuse', async () => {
    const findings = await doctor({ ...healthyH200, env: { ...healthyH200.env, PERF_SCENARIOS: 'quik' } });
    expect(fixLines(findings)).toEqual([expect.stringMatching(/^FIX  config\.settings: PERF_SCENARIOS="quik": expected a comma list/)]);
  });

  it('without nvidia-smi: the GPU checks say they could not look (warn), the run may start', async () => {
    const findings = await doctor({ ...healthyH200, tools: undefined });
    expect(findings.filter((f) => f.status === 'warn').map((f) => f.id)).toEqual(['gpu.foreign-processes', 'gpu.state']);
    expect(doctorExitCode(findings)).toBe(0);
  });
});

describe('perf:doctor on AMD (amd-smi outputs written from its documented format)', () => {
  const amd: FakeHostSpec = { nodes: { '/dev/kfd': true, '/dev/dri/renderD128': true }, dirs: { '/dev/dri': ['renderD128'] }, groups: ['render', 'video'], files: { '/repo/native/build/nvidia/CMakeCache.txt': 'XSP_GPU_ARCHS:STRING=gfx942\n' } };
  const mi300: ProbeFingerprint = { ...h200Probe, platform: 'hip-amd', gpu: { ...h200Probe.gpu, name: 'AMD Instinct MI300X', arch: 'gfx942:sramecc+:xnack-', uuid: '' } };

  it('names a foreign python3 (amd-smi process) and the ppt violation (amd-smi metric)', async () => {
    const tools = fixtureTools({ 'amd-smi process': 'amd-smi-process.json', 'amd-smi metric': 'amd-smi-metric.json' }).run;
    const ids = fixLines(await doctor({ ...amd, tools }, mi300));
    expect(ids).toEqual([
      expect.stringMatching(/^FIX  gpu\.foreign-processes: 2 process\(es\) already use GPU 0: pid 4001 "xsched-perf-worker" \(1342 MiB\); pid 51234 "python3" \(2120 MiB\)/),
      expect.stringMatching(/^FIX  gpu\.throttle: clocks lowered with no work running: 0 ppt \(SM 2100 MHz, 71 C, 542 W of \? W limit\)/),
    ]);
  });

  it('an MPS scenario selected on AMD, which a run would skip', async () => {
    const tools = fixtureTools({ 'amd-smi process': 'amd-smi-process-none.gpu-data.json', 'amd-smi metric': 'amd-smi-metric-idle.json' }).run;
    const findings = await doctor({ ...amd, tools, env: { PERF_SCENARIOS: 'quick,intensive-mps' } }, mi300);
    expect(fixLines(findings)).toEqual([expect.stringMatching(/^FIX  config\.sharing: selected intensive-mps: sharing mode "mps" is not available on hip-amd \(MPS is an NVIDIA feature/)]);
    expect(findings.filter((f) => f.status === 'warn').map((f) => f.id)).toEqual(['xsched.install']);
  });

  it('rocm-smi only: processes from rocm-smi, the state unchecked (warn)', async () => {
    const tools = fixtureTools({ 'rocm-smi --showpids': 'rocm-smi-showpids.json' }).run;
    const findings = await doctor({ ...amd, tools }, mi300);
    expect(findings.find((f) => f.id === 'gpu.foreign-processes')?.message).toContain('pid 51234');
    expect(findings.find((f) => f.id === 'gpu.state')?.status).toBe('warn');
  });
});
