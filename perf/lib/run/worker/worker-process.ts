// One running worker: spawned with execa (no shell, its own environment, its own
// process group), stdout read line by line, stderr into its log file.
// It records what the worker said and how it ended; deciding what that means
// (ok, crash, hang, ...) is the orchestrator's job.

import { once } from 'node:events';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { execa, type ResultPromise } from 'execa';
import type { WorkerEnv } from '../../documents/types/arm-setup.ts';
import type { WorkerFingerprint } from '../../documents/types/fingerprint.ts';
import type { Role } from '../../documents/types/scenario.ts';
import { BadOutputError } from './bad-output-error.ts';
import { parseFingerprintJson } from './parse-fingerprint.ts';
import { parseWorkerLine } from './parse-worker-line.ts';
import { pinnedCommand } from '../../process/cpu-list.ts';
import { registerExitCleanup } from '../../process/exit-cleanup.ts';
import { signalProcessGroup } from '../../process/process-groups.ts';
import { stopProcess } from '../../process/stop-process.ts';

export interface SpawnWorkerOptions {
  workerPath: string;
  args: readonly string[];
  /** The whole environment of the worker (nothing is inherited). */
  env: WorkerEnv;
  role: Role;
  logPath: string;
  /** SIGTERM to SIGKILL delay when the suite stops the worker. */
  killGraceMs: number;
  onProgress?: (count: number) => void;
  /** The CPUs the worker runs on (the scenario's cpuPlacement); null or absent: wherever the kernel puts it. */
  cpus?: readonly number[] | null;
}

export interface WorkerExit {
  exitCode: number | null;
  signal: string | null;
  /** Why the process could not be started at all (e.g. ENOENT); null when it ran. */
  spawnError: string | null;
}

/** Why the suite stopped a worker itself; null when it ended on its own. */
export interface WorkerStop {
  reason: 'never-ready' | 'hang' | 'aborted' | 'peer-failed' | 'bad-ready' | 'setup-failed';
  detail: string;
  /** SIGTERM was not enough within the grace period; SIGKILL was sent. */
  forced: boolean;
}

export class WorkerProcess {
  fingerprint: WorkerFingerprint | null = null;
  readyAtNs: bigint | null = null;
  readyError: BadOutputError | null = null;
  donePath: string | null = null;
  progressCount: number | null = null;
  /** When the latest PROGRESS line arrived (process.hrtime.bigint(), the suite's monotonic clock): a count is as old as its line. */
  progressAtNs: bigint | null = null;
  /** The running P99 of the latest PROGRESS line (hp workers send it), in microseconds. */
  progressP99Us: number | null = null;
  /** stdout lines that are not protocol lines (kept for bad-output messages). */
  readonly strayStdoutLines: string[] = [];
  stop: WorkerStop | null = null;
  startSent = false;
  exit: WorkerExit | null = null;
  /** Settles when READY arrived (valid or not) or the process ended. */
  readonly readyOrExit: Promise<void>;
  readonly exited: Promise<WorkerExit>;
  readonly pid: number | undefined;

  constructor(
    private readonly subprocess: ResultPromise,
    readonly options: SpawnWorkerOptions,
  ) {
    this.pid = subprocess.pid;
    const pgid = this.pid;
    const unregister = pgid === undefined
      ? () => undefined
      : registerExitCleanup(() => void signalProcessGroup(pgid, 'SIGKILL'), { kind: 'process', pid: pgid, group: true, signal: 'SIGTERM' });
    subprocess.stdin?.on('error', () => {
      // EPIPE after the worker exited: its exit status says what happened.
    });
    let settleReady = (): void => {};
    this.readyOrExit = new Promise<void>((resolve) => (settleReady = resolve));
    const lines = subprocess.stdout ? createInterface({ input: subprocess.stdout, crlfDelay: Infinity }) : null;
    lines?.on('line', (line) => this.handleLine(line, settleReady));
    const linesClosed = lines ? once(lines, 'close') : Promise.resolve();
    this.exited = Promise.all([subprocess, linesClosed]).then(([result]) => {
      const spawnFailed = result.failed && result.exitCode === undefined && result.signal === undefined;
      const exit: WorkerExit = {
        exitCode: result.exitCode ?? null,
        signal: result.signal ?? null,
        spawnError: spawnFailed ? (result.originalMessage ?? result.shortMessage ?? 'unknown spawn error') : null,
      };
      this.exit = exit;
      unregister();
      settleReady();
      return exit;
    });
  }

  get role(): Role {
    return this.options.role;
  }

  get logPath(): string {
    return this.options.logPath;
  }

  /** Writes `START s e`; the stream stays open, since stdin EOF tells the worker to stop. */
  sendStart(startNs: bigint, endNs: bigint): void {
    this.startSent = true;
    this.subprocess.stdin?.write(`START ${startNs} ${endNs}\n`);
  }

  /** Stops the whole process group: stdin EOF and SIGTERM, then SIGKILL after the grace period. */
  async stopWith(reason: WorkerStop['reason'], detail: string): Promise<WorkerExit> {
    if (this.exit) return this.exit;
    this.stop ??= { reason, detail, forced: false };
    this.subprocess.stdin?.end();
    const outcome = await stopProcess(this.subprocess, { steps: [{ signal: 'SIGTERM', graceMs: this.options.killGraceMs }], group: true });
    if (outcome.lastSignalSent === 'SIGKILL') this.stop.forced = true;
    return this.exited;
  }

  private handleLine(line: string, settleReady: () => void): void {
    const parsed = parseWorkerLine(line);
    if (parsed.type === 'ready' && this.fingerprint === null && this.readyError === null) {
      this.readyAtNs = process.hrtime.bigint();
      try {
        this.fingerprint = parseFingerprintJson(`READY line of the ${this.role} worker`, parsed.json);
      } catch (error) {
        this.readyError = error as BadOutputError;
      }
      settleReady();
    } else if (parsed.type === 'progress') {
      this.progressCount = parsed.count;
      this.progressAtNs = process.hrtime.bigint();
      this.progressP99Us = parsed.hpP99Us;
      this.options.onProgress?.(parsed.count);
    } else if (parsed.type === 'done') {
      this.donePath = parsed.path;
    } else {
      this.strayStdoutLines.push(line);
      if (this.strayStdoutLines.length > 20) this.strayStdoutLines.shift();
    }
  }
}

/** Starts the worker. Never throws for a worker that cannot start: that shows in `exit.spawnError`. */
export async function spawnWorker(options: SpawnWorkerOptions): Promise<WorkerProcess> {
  await mkdir(dirname(options.logPath), { recursive: true });
  // Lets the worker see that its parent died before PR_SET_PDEATHSIG took hold (docs/protocol.md).
  const command = pinnedCommand(options.workerPath, options.args, { ...options.env, XSP_PARENT_PID: String(process.pid) }, options.cpus);
  const header = `# xsched-perf: ${command.file} ${command.args.join(' ')}\n`;
  await appendFile(options.logPath, header);
  const subprocess = execa(command.file, command.args, {
    extendEnv: false,
    env: command.env,
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: { file: options.logPath, append: true },
    buffer: false,
    detached: true,
    // A no-op for detached children in execa 9; exit-cleanup.ts does the exit-time kill.
    cleanup: true,
    forceKillAfterDelay: false,
    reject: false,
  });
  return new WorkerProcess(subprocess, options);
}
