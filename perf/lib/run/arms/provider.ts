// The ArmSetupProvider the orchestrator uses: XSched (docs/xsched.md) and the GPU sharing
// mode (docs/sharing-modes.md) behind one small interface (perf/lib/documents/types/arm-setup.ts).

import type { ArmSetupProvider, ScenarioSession } from '../../documents/types/arm-setup.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import type { ArmName, Scenario } from '../../documents/types/scenario.ts';
import { openSharing } from '../sharing/sharing-session.ts';
import { openXschedArm } from '../xsched/arm.ts';
import { isXschedConfigured, readXschedConfig, type XschedConfig } from '../../plan/config/xsched-settings.ts';
import { checkXschedInstall, type XschedInstall } from '../xsched/install.ts';
import { assertPreloadReaches, locateLoopbackPreload } from '../xsched/loopback-preload.ts';
import { nativeArmSession, xschedArmSession } from './arm-sessions.ts';
import { armSpec } from '../../plan/scenarios/arms.ts';
import { mpsThreadPercentSession } from './mps-limit-session.ts';
import { checkGraceMs } from '../../process/stop-process.ts';

export interface ArmSetupProviderOptions {
  /** The suite's environment (default process.env): XSCHED_ROOT, PERF_XSCHED_*, PERF_MPS_CONTROL. */
  env?: NodeJS.ProcessEnv;
  /** The workers' platform from the probe; null when unknown (the xsched arm is then skipped). */
  platform: WorkerPlatform | null;
  /** Lock file serializing xservers on this host (default xserver.lock in the user's private directory: run/xsched/lock-directory.ts). */
  xserverLockPath?: string;
  /** Where the real GPU driver is looked for (default: XSched's own search directories). */
  driverSearchDirs?: readonly string[];
  /** Root of the process table (default /proc), for finding daemons others started. */
  procRoot?: string;
  /** Where the workers' /proc/<pid>/environ is read for reference-arm proof (default /proc). */
  workerProcRoot?: string;
  /** Where a problem met while closing is reported (closing never throws); default console.warn. */
  warn?: (message: string) => void;
  /** The xserver's SIGINT, then SIGTERM grace periods when an arm stops it (default run/xsched/xserver.ts's; tests pass less). */
  xserverStopGraceMs?: { sigintMs: number; sigtermMs: number };
}

export function createArmSetupProvider(options: ArmSetupProviderOptions): ArmSetupProvider {
  const env = options.env ?? process.env;
  const warn = options.warn ?? ((message: string) => console.warn(`xsched-perf: ${message}`));
  const stopGrace = options.xserverStopGraceMs;
  if (stopGrace !== undefined) {
    checkGraceMs('xserverStopGraceMs.sigintMs', stopGrace.sigintMs);
    checkGraceMs('xserverStopGraceMs.sigtermMs', stopGrace.sigtermMs);
  }

  const skipReason = (arm: ArmName, scenario?: Scenario): string | null => {
    if (armSpec(arm).setup === 'mps-thread-percentage') {
      if (options.platform !== null && options.platform !== 'cuda') return `${arm} is an NVIDIA MPS arm; this GPU's platform is ${options.platform}`;
      if (scenario !== undefined && scenario.sharing !== 'mps') return `${arm} needs sharing mode mps; scenario ${scenario.name} runs '${scenario.sharing}' (use a *-mps scenario or PERF_SHARING=mps)`;
      return null;
    }
    if (armSpec(arm).setup === 'cu-mask') {
      if (options.platform !== 'hip-amd') return `${arm} is an AMD CU-mask arm; this GPU's platform is ${options.platform ?? 'unknown (no worker probe)'}`;
      if (scenario !== undefined && (scenario.workload ?? 'native') !== 'native') return `${arm} needs the native worker (--cu-mask-percent); scenario ${scenario.name} runs workload '${scenario.workload}'`;
      return null;
    }
    if (armSpec(arm).setup !== 'xsched') return null;
    if (!isXschedConfigured(env)) return 'XSCHED_ROOT is not set: the xsched arm needs an XSched install (docs/xsched.md)';
    if (options.platform === null) return 'the GPU platform is unknown (no worker probe): cannot choose between the HIP and CUDA XSched shims';
    return null;
  };

  return {
    skipReason,
    async openScenario(scenario: Scenario, ctx): Promise<ScenarioSession> {
      // Settings and install first: a bad one fails here, before any GPU time.
      let xsched: { config: XschedConfig; install: XschedInstall } | null = null;
      if (scenario.arms.includes('xsched') && skipReason('xsched') === null) {
        const config = readXschedConfig(env, options.platform as WorkerPlatform);
        xsched = { config, install: checkXschedInstall(config, options.driverSearchDirs ? { driverSearchDirs: options.driverSearchDirs } : {}) };
        // The xserver's loopback guard (docs/security.md), also before any GPU time.
        locateLoopbackPreload();
        assertPreloadReaches(xsched.install.xserverPath);
      }
      const procOptions = options.procRoot === undefined ? {} : { procRoot: options.procRoot };
      const sharing = await openSharing({
        requested: scenario.sharing,
        platform: options.platform,
        logDir: ctx.logDir,
        env,
        ...procOptions,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      const xschedRoot = (env.XSCHED_ROOT ?? '').trim() || null;

      return {
        async openArm(arm, armCtx) {
          const spec = armSpec(arm);
          if (spec.setup === 'mps-thread-percentage') {
            return mpsThreadPercentSession({
              percent: spec.lpThreadPercent,
              xschedRoot,
              sharing,
              ...(options.workerProcRoot !== undefined ? { workerProcRoot: options.workerProcRoot } : {}),
            });
          }
          if (spec.setup !== 'xsched') return nativeArmSession(xschedRoot, sharing);
          if (xsched === null) throw new Error(`the xsched arm cannot run: ${skipReason('xsched') ?? 'the scenario did not list it'}`);
          const xschedArm = await openXschedArm({
            ...xsched,
            logDir: armCtx.logDir,
            trial: armCtx.trial,
            env,
            ...procOptions,
            ...(options.xserverLockPath !== undefined ? { lockPath: options.xserverLockPath } : {}),
            ...(stopGrace !== undefined ? { stopGraceMs: stopGrace } : {}),
            ...(ctx.signal ? { signal: ctx.signal } : {}),
            cpus: scenario.cpuPlacement?.cpus ?? null,
          });
          return xschedArmSession(xschedArm, sharing, warn);
        },
        async close() {
          try {
            const problem = await sharing.close();
            if (problem !== null) warn(problem);
          } catch (error) {
            warn(`closing the sharing mode failed: ${(error as Error).message}`);
          }
        },
      };
    },
  };
}
