// The sharing mode of one scenario: nothing to start for time slicing (but an MPS
// daemon found running is an error: it changes the mode), the suite's own MPS control
// daemon for 'mps', nothing on AMD.

import type { WorkerEnv } from '../../documents/types/arm-setup.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import type { SharingEvidence } from '../../documents/types/run-record.ts';
import type { SharingMode } from '../../documents/types/scenario.ts';
import { findProcessesNamed, type ProcessSighting } from '../../process/daemon/process-scan.ts';
import { resolveSharing } from '../../plan/scenarios/sharing.ts';
import { findMpsControlBinary, MpsSetupError } from './mps-binary.ts';
import { startMpsDaemon, type RunningMpsDaemon } from './mps-daemon.ts';
import { createMpsDirectories } from './mps-directories.ts';
import { readMpsLogs } from './mps-log.ts';
import { applyMpsEnv } from './sharing-env.ts';
import { allowListedEnv } from '../../process/allowed-env.ts';

export interface SharingSession {
  requested: SharingMode;
  /** The mode in force: platform-default on NVIDIA is time slicing. */
  mode: SharingMode;
  envFor(baseEnv: WorkerEnv): WorkerEnv;
  /** What the mode looks like now (called at each arm's end). */
  evidence(): Promise<SharingEvidence>;
  /** Never throws: returns a problem to report, null when all went well. */
  close(): Promise<string | null>;
}

export interface OpenSharingOptions {
  requested: SharingMode;
  platform: WorkerPlatform | null;
  logDir: string;
  env: NodeJS.ProcessEnv;
  procRoot?: string;
  signal?: AbortSignal;
}

const MPS_PROCESS_NAMES = ['nvidia-cuda-mps-control', 'nvidia-cuda-mps-server'];

function describe(processes: readonly ProcessSighting[]): string {
  return processes.map((p) => `pid ${p.pid} (${p.cmdline || p.comm})`).join(', ');
}

export async function openSharing(options: OpenSharingOptions): Promise<SharingSession> {
  const mode = options.platform === null ? options.requested : resolveSharing(options.requested, options.platform);
  const procOptions = options.procRoot === undefined ? {} : { procRoot: options.procRoot };
  const findMps = (): ProcessSighting[] => findProcessesNamed(MPS_PROCESS_NAMES, procOptions);

  if (mode === 'platform-default') {
    return {
      requested: options.requested,
      mode,
      envFor: (env) => applyMpsEnv(env, null),
      evidence: async () => ({ requested: options.requested, details: { mode } }),
      close: async () => null,
    };
  }
  const running = findMps();
  if (running.length > 0) {
    const why = mode === 'mps' ? 'the suite starts its own MPS daemon with private directories and never shares one' : 'with MPS running the GPU is not time-sliced';
    throw new MpsSetupError(`an MPS daemon is already running: ${describe(running)}; ${why}. Stop it (echo quit | nvidia-cuda-mps-control, as its owner) and run again`);
  }
  if (mode === 'time-sliced') {
    return {
      requested: options.requested,
      mode,
      envFor: (env) => applyMpsEnv(env, null),
      evidence: async () => {
        const seen = findMps();
        return { requested: options.requested, details: { mode, mpsProcesses: seen.map((p) => ({ pid: p.pid, cmdline: p.cmdline || p.comm })) } };
      },
      close: async () => null,
    };
  }
  const daemonEnv = allowListedEnv(options.env);
  const daemon = await startMpsDaemon({
    binary: findMpsControlBinary(options.env),
    directories: createMpsDirectories(options.logDir),
    env: daemonEnv.env,
    ...procOptions,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return mpsSession(options.requested, daemon, [...daemonEnv.passedNames, ...Object.keys(daemon.clientEnv)].sort());
}

function mpsSession(requested: SharingMode, daemon: RunningMpsDaemon, daemonEnvNames: string[]): SharingSession {
  return {
    requested,
    mode: 'mps',
    envFor: (env) => applyMpsEnv(env, daemon.clientEnv),
    async evidence() {
      const logs = await readMpsLogs(daemon.directories.logDirectory);
      return {
        requested,
        details: {
          mode: 'mps',
          pipeDirectory: daemon.directories.pipeDirectory,
          logDirectory: daemon.directories.logDirectory,
          controlPid: daemon.controlPid ?? logs.controlPid,
          daemonRunning: daemon.isRunning(),
          serverPids: logs.serverPids,
          clientPids: logs.clientPids,
          problems: logs.problems,
          daemonEnvNames,
        },
      };
    },
    close: () => daemon.stop(),
  };
}
