// How the orchestrator asks the XSched arm and the sharing mode (MPS) to prepare
// and prove themselves, without knowing their details (perf/lib/run/xsched, perf/lib/run/sharing).

import type { ArmName, Role, Scenario } from './scenario.ts';
import type { ReferenceEvidence, SharingEvidence, WorkerOutcome, XschedEvidence } from './run-record.ts';
import type { HelperProcess } from './environment.ts';

/** The whole environment a worker process gets (the orchestrator passes it with extendEnv: false). */
export type WorkerEnv = Record<string, string>;

export interface ArmSession {
  /** Environment for the worker of this role in this arm. */
  envFor(role: Role, baseEnv: WorkerEnv): WorkerEnv;
  /** After every worker printed READY, before START is sent. May throw to abort the arm. */
  afterReady(pids: Partial<Record<Role, number>>): Promise<void>;
  /** Once, about half way through the measurement window, while the workers run. */
  duringRun(pids: Partial<Record<Role, number>>): Promise<void>;
  /** Processes of this arm besides its workers (the xsched arm's xserver), for the environment sampler; absent: none. */
  helperProcesses?(): HelperProcess[];
  /** After the workers exited (successfully or not): the evidence this arm gathered. */
  finish(outcomes: WorkerOutcome[]): Promise<{ xsched: XschedEvidence | null; sharing: SharingEvidence | null; reference?: ReferenceEvidence | null }>;
  /** Always called, also after failures and aborts; must not throw. */
  close(): Promise<void>;
}

export interface ScenarioSession {
  /** Opens one arm-trial (e.g. starts an xserver for the xsched arm). */
  openArm(arm: ArmName, ctx: { trial: number; logDir: string }): Promise<ArmSession>;
  /** Always called at the end of the scenario (e.g. stops the MPS daemon); must not throw. */
  close(): Promise<void>;
}

export interface ArmSetupProvider {
  /** A one-line reason when the arm cannot run here (e.g. "XSCHED_ROOT is not set"), else null. */
  skipReason(arm: ArmName, scenario: Scenario): string | null;
  /** Before any arm of the scenario (e.g. starts the MPS daemon). */
  openScenario(scenario: Scenario, ctx: { logDir: string; signal?: AbortSignal }): Promise<ScenarioSession>;
}

export type ProgressEvent =
  | { type: 'scenario-start'; scenario: string; armTrials: number; estimatedMs: number }
  | { type: 'arm-start'; scenario: string; arm: ArmName; trial: number; trials: number; durationMs: number }
  | {
      type: 'arm-progress';
      scenario: string;
      arm: ArmName;
      trial: number;
      elapsedMs: number;
      remainingMs: number;
      /** Latest PROGRESS counts the workers printed (hp requests / lp iterations done). */
      done: Partial<Record<Role, number>>;
      /** The hp worker's running P99 over the requests finished so far (PROGRESS field p99Us); absent when not sent. */
      hpP99SoFarMs?: number;
      /** Elapsed ms when the hp count in `done` was printed: workers print at most every 5 s, so a rate over elapsedMs would read low. */
      hpDoneAtElapsedMs?: number;
    }
  | { type: 'arm-end'; scenario: string; arm: ArmName; trial: number; ok: boolean; skipped: string | null; message: string | null }
  | { type: 'scenario-end'; scenario: string; elapsedMs: number };
