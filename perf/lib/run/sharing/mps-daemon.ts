// The suite's own MPS control daemon for one scenario: `nvidia-cuda-mps-control -d`
// with private pipe and log directories, stopped with `quit` on the control program's
// stdin. It never changes GPU settings (no compute mode, no nvidia-smi).

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  /** For process-exit handlers (synchronous). */
  quitSync(): void;
}

export interface StartMpsOptions {
  binary: string;
  directories: MpsDirectories;
  env: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
  procRoot?: string;
  signal?: AbortSignal;
}

const COMMAND_TIMEOUT_MS = 15_000;

function isSocket(path: string): boolean {
  try {
    return statSync(path).isSocket();
  } catch {
    return false;
  }
}

/** Runs the control program with output appended to `outputPath`; resolves with its exit status. */
function runControl(binary: string, args: string[], env: Record<string, string>, outputPath: string, input: string | null): Promise<number | string> {
  const fd = openSync(outputPath, 'a');
  return new Promise((resolve) => {
    const child = spawn(binary, args, { env, stdio: [input === null ? 'ignore' : 'pipe', fd, fd] });
    closeSync(fd);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(`no exit within ${COMMAND_TIMEOUT_MS} ms`);
    }, COMMAND_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    // 'exit', not 'close': a daemonizing child may hold the output file open.
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? `signal ${signal}`);
    });
    if (input !== null) child.stdin?.end(input);
  });
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
  const daemon = makeDaemon(options.binary, directories, clientEnv, env, outputPath, controlSocket, controlPid);
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
): RunningMpsDaemon {
  const isRunning = (): boolean => (controlPid !== null ? isProcessAlive(controlPid) : isSocket(controlSocket));
  let stopping: Promise<string | null> | null = null;
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
        const gone = await waitUntil(() => (isRunning() ? null : true), { timeoutMs: 10_000 });
        if (gone === null && controlPid !== null) process.kill(controlPid, 'SIGTERM');
        removeTemporaryPipe();
        if (gone !== null) return null;
        return `the MPS control daemon${controlPid === null ? '' : ` (pid ${controlPid})`} did not stop after 'quit' (control program status: ${status})${controlPid === null ? '' : '; sent SIGTERM'}`;
      })().catch((error: unknown) => `stopping the MPS control daemon failed: ${(error as Error).message}`);
      return stopping;
    },
    quitSync() {
      if (!isRunning()) return;
      spawnSync(binary, [], { env, input: 'quit\n', timeout: 5_000, stdio: ['pipe', 'ignore', 'ignore'] });
      removeTemporaryPipe();
    },
  };
}
