// A test double for the vendor tools (nvidia-smi, amd-smi, rocm-smi): each call is answered
// with the fixture file (test/fixtures/environment/) whose key the command line contains,
// else "not on PATH", as run/environment/gpu-tools.ts reports a missing tool.

import type { RunTool } from '../../perf/lib/run/environment/gpu-tools.ts';
import { readFixture } from '../unit/environment/fixture-files.ts';

export function fixtureTools(files: Record<string, string>): { run: RunTool; calls: string[] } {
  const calls: string[] = [];
  const run: RunTool = async (tool, args) => {
    calls.push(`${tool} ${args[0]}`);
    const key = Object.keys(files).find((k) => `${tool} ${args.join(' ')}`.includes(k));
    return key === undefined ? { notAvailable: `not available: ${tool} is not on PATH` } : { stdout: readFixture(files[key]!) };
  };
  return { run, calls };
}
