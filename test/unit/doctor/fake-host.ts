// A test double of the doctor's HostView: a host described by its device nodes, files and groups.
import type { HostView } from '../../../perf/lib/run/doctor/host-view.ts';

export interface FakeHostSpec {
  env?: NodeJS.ProcessEnv;
  /** Path -> whether this user may read and write it. */
  nodes?: Record<string, boolean>;
  dirs?: Record<string, string[]>;
  files?: Record<string, string>;
  groups?: string[];
  busyPorts?: number[];
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
  };
}
