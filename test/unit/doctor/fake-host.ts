// A test double of the doctor's HostView: a host described by its files, groups and tool outputs.
import type { HostView, ToolOutput } from '../../../perf/lib/run/doctor/host-view.ts';

export interface FakeHostSpec {
  env?: NodeJS.ProcessEnv;
  /** Path -> whether this user may read and write it. */
  nodes?: Record<string, boolean>;
  dirs?: Record<string, string[]>;
  files?: Record<string, string>;
  groups?: string[];
  tools?: Record<string, ToolOutput>;
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
    run: async (command, args) => spec.tools?.[[command, ...args].join(' ')] ?? { exitCode: null, stdout: '', stderr: `${command}: not found` },
    canBindLoopback: async (port) => !(spec.busyPorts ?? []).includes(port),
  };
}
