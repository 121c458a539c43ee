import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAmdSmiMetric, parseAmdSmiProcess, parseRocmSmiPids } from '../../../perf/lib/run/environment/amd-smi.ts';
import { nvidiaGpuQueryArgs, parseNvidiaComputeApps, parseNvidiaGpuQuery } from '../../../perf/lib/run/environment/nvidia-smi.ts';
import { FIXTURE_DIR, H200_UUID, readFixture } from './fixture-files.ts';

describe('nvidia-smi parsers', () => {
  it('read the compute apps: pid, command, MiB and GPU UUID; nothing for an idle GPU', () => {
    expect(parseNvidiaComputeApps(readFixture('compute-apps-idle.nvidia-smi.csv'))).toEqual([]);
    const apps = parseNvidiaComputeApps(readFixture('compute-apps-foreign.nvidia-smi.csv'));
    expect(apps.map((a) => a.pid)).toEqual([4001, 4002, 51234]);
    expect(apps[2]).toEqual({ pid: 51234, command: 'python3', usedMemoryMiB: 2120, gpuId: H200_UUID });
  });

  it('keep a process name that contains ", " whole', () => {
    expect(parseNvidiaComputeApps(`7, my, app, 12, ${H200_UUID}\n`)[0]).toMatchObject({ pid: 7, command: 'my, app', usedMemoryMiB: 12 });
  });

  it('read clocks, temperature, power, throttle reasons, ECC and modes of a GPU', () => {
    expect(parseNvidiaGpuQuery(readFixture('query-gpu-ok.nvidia-smi.csv'))).toEqual([
      { gpuId: H200_UUID, smClockMHz: 1980, memClockMHz: 3201, temperatureC: 41, powerW: 412.37, powerLimitW: 700, throttleReasons: [], eccCorrected: 0, eccUncorrected: 0, computeMode: 'Default', migMode: 'Disabled', persistenceMode: 'Enabled', performanceLevel: null },
    ]);
    expect(parseNvidiaGpuQuery(readFixture('query-gpu-throttled.nvidia-smi.csv'))[0]!.throttleReasons).toEqual(['sw_power_cap', 'sw_thermal_slowdown']);
    expect(parseNvidiaGpuQuery(readFixture('query-gpu-exclusive.nvidia-smi.csv'))[0]!.computeMode).toBe('Exclusive_Process');
  });

  it('turn [N/A] into null, never into a number', () => {
    const [gpu] = parseNvidiaGpuQuery(readFixture('query-gpu-na.nvidia-smi.csv'));
    expect(gpu).toMatchObject({ powerW: null, powerLimitW: null, eccCorrected: null, eccUncorrected: null, migMode: null, throttleReasons: [] });
  });

  it('reject a line with the wrong number of fields, quoting it', () => {
    expect(() => parseNvidiaGpuQuery('GPU-x, 1980\n')).toThrow(/has 2 fields, expected 16: "GPU-x, 1980"/);
    expect(nvidiaGpuQueryArgs('clocks_throttle_reasons')[0]).toContain('clocks_throttle_reasons.hw_slowdown');
  });
});

describe('nvidia-smi outputs recorded on an H200 (test/fixtures/environment/README.md)', () => {
  it('a PyTorch process is listed with its pid, name and GPU memory; idle and busy GPU states parse with no throttle reason', () => {
    expect(parseNvidiaComputeApps(readFixture('compute-apps-python.recorded-h200.nvidia-smi.csv'))).toEqual([
      { pid: 461, command: 'python3', usedMemoryMiB: 1386, gpuId: 'GPU-d5fbc3d6-8f86-2f3d-19fd-5019a762b534' },
    ]);
    const [busy] = parseNvidiaGpuQuery(readFixture('query-gpu-busy.recorded-h200.nvidia-smi.csv'));
    expect(busy).toMatchObject({ smClockMHz: 1980, memClockMHz: 3201, temperatureC: 59, powerW: 651.58, throttleReasons: [], computeMode: 'Default' });
    expect(parseNvidiaGpuQuery(readFixture('query-gpu-idle.recorded-h200.nvidia-smi.csv'))[0]).toMatchObject({ smClockMHz: 345, throttleReasons: [] });
  });
});

describe('every nvidia-smi file in the fixtures (hand-written and recorded)', () => {
  const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.nvidia-smi.csv'));
  it.each(files)('%s parses, with a GPU UUID on every line', (file) => {
    const parsed = file.startsWith('query-gpu') ? parseNvidiaGpuQuery(readFixture(file)) : parseNvidiaComputeApps(readFixture(file));
    for (const item of parsed) expect(item.gpuId).toMatch(/^GPU-[0-9a-f-]+$/);
  });
});

describe('AMD parsers', () => {
  it('amd-smi process: pid, name, VRAM in MiB, GPU index; "No running processes" is no process', () => {
    const processes = parseAmdSmiProcess(readFixture('amd-smi-process.json'));
    expect(processes).toEqual([
      { pid: 4001, command: 'xsched-perf-worker', usedMemoryMiB: 1342, gpuId: '0' },
      { pid: 51234, command: 'python3', usedMemoryMiB: 2120, gpuId: '0' },
    ]);
    expect(parseAmdSmiProcess(readFixture('amd-smi-process-none.gpu-data.json'))).toEqual([]);
  });

  it('rocm-smi --showpids: the PID<n> keys with name and VRAM bytes', () => {
    expect(parseRocmSmiPids(readFixture('rocm-smi-showpids.json'))).toEqual([
      { pid: 4001, command: 'xsched-perf-worker', usedMemoryMiB: 1342, gpuId: null },
      { pid: 51234, command: 'python3', usedMemoryMiB: 2120, gpuId: null },
    ]);
  });

  it('amd-smi metric: clocks, hotspot temperature, power, performance level, ECC and active violations', () => {
    expect(parseAmdSmiMetric(readFixture('amd-smi-metric.json'))).toEqual([
      { gpuId: '0', smClockMHz: 2100, memClockMHz: 1300, temperatureC: 71, powerW: 542, powerLimitW: null, throttleReasons: ['ppt'], eccCorrected: 0, eccUncorrected: 0, computeMode: null, migMode: null, persistenceMode: null, performanceLevel: 'AUTO' },
    ]);
  });
});
