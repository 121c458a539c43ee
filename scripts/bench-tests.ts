// Times the unit tests the way `npm test` runs them and prints the Vitest time (first file
// start to last file end), the machine's cores and the slowest files: the number the
// 60 s target of docs/benchmarks.md is about. With --cpu, also the CPU each file took in its
// Vitest worker and in the processes it started (scripts/bench-tests/cpu-per-file.ts).
//   npm run bench:tests [-- --top 15] [-- --cpu]
// Exit codes: 0 measured (whatever the time), 1 Vitest failed or wrote no report, 2 bad command line.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { rankCpuLog, type FileCpu } from './bench-tests/cpu-per-file.ts';
import { runWhenInvoked, type Script, type ScriptIo } from './script-main.ts';

const USAGE = 'usage: bench-tests [--top <files to list, default 10>] [--cpu]';

interface VitestJsonFile {
  name: string;
  startTime: number;
  endTime: number;
  status: string;
}

export interface TestTimeSummary {
  vitestMs: number;
  fileCount: number;
  failedFiles: string[];
  slowest: Array<{ file: string; durationMs: number }>;
}

/** What Vitest's JSON report says about time: the span of its files, and the slowest of them. */
export function summarizeVitestJson(report: { startTime: number; testResults: VitestJsonFile[] }, root: string, top: number): TestTimeSummary {
  const files = report.testResults.map((f) => ({ file: relative(root, f.name), durationMs: f.endTime - f.startTime }));
  const lastEnd = Math.max(report.startTime, ...report.testResults.map((f) => f.endTime));
  return {
    vitestMs: lastEnd - report.startTime,
    fileCount: files.length,
    failedFiles: report.testResults.filter((f) => f.status !== 'passed').map((f) => relative(root, f.name)),
    slowest: files.sort((a, b) => b.durationMs - a.durationMs).slice(0, top),
  };
}

export async function main(argv: string[], io: ScriptIo): Promise<number> {
  let top: number;
  let cpu: boolean;
  try {
    const { values } = parseArgs({ args: argv, options: { top: { type: 'string', default: '10' }, cpu: { type: 'boolean', default: false } } });
    top = Number(values.top);
    cpu = values.cpu;
    if (!Number.isInteger(top) || top < 0) throw new Error(`--top must be a whole number >= 0, got ${JSON.stringify(values.top)}`);
  } catch (error) {
    io.err(`bench-tests: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'bench-tests-'));
  try {
    const out = join(work, 'vitest.json');
    const cpuLog = join(work, 'cpu.log');
    const env = cpu ? { ...io.env, XSP_TEST_CPU_LOG: cpuLog } : io.env;
    const run = await execa('npx', ['vitest', 'run', '--project', 'unit', '--reporter=json', `--outputFile=${out}`], { cwd: io.cwd, env, reject: false, all: true });
    let summary: TestTimeSummary;
    try {
      summary = summarizeVitestJson(JSON.parse(readFileSync(out, 'utf8')), io.cwd, top);
    } catch (error) {
      io.err(`bench-tests: Vitest wrote no readable report (exit ${run.exitCode}): ${(error as Error).message}\n${run.all}`);
      return 1;
    }
    io.out(`Vitest time of the unit project: ${(summary.vitestMs / 1000).toFixed(1)} s, ${summary.fileCount} files, on ${availableParallelism()} cores, ${new Date().toISOString().slice(0, 10)} (target: 60 s on 2 cores, docs/benchmarks.md)`);
    for (const { file, durationMs } of summary.slowest) io.out(`  ${(durationMs / 1000).toFixed(1).padStart(6)} s  ${file}`);
    if (cpu) printCpu(existsSync(cpuLog) ? rankCpuLog(readFileSync(cpuLog, 'utf8'), io.cwd) : [], top, io);
    if (run.exitCode !== 0) io.err(`bench-tests: the time is of a failing run (Vitest exit ${run.exitCode}); failed: ${summary.failedFiles.join(', ') || 'no file (see Vitest\'s errors)'}`);
    return run.exitCode === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** CPU per file, most first; the totals leave out Vitest's own start-up and module loading. */
function printCpu(files: FileCpu[], top: number, io: ScriptIo): void {
  const total = (pick: (f: FileCpu) => number): string => files.reduce((sum, f) => sum + pick(f), 0).toFixed(1);
  io.out(`CPU in the test files: ${total((f) => f.ownS)} s in the Vitest workers, ${total((f) => f.childrenS)} s in the processes they started (${files.length} files)`);
  io.out('     own  children  file');
  for (const f of files.slice(0, top)) io.out(`  ${f.ownS.toFixed(1).padStart(6)} s ${f.childrenS.toFixed(1).padStart(6)} s  ${f.file}`);
}

export const script: Script = { name: 'bench-tests', main, errorExitCode: 1, usage: USAGE };
runWhenInvoked(import.meta.url, script);
