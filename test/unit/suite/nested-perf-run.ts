// The nested `vitest run --project perf` of the end-to-end spec tests (specs-end-to-end.test.ts):
// the environment it gets (this one without PERF_* and XSCHED_*, CI off unless asked) and the
// fake worker test double's fast settings (test/doubles/native/fake-worker.cpp, docs/protocol.md).

import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { parseRunId } from '../../../perf/lib/store/results/run-directory.ts';
import { compiledDouble } from '../../doubles/compiled.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const fakeWorker = compiledDouble('fake-worker');
const vitestBin = join(repoRoot, 'node_modules/vitest/vitest.mjs');

/** What the fake worker reads from its environment: fast requests and iterations; its switches
 * pass the workers' allow list only when named (perf/lib/process/allowed-env.ts). */
export const FAST_WORKER = { FAKE_WORKER_HP_LATENCY_MS: '0.3', FAKE_WORKER_LP_ITER_MS: '5', PERF_CHILD_ENV_ALLOW: 'FAKE_WORKER_*' };

export function suiteEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith('PERF_') && !e[0].startsWith('XSCHED_')));
}

/** Runs the named perf spec files in a child process; CI is off (not strict) unless `env` sets it. */
export function runPerfSpecs(env: Record<string, string>, args: string[]) {
  return execa('node', [vitestBin, 'run', '--project', 'perf', ...args], { cwd: repoRoot, env: { ...suiteEnv(), CI: 'false', ...env }, extendEnv: false, reject: false, all: true, timeout: 150_000 });
}

/** The run directories (not replays) of `scenario` under `resultsDir`. */
export function runDirsOf(resultsDir: string, scenario: string): string[] {
  return readdirSync(resultsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && parseRunId(d.name)?.scenario === scenario)
    .map((d) => join(resultsDir, d.name));
}
