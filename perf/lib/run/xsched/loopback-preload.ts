// The project's LD_PRELOAD library that keeps the xserver's HTTP control API on
// loopback (native/preload/loopback_bind.c): where native/build.sh put it, and a
// refusal to rely on it for an xserver it cannot reach (a static executable).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOOPBACK_PRELOAD_FILE = 'libxsp-loopback-bind.so';
/** Every native/build.sh build directory has it (native/cmake/XspLoopbackBind.cmake). */
const BUILD_DIRS = ['nvidia', 'amd', 'cpu'];
const DEFAULT_REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export class LoopbackPreloadError extends Error {
  override readonly name = 'LoopbackPreloadError';
}

export function locateLoopbackPreload(repoRoot: string = DEFAULT_REPO_ROOT): string {
  const candidates = BUILD_DIRS.map((dir) => join(repoRoot, 'native', 'build', dir, LOOPBACK_PRELOAD_FILE));
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new LoopbackPreloadError(
      `no ${LOOPBACK_PRELOAD_FILE} in ${candidates.join(', ')}: run \`npm run build:native\` (or \`npm run test:native\`). ` +
        'The suite never starts an xserver without it: its control API would be open on every address (docs/security.md)',
    );
  }
  return found;
}

const PT_INTERP = 3;

/** True for an ELF executable with a program interpreter (ld.so), which is what loads LD_PRELOAD. */
function elfHasInterpreter(bytes: Buffer): boolean {
  const is64 = bytes[4] === 2;
  const read = (offset: number, size: 2 | 4 | 8): number =>
    size === 8 ? Number(bytes.readBigUInt64LE(offset)) : size === 4 ? bytes.readUInt32LE(offset) : bytes.readUInt16LE(offset);
  const phoff = is64 ? read(0x20, 8) : read(0x1c, 4);
  const phentsize = read(is64 ? 0x36 : 0x2a, 2);
  const phnum = read(is64 ? 0x38 : 0x2c, 2);
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 4 <= bytes.length && read(at, 4) === PT_INTERP) return true;
  }
  return false;
}

/**
 * Throws when `executablePath` is a statically linked ELF file (no interpreter: LD_PRELOAD
 * is never read). A script ("#!") passes: what it runs is checked after start-up, like
 * everything else, by the listening-socket check (api-binding.ts).
 */
export function assertPreloadReaches(executablePath: string): void {
  const bytes = readFileSync(executablePath);
  if (bytes.subarray(0, 4).toString('latin1') !== '\x7fELF') return;
  if (bytes[5] !== 1) throw new LoopbackPreloadError(`${executablePath} is a big-endian ELF file; the loopback check reads little-endian ones only`);
  if (!elfHasInterpreter(bytes)) {
    throw new LoopbackPreloadError(
      `${executablePath} is statically linked (its ELF file has no interpreter), so LD_PRELOAD cannot keep its control API ` +
        'on loopback; build XSched with a dynamically linked xserver (docs/security.md)',
    );
  }
}
