// The suite's own MPS control daemon for one scenario: `nvidia-cuda-mps-control -d`
// with private pipe and log directories, stopped with `quit` on the control program's
// stdin. It never changes GPU settings (no compute mode, no nvidia-smi).

import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { registerExitCleanup } from '../../process/exit-cleanup.ts';
import { checkGraceMs } from '../../process/stop-process.ts';
import { isProcessAlive } from '../../process/daemon/process-alive.ts';
import { findProcessesWithEnv } from '../../process/daemon/process-scan.ts';
import { waitUntil } from '../../process/daemon/wait-until.ts';
import { readLastLogLines } from '../worker/read-log-tail.ts';
import { MpsSetupError } from './mps-binary.ts';
import type { MpsDirectories } from './mps-directories.ts';

export interface RunningMpsDaemon {
  binary: string;
  directories: MpsDirectories;
  /** Found from the daemon's environment; null if it could not be told apart. */
  controlPid: number | null;
  /** What every client (worker) needs to reach this daemon. */
  clientEnv: Record<string, string>;
  isRunning(): boolean;
  /** Idempotent and never throws: returns what went wrong, null when it stopped cleanly. */
  stop(): Promise<string | null>;
}

export interface StartMpsOptions {
  binary: string;
  directories: MpsDirectories;
  env: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
  procRoot?: string;
  signal?: AbortSignal;
  /** After 'quit', how long the daemon may take to exit before SIGTERM. Default 2000 (a stop ends within 3 s). */
  stopGraceMs?: number;
}

const COMMAND_TIMEOUT_MS = 15_000;

function isSocket(path: string): boolean {
  try {
    return statSync(path).isSocket();
  } catch {
    return false;
  }
}

/** Runs the control program with output appended to `outputPath`; resolves with its exit status or what went wrong. */
async function runControl(binary: string, args: string[], env: Record<string, string>, outputPath: string, input: string | null): Promise<number | string> {
  const output = { file: outputPath, append: true };
  const result = await execa(binary, args, {
    env,
    extendEnv: false,
    ...(input === null ? { stdin: 'ignore' as const } : { input }),
    stdout: output,
    stderr: output,
    timeout: COMMAND_TIMEOUT_MS,
    reject: false,
    // `-d` daemonizes: its child keeps the output file open, so wait for the exit only.
    buffer: false,
  });
  if (result.timedOut) return `no exit within ${COMMAND_TIMEOUT_MS} ms`;
  if (result.exitCode !== undefined) return result.exitCode;
  return result.signal !== undefined ? `signal ${result.signal}` : (result.originalMessage ?? result.shortMessage ?? 'it did not run');
}

export async function startMpsDaemon(options: StartMpsOptions): Promise<RunningMpsDaemon> {
  const { directories } = options;
  const clientEnv = { CUDA_MPS_PIPE_DIRECTORY: directories.pipeDirectory, CUDA_MPS_LOG_DIRECTORY: directories.logDirectory };
  const env = { ...(options.env as Record<string, string>), ...clientEnv };
  const outputPath = join(directories.logDirectory, 'control-commands.log');
  const controlSocket = join(directories.pipeDirectory, 'control');
  const describeFailure = async (what: string): Promise<MpsSetupError> => {
    const lines = [...(await readLastLogLines(outputPath, 10)), ...(await readLastLogLines(join(directories.logDirectory, 'control.log'), 10))];
    return new MpsSetupError(`${what}\n  ${lines.join('\n  ')}`);
  };

  const status = await runControl(options.binary, ['-d'], env, outputPath, null);
  if (status !== 0) throw await describeFailure(`${options.binary} -d failed (${typeof status === 'number' ? `exit status ${status}` : status}); its output and control.log:`);
  const ready = await waitUntil(() => (isSocket(controlSocket) ? true : null), {
    timeoutMs: options.readyTimeoutMs ?? 10_000,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const procOptions = options.procRoot === undefined ? {} : { procRoot: options.procRoot };
  // Right after start-up, only the daemon itself has our private pipe directory in its environment.
  const controlPid = findProcessesWithEnv('CUDA_MPS_PIPE_DIRECTORY', directories.pipeDirectory, procOptions).find((p) => p.cmdline.includes('mps-control'))?.pid ?? null;
  const stopGraceMs = checkGraceMs('stopGraceMs', options.stopGraceMs ?? 2_000);
  const daemon = makeDaemon(options.binary, directories, clientEnv, env, outputPath, controlSocket, controlPid, stopGraceMs);
  if (ready === null) {
    await daemon.stop();
    throw await describeFailure(`the MPS control daemon made no socket ${controlSocket} within ${options.readyTimeoutMs ?? 10_000} ms; its output and control.log:`);
  }
  return daemon;
}

function makeDaemon(
  binary: string,
  directories: MpsDirectories,
  clientEnv: Record<string, string>,
  env: Record<string, string>,
  outputPath: string,
  controlSocket: string,
  controlPid: number | null,
  stopGraceMs: number,
): RunningMpsDaemon {
  const isRunning = (): boolean => (controlPid !== null ? isProcessAlive(controlPid) : isSocket(controlSocket));
  let stopping: Promise<string | null> | null = null;
  const quitSync = (): void => {
    if (!isRunning()) return;
    spawnSync(binary, [], { env, input: 'quit\n', timeout: 5_000, stdio: ['pipe', 'ignore', 'ignore'] });
    removeTemporaryPipe();
  };
  const unregister = registerExitCleanup(quitSync, { kind: 'mps-quit', binary, env, controlPid });
  const removeTemporaryPipe = (): void => {
    if (directories.pipeIsTemporary) rmSync(directories.pipeDirectory, { recursive: true, force: true });
  };
  return {
    binary,
    directories,
    controlPid,
    clientEnv,
    isRunning,
    stop() {
      stopping ??= (async () => {
        if (!isRunning()) return null;
        const status = await runControl(binary, [], env, outputPath, 'quit\n');
        const gone = await waitUntil(() => (isRunning() ? null : true), { timeoutMs: stopGraceMs, intervalMs: 50 });
        if (gone === null && controlPid !== null) process.kill(controlPid, 'SIGTERM');
        removeTemporaryPipe();
        if (gone !== null) return null;
        return `the MPS control daemon${controlPid === null ? '' : ` (pid ${controlPid})`} did not stop after 'quit' (control program status: ${status})${controlPid === null ? '' : '; sent SIGTERM'}`;
      })()
        .catch((error: unknown) => `stopping the MPS control daemon failed: ${(error as Error).message}`)
        .finally(unregister);
      return stopping;
    },
  };
}
