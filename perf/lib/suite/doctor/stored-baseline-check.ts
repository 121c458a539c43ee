// perf:doctor's `baseline.stored` lines: for each selected scenario (PERF_SCENARIOS), whether a
// run on the probed GPU would be judged against a comparable stored baseline. A run without
// one has its regression verdict untested, which fails it under CI=true; the doctor says so
// before the GPU time is spent. It reads the store, so it lives here, not in run/doctor/
// (perf/lib/README.md: run/ does not import store/).

import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { loadSettings, SettingsError, type Settings } from '../../plan/config/index.ts';
import { isXschedConfigured, readXschedConfig, XschedConfigError } from '../../plan/config/xsched-settings.ts';
import { listBuiltInScenarioNames } from '../../plan/scenarios/catalogue.ts';
import { mustFix, warn, type DoctorFinding } from '../../run/doctor/finding.ts';
import type { ProbeFingerprint } from '../../run/gpu/parse-probe.ts';
import { CpuPlacementError, resolveCpuPlacement, type CpuPlacementOptions } from '../../run/gpu/cpu-placement.ts';
import { xschedSettingsOfConfig } from '../../store/baselines/xsched-settings.ts';
import { BASELINE_FROM_VARIABLE, parseBaselineFrom } from '../../store/history/baseline-from-history.ts';
import { assessBaseline, type AssessContext } from './assess-baseline.ts';
import { BASELINE_CHECK_ID, baselineFinding } from './baseline-findings.ts';

function readComparedXsched(env: NodeJS.ProcessEnv, platform: WorkerPlatform): AssessContext['xsched'] {
  if (!isXschedConfigured(env)) return { notCompared: 'XSCHED_ROOT is not set' };
  try {
    return { settings: xschedSettingsOfConfig(readXschedConfig(env, platform)) };
  } catch (error) {
    if (error instanceof XschedConfigError) return { notCompared: error.message };
    throw error;
  }
}

/** Where PERF_CPUS is resolved: this host's /proc, /sys and PATH by default; tests give a fake host. */
type PlacementHost = Omit<CpuPlacementOptions, 'pciBusId'>;

/** The placement every scenario's run would get on this host (it does not depend on the scenario). */
async function placementOf(settings: Settings, probe: ProbeFingerprint, host: PlacementHost | undefined): Promise<AssessContext['placement']> {
  try {
    return { cpus: (await resolveCpuPlacement(settings.cpus, { ...host, pciBusId: probe.gpu.pciBusId })).placement };
  } catch (error) {
    if (error instanceof CpuPlacementError) return { error: error.message };
    throw error;
  }
}

/** Why the check cannot be made here, as its one line; null when it can. */
function notCheckable(env: NodeJS.ProcessEnv, settings: Settings, probe: ProbeFingerprint | null): DoctorFinding | null {
  const names = settings.scenarios.join(', ');
  if (probe === null) {
    return warn(
      BASELINE_CHECK_ID,
      `not checked: no GPU was identified (no worker probe), so it is unknown whether it has a comparable stored baseline for ${names}`,
      'fix the lines above until gpu.probe is ok, then run perf:doctor again (a scenario without one has its regression verdict untested)',
    );
  }
  let from: ReturnType<typeof parseBaselineFrom>;
  try {
    from = parseBaselineFrom(env[BASELINE_FROM_VARIABLE]);
  } catch (error) {
    return mustFix(BASELINE_CHECK_ID, (error as Error).message, `fix or unset ${BASELINE_FROM_VARIABLE}: a run reads it after measuring and stops on it`);
  }
  if (from.from === 'file') return null;
  return warn(
    BASELINE_CHECK_ID,
    `not checked: ${BASELINE_FROM_VARIABLE}=history:${from.runs} makes a run build its baselines for ${names} from the history store, which the doctor does not open`,
    `unset ${BASELINE_FROM_VARIABLE} to check the stored files (docs/history.md)`,
  );
}

/** One line per selected scenario; one `not checked` line when no GPU was identified or the settings are invalid. */
export async function checkStoredBaselines(
  env: NodeJS.ProcessEnv,
  probe: ProbeFingerprint | null,
  cwd: string = process.cwd(),
  placementHost?: PlacementHost,
): Promise<DoctorFinding[]> {
  let settings: Settings | null = null;
  try {
    settings = loadSettings(env, cwd);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
  }
  return checkStoredBaselinesWith(env, settings, probe, cwd, placementHost);
}

/** checkStoredBaselines with the settings already loaded (null: invalid), as perf:doctor has them. */
export async function checkStoredBaselinesWith(
  env: NodeJS.ProcessEnv,
  settings: Settings | null,
  probe: ProbeFingerprint | null,
  cwd: string,
  placementHost?: PlacementHost,
): Promise<DoctorFinding[]> {
  if (settings === null) return [warn(BASELINE_CHECK_ID, 'not checked: the settings are invalid', 'correct the values named by config.settings above')];
  const refusal = notCheckable(env, settings, probe);
  if (refusal !== null || probe === null) return refusal === null ? [] : [refusal];
  const context: AssessContext = { settings, probe, xsched: readComparedXsched(env, probe.platform), placement: await placementOf(settings, probe, placementHost) };
  const selected = await Promise.all(settings.scenarios.map((name) => assessBaseline(name, context)));
  const comparableNames = selected.every((a) => a.kind === 'comparable')
    ? []
    : (await Promise.all(listBuiltInScenarioNames().map((name) => assessBaseline(name, context)))).filter((a) => a.kind === 'comparable').map((a) => a.name);
  return selected.map((assessment) => baselineFinding(assessment, { ...context, env, cwd, comparableNames }));
}
