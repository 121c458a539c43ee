// The environment the suite's child processes (xserver, MPS control daemon, workers)
// start from: an allow list, never the whole environment, so a CI token or any other
// secret of the runner cannot reach a program the suite starts (docs/security.md).
// What each child needs on top (XSched's variables, the MPS pipe directory, the
// xserver's preload) is added by its own module after this filter.

/** Exact names passed through when set. */
export const ALLOWED_ENV_NAMES: readonly string[] = [
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR',
  'LD_LIBRARY_PATH', 'ROCM_PATH', 'GPU_DEVICE_ORDINAL',
];

/** Prefixes passed through: locale, GPU runtimes and drivers, XSched and its log. */
export const ALLOWED_ENV_PREFIXES: readonly string[] = ['LC_', 'CUDA_', 'HIP_', 'ROCR_', 'HSA_', 'NVIDIA_', 'AMD_', 'XSCHED_', 'XLOG_'];

/** Dropped even under an allowed prefix (NVIDIA_API_KEY, CUDA_..._TOKEN): they name a secret. */
const SECRET_LIKE_NAME = /TOKEN|SECRET|PASSW|CREDENTIAL|PRIVATE|API_?KEY|AUTH|COOKIE|SESSION/i;

/** Extra names (NAME or PREFIX_*, comma-separated) a host needs its children to get. */
export const EXTRA_ALLOW_VARIABLE = 'PERF_CHILD_ENV_ALLOW';

export class AllowedEnvError extends Error {
  override readonly name = 'AllowedEnvError';
}

interface Rules {
  names: readonly string[];
  prefixes: readonly string[];
}

function readRules(env: NodeJS.ProcessEnv | Record<string, string>): Rules {
  const raw = env[EXTRA_ALLOW_VARIABLE] ?? '';
  const entries = raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const names = [...ALLOWED_ENV_NAMES];
  const prefixes = [...ALLOWED_ENV_PREFIXES];
  for (const entry of entries) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(\*?)$/.exec(entry);
    if (match === null || (match[2] === '*' && (match[1] as string).length < 2)) {
      throw new AllowedEnvError(`${EXTRA_ALLOW_VARIABLE}=${JSON.stringify(raw)}: "${entry}" is not a variable name or NAME_PREFIX_*; list names separated by commas`);
    }
    if (SECRET_LIKE_NAME.test(entry)) {
      throw new AllowedEnvError(`${EXTRA_ALLOW_VARIABLE}=${JSON.stringify(raw)}: "${entry}" names a secret (token, password, key...); the suite never passes those to its child processes`);
    }
    (match[2] === '*' ? prefixes : names).push(match[1] as string);
  }
  return { names, prefixes };
}

export interface AllowListedEnv {
  env: Record<string, string>;
  /** Sorted names that were passed (for the run record: names only, never values). */
  passedNames: string[];
  /** How many set variables were left out. */
  droppedCount: number;
}

function isAllowed(name: string, rules: Rules): boolean {
  if (SECRET_LIKE_NAME.test(name)) return false;
  return rules.names.includes(name) || rules.prefixes.some((prefix) => name.startsWith(prefix));
}

/** The allowed part of `env`; PERF_CHILD_ENV_ALLOW in `env` itself adds names (never secret-like ones). */
export function allowListedEnv(env: NodeJS.ProcessEnv | Record<string, string>): AllowListedEnv {
  const rules = readRules(env);
  const kept: Record<string, string> = {};
  let droppedCount = 0;
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (isAllowed(name, rules)) kept[name] = value;
    else droppedCount += 1;
  }
  return { env: kept, passedNames: Object.keys(kept).sort(), droppedCount };
}
