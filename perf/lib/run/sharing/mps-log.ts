// What the MPS logs say about clients. Line shapes from NVIDIA's MPS documentation
// ("MPS Logging Format"), e.g.
//   control.log: [2013-08-05 12:50:23.347 Control 13894] Starting new server 13929 for user 500
//                [2013-08-05 12:50:24.870 Control 13894] NEW SERVER 13929: Ready
//                [2013-08-05 13:02:10.866 Control 13894] NEW CLIENT 19276 from user 500: Server already exists
//   server.log:  [2013-08-05 13:00:09.269 Server 13929] New client 14781 connected
//                [2013-08-05 13:00:09.270 Server 13929] Client 14777 disconnected
// MPS v3 keeps one server.log per server in a subdirectory of the log directory.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MpsLogFacts {
  controlPid: number | null;
  serverPids: number[];
  /** Clients either log names (control.log's NEW CLIENT, server.log's New client ... connected). */
  clientPids: number[];
  /** Lines that mention a failure, for messages. */
  problems: string[];
}

const CONTROL_PREFIX = /^\[[^\]]* Control (\d+)\]/;
const NEW_SERVER = /(?:Starting new server|NEW SERVER) (\d+)/;
const CONTROL_CLIENT = /NEW CLIENT (\d+) from user/;
const SERVER_CLIENT = /New client (\d+) connected/;
const PROBLEM = /fail|error|unable|not supported/i;

export function parseMpsLogs(controlLog: string, serverLogs: readonly string[]): MpsLogFacts {
  let controlPid: number | null = null;
  const servers = new Set<number>();
  const clients = new Set<number>();
  const problems: string[] = [];
  for (const line of controlLog.split('\n')) {
    const prefix = CONTROL_PREFIX.exec(line);
    if (prefix && controlPid === null) controlPid = Number(prefix[1]);
    const server = NEW_SERVER.exec(line);
    if (server) servers.add(Number(server[1]));
    const client = CONTROL_CLIENT.exec(line);
    // Clients in another pid namespace show as 0: not a pid we can match.
    if (client && Number(client[1]) > 0) clients.add(Number(client[1]));
    if (PROBLEM.test(line)) problems.push(line.trim());
  }
  for (const log of serverLogs) {
    for (const line of log.split('\n')) {
      const client = SERVER_CLIENT.exec(line);
      if (client && Number(client[1]) > 0) clients.add(Number(client[1]));
      if (PROBLEM.test(line)) problems.push(line.trim());
    }
  }
  return { controlPid, serverPids: [...servers], clientPids: [...clients].sort((a, b) => a - b), problems };
}

async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

/** Reads control.log, server.log and <server-name>/server.log under the MPS log directory. */
export async function readMpsLogs(logDirectory: string): Promise<MpsLogFacts> {
  const serverLogs = [await readOrEmpty(join(logDirectory, 'server.log'))];
  try {
    for (const entry of await readdir(logDirectory, { withFileTypes: true })) {
      if (entry.isDirectory()) serverLogs.push(await readOrEmpty(join(logDirectory, entry.name, 'server.log')));
    }
  } catch {
    // no log directory: nothing was logged, which the checks report
  }
  return parseMpsLogs(await readOrEmpty(join(logDirectory, 'control.log')), serverLogs);
}
