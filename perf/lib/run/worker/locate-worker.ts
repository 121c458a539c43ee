// Finds the native worker binary: an explicit path, then PERF_WORKER, then the
// build directory of native/build.sh: native/build/amd/xsched-perf-worker (fingerprint
// platform hip-amd) or native/build/nvidia/xsched-perf-worker (cuda). Optionally builds it.

import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';

export const WORKER_BINARY_NAME = 'xsched-perf-worker';
const PLATFORMS: readonly WorkerPlatform[] = ['hip-amd', 'cuda'];
/** native/build.sh --platform names its build directory after amd / nvidia. */
const BUILD_DIR_BY_PLATFORM: Record<WorkerPlatform, string> = { 'hip-amd': 'amd', cuda: 'nvidia' };
const DEFAULT_REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface LocateWorkerOptions {
  /** Explicit path; wins over everything else. */
  workerPath?: string;
  /** Defaults to process.env (read: PERF_WORKER). */
  env?: NodeJS.ProcessEnv;
  repoRoot?: string;
  /** Only look in this platform's build directory. */
  platform?: WorkerPlatform;
  /** Run `npm run build:native` (bash native/build.sh) when no binary is found. */
  build?: boolean;
  /** Device nodes that pick the platform when both builds exist (tests replace them). */
  deviceNodes?: Partial<Record<WorkerPlatform, string>>;
}

export interface LocatedWorker {
  path: string;
  /** How it was found, for messages: "option workerPath", "PERF_WORKER", "build directory". */
  foundBy: string;
}

export class WorkerNotFoundError extends Error {
  override readonly name = 'WorkerNotFoundError';
}

export async function locateWorker(options: LocateWorkerOptions = {}): Promise<LocatedWorker> {
  const env = options.env ?? process.env;
  if (options.workerPath !== undefined) {
    return { path: await requireExecutable(options.workerPath, 'the workerPath option'), foundBy: 'option workerPath' };
  }
  const fromEnv = env.PERF_WORKER;
  if (fromEnv !== undefined && fromEnv !== '') {
    return { path: await requireExecutable(fromEnv, 'PERF_WORKER'), foundBy: 'PERF_WORKER' };
  }
  const repoRoot = options.repoRoot ?? DEFAULT_REPO_ROOT;
  const platforms = options.platform ? [options.platform] : PLATFORMS;
  const candidates = platforms.map((p) => ({ platform: p, path: join(repoRoot, 'native', 'build', BUILD_DIR_BY_PLATFORM[p], WORKER_BINARY_NAME) }));
  let found = await pickBuilt(candidates, options.deviceNodes);
  if (!found && options.build) {
    await buildNativeWorker(repoRoot);
    found = await pickBuilt(candidates, options.deviceNodes);
  }
  if (!found) {
    throw new WorkerNotFoundError(
      `no worker binary: looked for ${candidates.map((c) => c.path).join(' and ')}` +
        `${options.build ? ' (also after running native/build.sh)' : ''}; ` +
        'run `npm run build:native`, or set PERF_WORKER=/path/to/xsched-perf-worker',
    );
  }
  return { path: found, foundBy: 'build directory' };
}

async function pickBuilt(
  candidates: Array<{ platform: WorkerPlatform; path: string }>,
  deviceNodes: Partial<Record<WorkerPlatform, string>> = { 'hip-amd': '/dev/kfd', cuda: '/dev/nvidiactl' },
): Promise<string | null> {
  const built = [];
  for (const c of candidates) if (await isExecutable(c.path)) built.push(c);
  if (built.length <= 1) return built[0]?.path ?? null;
  // Both platforms built (a shared checkout): the one whose GPU device node exists.
  const matching = [];
  for (const c of built) {
    const node = deviceNodes[c.platform];
    if (node !== undefined && (await exists(node))) matching.push(c);
  }
  if (matching.length === 1) return (matching[0] as { path: string }).path;
  throw new WorkerNotFoundError(
    `workers are built for ${built.map((c) => c.platform).join(' and ')} (${built.map((c) => c.path).join(', ')}) ` +
      'and the device nodes do not say which GPU this host has; set PERF_WORKER to the one to use',
  );
}

async function requireExecutable(path: string, origin: string): Promise<string> {
  const absolute = resolve(path);
  if (!(await isExecutable(absolute))) {
    throw new WorkerNotFoundError(
      `${origin} is "${path}", which is not an executable file; ` +
        'point it at a built xsched-perf-worker (run `npm run build:native`)',
    );
  }
  return absolute;
}

async function buildNativeWorker(repoRoot: string): Promise<void> {
  const result = await execa('bash', [join(repoRoot, 'native', 'build.sh')], { cwd: repoRoot, all: true, reject: false });
  if (result.failed) {
    const tail = (result.all ?? '').split('\n').slice(-20).join('\n');
    throw new WorkerNotFoundError(`native/build.sh failed (${result.shortMessage}); last output:\n${tail}`);
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
