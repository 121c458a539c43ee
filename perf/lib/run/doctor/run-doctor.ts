// `npm run perf:doctor`: every check a first run on a new GPU host would otherwise fail
// one at a time, in the order a run meets them. Each check is in its own file here.

import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import type { Settings } from '../../plan/config/index.ts';
import { detectGpu } from '../gpu/detect-gpu.ts';
import type { ProbeFingerprint } from '../gpu/parse-probe.ts';
import { locateWorker } from '../worker/locate-worker.ts';
import { checkComputeMode } from './compute-mode-check.ts';
import { checkDeviceAccess, detectVendor, type Vendor } from './device-checks.ts';
import { checkEcc } from './ecc-check.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix } from './finding.ts';
import { checkForeignProcesses } from './foreign-process-check.ts';
import { readTargetGpuState } from './gpu-state-reading.ts';
import { targetOf } from './gpu-target.ts';
import type { HostView } from './host-view.ts';
import { checkLoopbackPort } from './loopback-check.ts';
import { checkMpsControl } from './mps-check.ts';
import { readDoctorSettings, scenarioNeedsOf, type ScenarioNeeds } from './scenario-needs.ts';
import { checkSharingSupported } from './sharing-check.ts';
import { checkThrottle } from './throttle-check.ts';
import { checkWorkerArch, describeProbe } from './worker-checks.ts';
import { checkXsched } from './xsched-check.ts';

export interface DoctorOptions {
  /** Replaces the worker look-up and probe (tests). */
  probeGpu?: (host: HostView) => Promise<{ workerPath: string; probe: ProbeFingerprint } | DoctorFinding>;
  driverSearchDirs?: readonly string[];
  /** Where a run would look for its config file (plan/config/config-file.ts); default: the current directory. */
  cwd?: string;
}

const PLATFORM_OF_VENDOR: Record<Vendor, WorkerPlatform> = { amd: 'hip-amd', nvidia: 'cuda' };

export async function probeWithWorker(host: HostView): Promise<{ workerPath: string; probe: ProbeFingerprint } | DoctorFinding> {
  let workerPath: string;
  try {
    workerPath = (await locateWorker({ env: host.env })).path;
  } catch (error) {
    return mustFix('worker.built', (error as Error).message, 'npm run build:native (it picks the platform from the device node)');
  }
  const gpuIndex = Number(host.env.PERF_GPU ?? 0) || 0;
  try {
    const detection = await detectGpu({ workerPath, gpuIndex, env: host.env });
    if (!detection.found || !detection.fingerprint) return mustFix('gpu.probe', detection.summary, 'check the driver (nvidia-smi or rocm-smi must list the GPU) and PERF_GPU');
    return { workerPath, probe: detection.fingerprint };
  } catch (error) {
    return mustFix('gpu.probe', (error as Error).message, 'rebuild the worker for this host (npm run build:native) and check the driver');
  }
}

/** The findings, with what later checks need from them (suite/doctor/): read once, here. */
export interface DoctorReport {
  findings: DoctorFinding[];
  /** The GPU the worker probed; null when there was no probe. */
  probe: ProbeFingerprint | null;
  /** The settings a run would load; null when they are invalid (a config.settings finding says why). */
  settings: Settings | null;
}

export async function runDoctor(host: HostView, options: DoctorOptions = {}): Promise<DoctorFinding[]> {
  return (await runDoctorReport(host, options)).findings;
}

export async function runDoctorReport(host: HostView, options: DoctorOptions = {}): Promise<DoctorReport> {
  const read = readDoctorSettings(host.env, options.cwd);
  const settings = 'id' in read ? null : read;
  const vendor = await detectVendor(host);
  const findings = await checkDeviceAccess(host, vendor);
  if (vendor === null) return { findings, probe: null, settings };
  const probed = await (options.probeGpu ?? probeWithWorker)(host);
  let platform = PLATFORM_OF_VENDOR[vendor];
  let probe: ProbeFingerprint | null = null;
  if ('id' in probed) {
    findings.push(probed);
  } else {
    findings.push(describeProbe(probed.probe), await checkWorkerArch(host, probed.workerPath, probed.probe));
    platform = probed.probe.platform;
    probe = probed.probe;
  }
  let needs: ScenarioNeeds | null = null;
  if ('id' in read) {
    findings.push(read);
  } else {
    needs = scenarioNeedsOf(read);
    const sharing = checkSharingSupported(needs, platform);
    if (sharing !== null) findings.push(sharing);
  }
  findings.push(...(await gpuStateFindings(host, platform, probe, needs)));
  // Strict mode (CI=true, PERF_STRICT=1, the config file) fails an untested run: settings.strict.
  findings.push(checkXsched(host.env, platform, settings?.strict ?? false, options.driverSearchDirs));
  if (vendor === 'nvidia') findings.push(checkMpsControl(host.env, needs));
  findings.push(await checkLoopbackPort(host));
  return { findings, probe, settings };
}

/** Foreign processes, then clocks, ECC and compute mode from one reading of the state. */
async function gpuStateFindings(host: HostView, platform: WorkerPlatform, probe: ProbeFingerprint | null, needs: ScenarioNeeds | null): Promise<DoctorFinding[]> {
  const target = targetOf(probe);
  const findings = [await checkForeignProcesses(host, platform, target)];
  const state = await readTargetGpuState(host, platform, target);
  if ('id' in state) return [...findings, state];
  findings.push(checkThrottle(state.gpus), checkEcc(state.gpus));
  const mode = checkComputeMode(state.gpus, needs);
  return mode === null ? findings : [...findings, mode];
}
