import { describe, expect, it } from 'vitest';
import { gpuStateReader, readGpuProcesses, readGpuState } from '../../../perf/lib/run/environment/gpu-tools.ts';
import { cpuWindow, parsePidStat, parseProcStat } from '../../../perf/lib/run/environment/host-cpu.ts';
import { startEnvironmentSampler } from '../../../perf/lib/run/environment/sampler.ts';
import { fixtureTools } from '../../doubles/fixture-tools.ts';

const NVIDIA = { 'query-compute-apps': 'compute-apps-suite.nvidia-smi.csv', 'clocks_event_reasons': 'query-gpu-ok.nvidia-smi.csv' };

describe('environment sampler', () => {
  it('samples before, during and after, and measures host CPU while the workers live', async () => {
    const { run } = fixtureTools(NVIDIA);
    const sampler = startEnvironmentSampler({ platform: 'cuda', workerPids: [process.pid], intervalMs: 100, runTool: run });
    await new Promise((resolve) => setTimeout(resolve, 350));
    const record = await sampler.stop();
    const phases = record.gpuProcesses.map((s) => s.phase);
    expect(phases[0]).toBe('before');
    expect(phases.at(-1)).toBe('after');
    expect(phases.filter((p) => p === 'during').length).toBeGreaterThanOrEqual(2);
    expect(record.gpuProcesses[0]!.processes!.map((p) => p.pid)).toEqual([4001, 4002]);
    expect(record.gpuState[0]!.gpus![0]!.smClockMHz).toBe(1980);
    expect(record.hostCpu).not.toBeNull();
    expect(record.hostCpu!.cpus).toBeGreaterThan(0);
    expect(record.hostCpu!.windowMs).toBeGreaterThan(0);
    // This process stands in for a worker: its threads are read from the real /proc.
    expect(record.workerScheduling!.map((s) => s.pid)).toEqual([process.pid]);
    expect(record.workerScheduling![0]!.windowMs).toBeGreaterThan(0);
  });

  it('a missing tool is recorded as "not available: <why>", with no values', async () => {
    const { run } = fixtureTools({});
    const processes = await readGpuProcesses('cuda', run);
    expect(processes).toMatchObject({ value: null, notAvailable: 'not available: nvidia-smi is not on PATH' });
    const state = await readGpuState('cuda', run);
    expect(state.value).toBeNull();
    expect(state.notAvailable).toContain('nvidia-smi is not on PATH');
  });

  it('retries the GPU query with clocks_throttle_reasons on a driver that does not know clocks_event_reasons', async () => {
    const { run, calls } = fixtureTools({ clocks_throttle_reasons: 'query-gpu-ok.nvidia-smi.csv' });
    const state = await readGpuState('cuda', run);
    expect(state.value![0]!.computeMode).toBe('Default');
    expect(calls.map((c) => c.includes('clocks_throttle_reasons'))).toEqual([false, true]);
  });

  it('a reader that found the old driver asks for clocks_throttle_reasons at once from then on', async () => {
    const { run, calls } = fixtureTools({ clocks_throttle_reasons: 'query-gpu-ok.nvidia-smi.csv' });
    const readState = gpuStateReader('cuda', run);
    await readState();
    const second = await readState();
    expect(second.value![0]!.computeMode).toBe('Default');
    expect(calls.map((c) => c.includes('clocks_throttle_reasons'))).toEqual([false, true, true]);
  });

  it('a reader whose tool is missing keeps trying both names: nothing proved either unsupported', async () => {
    const { run, calls } = fixtureTools({});
    const readState = gpuStateReader('cuda', run);
    await readState();
    await readState();
    expect(calls.map((c) => c.includes('clocks_throttle_reasons'))).toEqual([false, true, false, true]);
  });

  it('AMD: amd-smi first, then rocm-smi', async () => {
    const rocm = await readGpuProcesses('hip-amd', fixtureTools({ '--showpids': 'rocm-smi-showpids.json' }).run);
    expect(rocm.source).toBe('rocm-smi --showpids --json');
    expect(rocm.value!.map((p) => p.pid)).toEqual([4001, 51234]);
    const amd = await readGpuState('hip-amd', fixtureTools({ metric: 'amd-smi-metric.json' }).run);
    expect(amd.value![0]!.performanceLevel).toBe('AUTO');
  });

  it('host CPU: other processes = busy - the suite, from /proc/stat and /proc/<pid>/stat ticks', () => {
    const stat = (user: number, idle: number, steal = 0): string => `cpu  ${user} 0 0 ${idle} 0 0 0 ${steal} 0 0\ncpu0 0\ncpu1 0\n`;
    expect(parseProcStat(stat(10, 90))).toEqual({ cpus: 2, busy: 10, total: 100, steal: 0 });
    expect(parseProcStat(stat(10, 80, 10))).toEqual({ cpus: 2, busy: 20, total: 100, steal: 10 });
    expect(parsePidStat('4001 (xsched perf) S 1 2 3 4 5 6 7 8 9 10 120 30 0 0')).toBe(150);
    const first = { atMs: 0, ...parseProcStat(stat(100, 900)), perPid: new Map([[4001, 0]]) };
    const last = { atMs: 10_000, ...parseProcStat(stat(1100, 1900)), perPid: new Map([[4001, 500]]) };
    // 2000 ticks over 2 CPUs: 1000 busy = 1 core, of which the worker's 500 = 0.5 core.
    expect(cpuWindow(first, last, { governors: null, notAvailable: 'not available: x' })).toMatchObject({ busyCores: 1, suiteCores: 0.5, otherCores: 0.5, stealCores: 0, windowMs: 10_000 });
    // 400 of the other 500 busy ticks stolen by the hypervisor: 0.4 core of steal within the 0.5 other.
    const stolen = { atMs: 10_000, ...parseProcStat(stat(700, 1900, 400)), perPid: new Map([[4001, 500]]) };
    expect(cpuWindow(first, stolen, { governors: null, notAvailable: 'not available: x' })).toMatchObject({ busyCores: 1, otherCores: 0.5, stealCores: 0.4 });
  });
});
