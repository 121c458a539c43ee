// Private pipe and log directories for the suite's own MPS daemon, so it never meets
// a system daemon's /tmp/nvidia-mps. The pipe directory holds Unix sockets, whose paths
// must fit in 107 bytes; a deep run directory gets a short temporary one instead.

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MpsDirectories {
  pipeDirectory: string;
  logDirectory: string;
  /** True when the pipe directory is a temporary one (removed after the daemon stops). */
  pipeIsTemporary: boolean;
}

const SOCKET_PATH_MAX = 107;
/** Room for the socket names MPS creates inside the pipe directory ("control", "control_privileged", ...). */
const SOCKET_NAME_ROOM = 24;

export function fitsSocketPath(dir: string): boolean {
  return Buffer.byteLength(dir) + 1 + SOCKET_NAME_ROOM <= SOCKET_PATH_MAX;
}

export function createMpsDirectories(runLogDir: string): MpsDirectories {
  const logDirectory = join(runLogDir, 'mps', 'log');
  mkdirSync(logDirectory, { recursive: true });
  const wanted = join(runLogDir, 'mps', 'pipe');
  if (fitsSocketPath(wanted)) {
    mkdirSync(wanted, { recursive: true });
    return { pipeDirectory: wanted, logDirectory, pipeIsTemporary: false };
  }
  const base = fitsSocketPath(join(tmpdir(), 'xperf-mps-XXXXXX')) ? tmpdir() : '/tmp';
  return { pipeDirectory: mkdtempSync(join(base, 'xperf-mps-')), logDirectory, pipeIsTemporary: true };
}
