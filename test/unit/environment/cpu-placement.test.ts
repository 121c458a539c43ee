// resolveCpuPlacement (perf/lib/run/gpu/cpu-placement.ts) on fake /proc and /sys trees: which
// CPUs `auto` takes, what an explicit list must satisfy, and what happens without taskset.

import { describe, expect, it } from 'vitest';
import { CpuPlacementError, resolveCpuPlacement, sysfsPciName } from '../../../perf/lib/run/gpu/cpu-placement.ts';
import { fakeCpuHost } from '../../fixtures/cpu-host.ts';

const BUS = '00000000:C1:00.0';
const fakeHost = (allowed: string, local: string | null, taskset = true) => fakeCpuHost(allowed, local, { taskset });

describe('resolveCpuPlacement', () => {
  it('auto: the first 4 allowed CPUs on the GPU\'s NUMA node', async () => {
    const host = fakeHost('2-63', '32-63');
    const { placement, warning } = await resolveCpuPlacement({ mode: 'auto' }, { pciBusId: BUS, ...host });
    expect(warning).toBeNull();
    expect(placement).toEqual({ cpus: [32, 33, 34, 35], chosenBy: "auto: the first 4 of the CPUs this process may use (2-63) on the GPU's NUMA node (local_cpulist 32-63)" });
  });

  it('auto: the first allowed CPUs when the node is unknown or none of its CPUs is allowed; fewer on a small host', async () => {
    expect((await resolveCpuPlacement({ mode: 'auto' }, { pciBusId: BUS, ...fakeHost('4-7,12', null) })).placement?.cpus).toEqual([4, 5, 6, 7]);
    expect((await resolveCpuPlacement({ mode: 'auto' }, { pciBusId: BUS, ...fakeHost('0-7', '32-63') })).placement?.cpus).toEqual([0, 1, 2, 3]);
    expect((await resolveCpuPlacement({ mode: 'auto' }, { pciBusId: null, ...fakeHost('0-1', '0-1') })).placement).toMatchObject({ cpus: [0, 1], chosenBy: expect.stringContaining('not known') });
  });

  it('auto without taskset: not pinned, with a warning that says what follows and how to fix it', async () => {
    const { placement, warning } = await resolveCpuPlacement({ mode: 'auto' }, { pciBusId: BUS, ...fakeHost('0-15', '0-15', false) });
    expect(placement).toBeNull();
    expect(warning).toMatch(/^PERF_CPUS=auto: not pinned, taskset is not on PATH \(Debian and Ubuntu: apt install util-linux\); a baseline recorded pinned is then not comparable/);
  });

  it('a list: used as given when every CPU is allowed; an error quoting it otherwise or without taskset', async () => {
    const host = fakeHost('0-7', '0-7');
    expect((await resolveCpuPlacement({ mode: 'list', cpus: [2, 3] }, { pciBusId: BUS, ...host })).placement).toEqual({ cpus: [2, 3], chosenBy: 'PERF_CPUS=2-3' });
    await expect(resolveCpuPlacement({ mode: 'list', cpus: [6, 7, 8, 9] }, { pciBusId: BUS, ...host })).rejects.toThrow(new CpuPlacementError('PERF_CPUS=6-9: CPU(s) 8-9 are not among those this process may use (0-7)'));
    await expect(resolveCpuPlacement({ mode: 'list', cpus: [0] }, { pciBusId: BUS, ...fakeHost('0-7', null, false) })).rejects.toThrow(/^PERF_CPUS=0: taskset is not on PATH/);
  });

  it('none: not pinned, nothing to say', async () => {
    expect(await resolveCpuPlacement({ mode: 'none' }, { pciBusId: BUS, ...fakeHost('0-7', '0-7', false) })).toEqual({ placement: null, warning: null });
  });

  it('names PCI devices as sysfs does', () => {
    expect(sysfsPciName('00000000:00:06.0')).toBe('0000:00:06.0');
    expect(sysfsPciName('0000:C1:00.0')).toBe('0000:c1:00.0');
  });
});
