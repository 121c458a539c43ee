import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseMpsLogs, readMpsLogs } from '../../../perf/lib/run/sharing/mps-log.ts';

// The example lines of NVIDIA's "MPS Logging Format" documentation.
const CONTROL_LOG = [
  '[2013-08-05 12:50:23.347 Control 13894] Starting new server 13929 for user 500',
  '[2013-08-05 12:50:24.870 Control 13894] NEW SERVER 13929: Ready',
  '[2013-08-05 13:02:10.866 Control 13894] NEW CLIENT 19276 from user 500: Server already exists',
  '[2013-08-05 13:02:10.961 Control 13894] Accepting connection...',
  '[2013-08-05 13:02:11.000 Control 13894] NEW CLIENT 0 from user 500: Server already exists',
  '[2013-08-05 13:02:26.226 Control 13894] Server 13929 exited with status 0',
].join('\n');
const SERVER_LOG = [
  '[2013-08-05 13:00:09.269 Server 13929] New client 14781 connected',
  '[2013-08-05 13:00:09.270 Server 13929] Client 14777 disconnected',
  '[2013-08-06 10:51:31.706 Server 29489] MPS server failed to start',
].join('\n');

describe('parseMpsLogs', () => {
  const facts = parseMpsLogs(CONTROL_LOG, [SERVER_LOG]);
  it('takes the control daemon pid from the line prefix', () => expect(facts.controlPid).toBe(13894));
  it('finds the servers', () => expect(facts.serverPids).toEqual([13929]));
  it('finds clients from both logs, ignoring pid 0 (another pid namespace)', () => expect(facts.clientPids).toEqual([14781, 19276]));
  it('keeps failure lines', () => expect(facts.problems).toEqual(['[2013-08-06 10:51:31.706 Server 29489] MPS server failed to start']));
});

describe('readMpsLogs', () => {
  it('reads control.log, server.log and per-server (MPS v3) server logs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xsched-perf-mpslog-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'control.log'), CONTROL_LOG);
    mkdirSync(join(dir, 'server-0'));
    writeFileSync(join(dir, 'server-0', 'server.log'), '[2024-01-01 00:00:00.000 Server 1] New client 555 connected\n');
    expect((await readMpsLogs(dir)).clientPids).toEqual([555, 19276]);
  });

  it('gives empty facts for a missing directory', async () => {
    expect(await readMpsLogs('/nonexistent/mps-log')).toEqual({ controlPid: null, serverPids: [], clientPids: [], problems: [] });
  });
});
