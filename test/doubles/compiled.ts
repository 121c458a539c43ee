// Compiled test doubles (test/doubles/native/*.cpp): the worker, MPS control and xserver
// doubles are started about a hundred times per unit run, and on a 2-core machine a node start
// is 0.10-0.15 s of CPU where a small C++ program takes a few milliseconds
// (docs/benchmarks.md). Each binary's name carries a hash of its source and of the headers beside
// it that the source includes, so an edited double is rebuilt and a stale binary is never run.
// `npm test` builds them before Vitest starts (build.ts), the unit project's globalSetup
// (test/setup/build-doubles.ts) for a direct `vitest run`; tests find them with compiledDouble().

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';

export const COMPILED_DOUBLES = ['fake-worker', 'fake-mps-control', 'fake-xserver'] as const;
export type CompiledDoubleName = (typeof COMPILED_DOUBLES)[number];

const doublesDir = import.meta.dirname;
const sourceDir = join(doublesDir, 'native');
/** Ignored by git (.gitignore): binaries are built per checkout, never committed. */
export const COMPILED_DOUBLES_DIR = resolve(doublesDir, 'build');

function sourcePath(name: CompiledDoubleName): string {
  return join(sourceDir, `${name}.cpp`);
}

// Hashed once per process: tests ask for a double's path each time they make an install or a
// worker, and the sources do not change under a running test process.
const binaries = new Map<CompiledDoubleName, string>();

/** The binary of `name` for its current source; it exists once buildCompiledDoubles() ran. */
export function compiledDouble(name: CompiledDoubleName): string {
  const known = binaries.get(name);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  const source = readFileSync(sourcePath(name));
  hash.update(source);
  // The local headers it includes (`#include "js-semantics.hpp"`, beside it; one level, as the doubles use them).
  for (const [, header] of source.toString('utf8').matchAll(/^#include "([^"]+)"/gm)) {
    hash.update(`\0${header}\0`).update(readFileSync(join(sourceDir, header!)));
  }
  const binary = join(COMPILED_DOUBLES_DIR, `${name}-${hash.digest('hex').slice(0, 12)}`);
  binaries.set(name, binary);
  return binary;
}

export interface CompiledDoubleStatus {
  name: CompiledDoubleName;
  binary: string;
  /** False when the binary of this source was already there. */
  built: boolean;
}

/** Builds each double whose binary is missing; a compile error throws with the compiler's output. */
export async function buildCompiledDoubles(compiler = process.env.CXX ?? 'g++'): Promise<CompiledDoubleStatus[]> {
  mkdirSync(COMPILED_DOUBLES_DIR, { recursive: true });
  return Promise.all(
    COMPILED_DOUBLES.map(async (name): Promise<CompiledDoubleStatus> => {
      const binary = compiledDouble(name);
      if (existsSync(binary)) return { name, binary, built: false };
      // Compiled beside the target and renamed: a concurrent build never runs a half-written binary.
      const partial = `${binary}.tmp-${process.pid}`;
      const result = await execa(compiler, ['-std=c++17', '-O1', '-Wall', '-Wextra', '-Werror', '-o', partial, sourcePath(name)], { reject: false, all: true });
      if (result.exitCode !== 0) {
        throw new Error(`building the test double ${name} failed: ${result.command} exited ${result.exitCode}\n${result.all}`);
      }
      renameSync(partial, binary);
      return { name, binary, built: true };
    }),
  );
}
