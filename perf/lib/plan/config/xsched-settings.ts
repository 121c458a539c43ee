// The xsched arm's settings: XSCHED_ROOT (the install) and PERF_XSCHED_* (how to run it),
// validated where they enter, each message quoting the value received.

import type { Role } from '../../documents/types/scenario.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import {
  PRIORITY_POLICIES,
  XSCHED_LEVEL_MAX,
  XSCHED_LEVEL_MIN,
  XSCHED_POLICY_NAMES,
  XSCHED_PRIORITY_MAX,
  XSCHED_PRIORITY_MIN,
  XSCHED_QUEUE_COMMANDS_MAX,
  type XschedPolicyName,
} from './xsched-facts.ts';

export interface XschedRoleSettings {
  /** XSCHED_AUTO_XQUEUE_PRIORITY: higher runs first under HPF. */
  priority: number;
  /** XSCHED_AUTO_XQUEUE_THRESHOLD: commands in flight on the GPU before XSched holds the rest back. */
  threshold: number;
  /** XSCHED_AUTO_XQUEUE_BATCH_SIZE: commands launched at a time (<= threshold). */
  batchSize: number;
}

export interface XschedConfig {
  root: string;
  platform: WorkerPlatform;
  policy: XschedPolicyName;
  /** null: pick a free port for each xserver. */
  port: number | null;
  /** XSCHED_AUTO_XQUEUE_LEVEL (1-3), the same for both roles. */
  level: number;
  roles: Record<Role, XschedRoleSettings>;
  /** Real driver for the shim (XSCHED_CUDA_LIB / XSCHED_HIP_LIB), null: XSched searches its standard dirs. */
  driverLibrary: string | null;
  readyTimeoutMs: number;
}

/**
 * Defaults. lp threshold 4 (batch size: half the threshold, as XSched's own example does):
 * on the H200 (docs/xsched.md, "Settings") it cost lp 2-4% throughput, inside the 10% verdict,
 * where threshold 1 cost 18-20% for a lower hp P99 (6.5-7.0 ms instead of 11.7-12.8 ms).
 * hp keeps XSched's default 16/8: under HPF hp is never the queue held back, so a small
 * threshold would only add launch overhead to it.
 */
export const XSCHED_DEFAULTS = {
  policy: 'HPF' as XschedPolicyName,
  level: 1,
  hp: { priority: 1, threshold: 16 },
  lp: { priority: 0, threshold: 4 },
  readyTimeoutMs: 10_000,
} as const;

export const XSCHED_SETTING_NAMES = [
  'PERF_XSCHED_POLICY',
  'PERF_XSCHED_PORT',
  'PERF_XSCHED_LEVEL',
  'PERF_XSCHED_PRIORITY_HP',
  'PERF_XSCHED_PRIORITY_LP',
  'PERF_XSCHED_THRESHOLD_HP',
  'PERF_XSCHED_THRESHOLD_LP',
  'PERF_XSCHED_BATCH_SIZE_HP',
  'PERF_XSCHED_BATCH_SIZE_LP',
  'PERF_XSCHED_CUDA_LIB',
  'PERF_XSCHED_HIP_LIB',
  'PERF_XSCHED_READY_TIMEOUT_MS',
] as const;

/**
 * PERF_XSCHED_* variables that describe the install rather than configure the arm: read by
 * perf/lib/run/source/xsched-source.ts, so the settings check below must let them through.
 */
export const XSCHED_INSTALL_VARIABLES = ['PERF_XSCHED_VERSION'] as const;

export class XschedConfigError extends Error {
  override readonly name = 'XschedConfigError';
}

/** True when the user pointed the suite at an XSched install at all. */
export function isXschedConfigured(env: NodeJS.ProcessEnv): boolean {
  return (env.XSCHED_ROOT ?? '').trim() !== '';
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^[+-]?\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new XschedConfigError(`${name}=${JSON.stringify(raw)} is not an integer from ${min} to ${max}: fix or unset it (default ${fallback})`);
  }
  return value;
}

function readRole(env: NodeJS.ProcessEnv, role: Role): XschedRoleSettings {
  const suffix = role.toUpperCase();
  const defaults = XSCHED_DEFAULTS[role];
  const priority = readInteger(env, `PERF_XSCHED_PRIORITY_${suffix}`, defaults.priority, XSCHED_PRIORITY_MIN, XSCHED_PRIORITY_MAX);
  const threshold = readInteger(env, `PERF_XSCHED_THRESHOLD_${suffix}`, defaults.threshold, 1, XSCHED_QUEUE_COMMANDS_MAX);
  // Unset batch size follows the threshold: half of it, XSched's own recommendation.
  const batchSize = readInteger(env, `PERF_XSCHED_BATCH_SIZE_${suffix}`, Math.max(1, Math.floor(threshold / 2)), 1, XSCHED_QUEUE_COMMANDS_MAX);
  if (batchSize > threshold) {
    // XSched asserts threshold >= batch size inside the worker and aborts it.
    throw new XschedConfigError(
      `PERF_XSCHED_BATCH_SIZE_${suffix}=${batchSize} is larger than PERF_XSCHED_THRESHOLD_${suffix}=${threshold}: ` +
        'XSched needs batch size <= threshold (half the threshold is its recommendation)',
    );
  }
  return { priority, threshold, batchSize };
}

function readPolicy(env: NodeJS.ProcessEnv): XschedPolicyName {
  const raw = env.PERF_XSCHED_POLICY;
  if (raw === undefined || raw.trim() === '') return XSCHED_DEFAULTS.policy;
  const policy = XSCHED_POLICY_NAMES.find((name) => name === raw.trim());
  if (!policy) {
    throw new XschedConfigError(
      `PERF_XSCHED_POLICY=${JSON.stringify(raw)} is not an XSched policy: use one of ${XSCHED_POLICY_NAMES.join(', ')} (upper case)`,
    );
  }
  return policy;
}

/**
 * PERF_XSCHED_PORT: null (unset, empty or 'auto') picks a free port for each xserver. The run
 * and the doctor (perf/lib/run/doctor/loopback-check.ts) both read it here, so they agree.
 */
export function readXschedPort(env: NodeJS.ProcessEnv): number | null {
  const raw = env.PERF_XSCHED_PORT;
  if (raw === undefined || raw.trim() === '' || raw.trim() === 'auto') return null;
  const port = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || port < 1 || port > 65_535) {
    throw new XschedConfigError(`PERF_XSCHED_PORT=${JSON.stringify(raw)} is not a port (1-65535): give one, or unset it (or 'auto') to pick a free port`);
  }
  return port;
}

function readDriverLibrary(env: NodeJS.ProcessEnv, platform: WorkerPlatform): string | null {
  const name = platform === 'cuda' ? 'PERF_XSCHED_CUDA_LIB' : 'PERF_XSCHED_HIP_LIB';
  const raw = (env[name] ?? '').trim();
  if (raw === '') return null;
  if (!raw.startsWith('/')) throw new XschedConfigError(`${name}=${JSON.stringify(raw)} must be an absolute path to the real driver library`);
  return raw;
}

function rejectUnknownSettings(env: NodeJS.ProcessEnv): void {
  const known = new Set<string>([...XSCHED_SETTING_NAMES, ...XSCHED_INSTALL_VARIABLES]);
  const unknown = Object.keys(env).filter((name) => name.startsWith('PERF_XSCHED_') && !known.has(name));
  if (unknown.length > 0) {
    // A misspelt setting would otherwise be ignored, the way XSched ignores misspelt values.
    throw new XschedConfigError(`unknown setting ${unknown.join(', ')}: known settings are ${XSCHED_SETTING_NAMES.join(', ')}`);
  }
}

/** Reads and validates the whole configuration; throws XschedConfigError naming the bad setting. */
export function readXschedConfig(env: NodeJS.ProcessEnv, platform: WorkerPlatform): XschedConfig {
  const root = (env.XSCHED_ROOT ?? '').trim();
  if (root === '') throw new XschedConfigError('XSCHED_ROOT is not set: point it at an XSched install (docs/xsched.md)');
  if (!root.startsWith('/')) throw new XschedConfigError(`XSCHED_ROOT=${JSON.stringify(root)} must be an absolute path`);
  rejectUnknownSettings(env);
  const policy = readPolicy(env);
  const roles = { hp: readRole(env, 'hp'), lp: readRole(env, 'lp') };
  if (PRIORITY_POLICIES.includes(policy) && roles.hp.priority <= roles.lp.priority) {
    throw new XschedConfigError(
      `PERF_XSCHED_PRIORITY_HP=${roles.hp.priority} is not above PERF_XSCHED_PRIORITY_LP=${roles.lp.priority}: ` +
        `under ${policy} a higher number runs first, so hp needs the larger one`,
    );
  }
  return {
    root: root.replace(/\/+$/, '') || '/',
    platform,
    policy,
    port: readXschedPort(env),
    level: readInteger(env, 'PERF_XSCHED_LEVEL', XSCHED_DEFAULTS.level, XSCHED_LEVEL_MIN, XSCHED_LEVEL_MAX),
    roles,
    driverLibrary: readDriverLibrary(env, platform),
    readyTimeoutMs: readInteger(env, 'PERF_XSCHED_READY_TIMEOUT_MS', XSCHED_DEFAULTS.readyTimeoutMs, 100, 600_000),
  };
}
