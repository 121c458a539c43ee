// What the doctor may look at on a host, behind one interface, so every check is tested
// on recorded outputs (test/unit/doctor/) and the real host is only touched here.

import { constants } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';

export interface ToolOutput {
  /** null when the tool could not be started (not installed). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface HostView {
  env: NodeJS.ProcessEnv;
  exists(path: string): Promise<boolean>;
  /** Read and write access for this user (device nodes). */
  canReadWrite(path: string): Promise<boolean>;
  /** Entries of a directory; [] when it does not exist. */
  list(dir: string): Promise<string[]>;
  readText(path: string): Promise<string | null>;
  /** Names of the groups this process is in. */
  groupNames(): Promise<string[]>;
  /** Runs a tool from PATH (or a path) with a timeout; never throws. */
  run(command: string, args: readonly string[], timeoutMs?: number): Promise<ToolOutput>;
  /** Whether 127.0.0.1:port can be bound now (0: any free port). */
  canBindLoopback(port: number): Promise<boolean>;
}

async function accessible(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}

export function findOnPath(tool: string, pathVariable: string, isFile: (p: string) => boolean): string | null {
  if (tool.includes('/')) return isFile(tool) ? tool : null;
  for (const dir of pathVariable.split(delimiter).filter((d) => d !== '')) {
    if (isFile(join(dir, tool))) return join(dir, tool);
  }
  return null;
}

export function createHostView(env: NodeJS.ProcessEnv = process.env): HostView {
  return {
    env,
    exists: (path) => accessible(path, constants.F_OK),
    canReadWrite: (path) => accessible(path, constants.R_OK | constants.W_OK),
    list: async (dir) => readdir(dir).catch(() => []),
    readText: async (path) => readFile(path, 'utf8').catch(() => null),
    groupNames: async () => {
      const result = await execa('id', ['-Gn'], { reject: false });
      return result.exitCode === 0 ? result.stdout.trim().split(/\s+/) : [];
    },
    run: async (command, args, timeoutMs = 20_000) => {
      const result = await execa(command, [...args], { env, reject: false, timeout: timeoutMs });
      const started = !(result.failed && result.exitCode === undefined && !result.timedOut);
      return { exitCode: started ? (result.exitCode ?? null) : null, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
    },
    canBindLoopback: async (port) => {
      const { createServer } = await import('node:net');
      return new Promise((resolve) => {
        const server = createServer();
        server.once('error', () => resolve(false));
        server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
      });
    },
  };
}
