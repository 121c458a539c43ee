// The catalogue and PERF_SHARING hold the sharing mode a scenario *asks for*;
// the mode a run uses is only known once the platform is (cuda or hip-amd).

import type { SharingMode } from '../../documents/types/scenario.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';

/** 'auto' is a request, not a mode: the platform's own default (resolveSharing). */
export type SharingRequest = SharingMode | 'auto';

// A Record, so a mode added to SharingMode fails to compile until it is listed here.
const SHARING_MODE_SET: Record<SharingMode, true> = { 'time-sliced': true, mps: true, 'platform-default': true };

/** Every sharing mode a run can use (what a run record or baseline may say). */
export const SHARING_MODES = Object.keys(SHARING_MODE_SET) as ReadonlyArray<SharingMode>;

export const SHARING_REQUESTS: readonly SharingRequest[] = ['auto', ...SHARING_MODES];

/** Which modes each platform can run, the first being its default (docs/sharing-modes.md). */
const MODES_BY_PLATFORM: Record<WorkerPlatform, readonly SharingMode[]> = {
  cuda: ['time-sliced', 'mps'],
  'hip-amd': ['platform-default'],
};

export class SharingUnsupportedError extends Error {
  override readonly name = 'SharingUnsupportedError';
}

/**
 * The sharing mode a run on `platform` uses for `requested`. 'auto' gives the platform
 * default ('time-sliced' on NVIDIA, 'platform-default' on AMD). 'platform-default' on
 * NVIDIA is time slicing, named as such so both spellings share one baseline.
 * Throws SharingUnsupportedError for a mode the platform does not have (MPS on AMD).
 */
export function resolveSharing(requested: SharingRequest, platform: WorkerPlatform): SharingMode {
  const modes = MODES_BY_PLATFORM[platform];
  if (!modes) throw new Error(`unknown platform ${JSON.stringify(platform)}: expected cuda or hip-amd`);
  if (requested === 'auto') return modes[0] as SharingMode;
  if (requested === 'platform-default' && platform === 'cuda') return 'time-sliced';
  if (modes.includes(requested)) return requested;
  const why =
    requested === 'mps'
      ? 'MPS is an NVIDIA feature; AMD GPUs already run the queues of different processes at once'
      : 'AMD GPUs have no time-slicing switch; their default is recorded as platform-default';
  throw new SharingUnsupportedError(
    `sharing mode ${JSON.stringify(requested)} is not available on ${platform} (${why}); ` +
      `use one of ${modes.join(', ')} or auto`,
  );
}
