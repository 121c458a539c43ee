// A test double of the doctor's HostView: a host described by its device nodes, files and groups.
import type { GpuProcess } from '../../../perf/lib/documents/types/environment.ts';
import type { HostView } from '../../../perf/lib/run/doctor/host-view.ts';
import type { RunTool } from '../../../perf/lib/run/environment/gpu-tools.ts';

export interface FakeHostSpec {
  env?: NodeJS.ProcessEnv;
  /** Path -> whether this user may read and write it. */
  nodes?: Record<string, boolean>;
  dirs?: Record<string, string[]>;
  files?: Record<string, string>;
  groups?: string[];
  busyPorts?: number[];
  /** The vendor tools (test/doubles/fixture-tools.ts); default: none on PATH. */
  tools?: RunTool;
  /** Processes with /dev/kfd open; default: the scan fails. */
  kfdProcesses?: GpuProcess[];
}

export function fakeHost(spec: FakeHostSpec): HostView {
  const nodes = spec.nodes ?? {};
  return {
    env: spec.env ?? {},
    exists: async (path) => path in nodes || path in (spec.files ?? {}),
    canReadWrite: async (path) => nodes[path] === true,
    list: async (dir) => spec.dirs?.[dir] ?? [],
    readText: async (path) => spec.files?.[path] ?? null,
    groupNames: async () => spec.groups ?? [],
    canBindLoopback: async (port) => !(spec.busyPorts ?? []).includes(port),
    runTool: spec.tools ?? (async (tool) => ({ notAvailable: `not available: ${tool} is not on PATH` })),
    scanKfd: async () => {
      if (spec.kfdProcesses === undefined) throw new Error('no /proc in this test double');
      return spec.kfdProcesses;
    },
  };
}
