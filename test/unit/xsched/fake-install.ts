// Builds a throwaway XSched install tree for tests: bin/xserver runs the compiled xserver test
// double (test/doubles/native/fake-xserver.cpp); the shim "libraries" are empty files, enough
// for the suite's install check, which never loads them. Each install lies in its own
// mkdtemp directory, so concurrent test runs never share one; a test file that makes
// installs removes them with afterAll(removeFakeInstalls).

import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledDouble } from '../../doubles/compiled.ts';

export interface FakeInstall {
  root: string;
  /** A directory holding stand-ins for the real drivers (libcuda.so.1, libamdhip64.so). */
  driverDir: string;
  /** A scratch directory for logs and locks. */
  scratch: string;
}

const madeDirs: string[] = [];

export function makeFakeInstall(parts: { xserver?: boolean; hipShim?: boolean; cudaShim?: boolean; cudaLink?: boolean } = {}): FakeInstall {
  const base = mkdtempSync(join(tmpdir(), 'xsched-perf-test-'));
  madeDirs.push(base);
  const root = join(base, 'xsched');
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'lib'), { recursive: true });
  if (parts.xserver !== false) {
    // A script, not a symlink: the double's process keeps its own name (the suite's scan for
    // foreign processes named `xserver` must not see it), and tests may chmod bin/xserver.
    const wrapper = join(root, 'bin', 'xserver');
    writeFileSync(wrapper, `#!/bin/sh\nexec "${compiledDouble('fake-xserver')}" "$@"\n`);
    chmodSync(wrapper, 0o755);
  }
  if (parts.hipShim !== false) writeFileSync(join(root, 'lib', 'libshimhip.so'), '');
  if (parts.cudaShim !== false) writeFileSync(join(root, 'lib', 'libshimcuda.so'), '');
  if (parts.cudaLink !== false && parts.cudaShim !== false) symlinkSync('libshimcuda.so', join(root, 'lib', 'libcuda.so.1'));
  const driverDir = join(base, 'drivers');
  mkdirSync(driverDir);
  writeFileSync(join(driverDir, 'libcuda.so.1'), '');
  writeFileSync(join(driverDir, 'libamdhip64.so'), '');
  const scratch = join(base, 'scratch');
  mkdirSync(scratch, { mode: 0o700 }); // locks go here: the lock refuses a directory others can write
  return { root, driverDir, scratch };
}

/** Removes every install this test file made (with the logs, locks and scratch files in it). */
export function removeFakeInstalls(): void {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A wrapper named like the real MPS control program, running the compiled MPS test double
 * (test/doubles/native/fake-mps-control.cpp) under its own name, as the xserver wrapper does. */
export function makeFakeMpsControl(dir: string): string {
  const wrapper = join(dir, 'nvidia-cuda-mps-control');
  writeFileSync(wrapper, `#!/bin/sh\nexec "${compiledDouble('fake-mps-control')}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}
