import { describe, expect, it } from 'vitest';
import { resolveSharing, SharingUnsupportedError, type SharingRequest } from '../../../perf/lib/plan/scenarios/sharing.ts';
import type { WorkerPlatform } from '../../../perf/lib/documents/types/fingerprint.ts';

describe('resolveSharing', () => {
  const supported: Array<[SharingRequest, WorkerPlatform, string]> = [
    ['auto', 'cuda', 'time-sliced'],
    ['auto', 'hip-amd', 'platform-default'],
    ['time-sliced', 'cuda', 'time-sliced'],
    ['mps', 'cuda', 'mps'],
    ['platform-default', 'cuda', 'time-sliced'],
    ['platform-default', 'hip-amd', 'platform-default'],
  ];
  it.each(supported)('%s on %s -> %s', (requested, platform, mode) => {
    expect(resolveSharing(requested, platform)).toBe(mode);
  });

  it('refuses MPS and time slicing on AMD, saying what is available', () => {
    expect(() => resolveSharing('mps', 'hip-amd')).toThrow(SharingUnsupportedError);
    expect(() => resolveSharing('mps', 'hip-amd')).toThrow('sharing mode "mps" is not available on hip-amd (MPS is an NVIDIA feature');
    expect(() => resolveSharing('time-sliced', 'hip-amd')).toThrow('use one of platform-default or auto');
  });
});
