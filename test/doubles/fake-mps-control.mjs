#!/usr/bin/env node
// TEST DOUBLE of nvidia-cuda-mps-control. It keeps the real program's outward shape and
// touches no GPU:
//   fake-mps-control.mjs -d   starts a background daemon listening on
//                             $CUDA_MPS_PIPE_DIRECTORY/control and logging to
//                             $CUDA_MPS_LOG_DIRECTORY/control.log, then returns
//   fake-mps-control.mjs      reads commands on stdin and sends them to the daemon;
//                             `quit` stops it.
// Side channel for tests (the real daemon has no such command):
//   __double_client <pid>     logs what the real daemon and server log when a CUDA
//                             process connects (documented control.log/server.log lines).
// Unlike the real one it refuses to run without both directories set, so a test can
// never touch /tmp/nvidia-mps or /var/log/nvidia-mps.

import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pipeDir = process.env.CUDA_MPS_PIPE_DIRECTORY;
const logDir = process.env.CUDA_MPS_LOG_DIRECTORY;
if (!pipeDir || !logDir) {
  process.stderr.write('fake-mps-control: CUDA_MPS_PIPE_DIRECTORY and CUDA_MPS_LOG_DIRECTORY must both be set (double)\n');
  process.exit(1);
}
const socketPath = join(pipeDir, 'control');

function stamp(kind, pid) {
  const iso = new Date().toISOString().replace('T', ' ').slice(0, 23);
  return `[${iso} ${kind} ${pid}]`;
}

function connect() {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(null));
  });
}

async function startDaemon() {
  const running = await connect();
  if (running) {
    running.end();
    process.stdout.write('An instance of this daemon is already running\n');
    process.exit(1);
  }
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--daemon-loop'], { detached: true, stdio: 'ignore', env: process.env });
  child.unref();
  const deadline = Date.now() + 5_000;
  while (!existsSync(socketPath) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  process.exit(existsSync(socketPath) ? 0 : 1);
}

function daemonLoop() {
  const controlLog = join(logDir, 'control.log');
  const serverLog = join(logDir, 'server.log');
  const fakeServerPid = process.pid + 1; // a double: there is no real MPS server process
  let serverStarted = false;
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.on('data', (text) => {
      for (const command of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
        const [verb, arg] = command.split(/\s+/);
        if (verb === 'quit') {
          appendFileSync(controlLog, `${stamp('Control', process.pid)} quit\n`);
          socket.end('');
          server.close();
          rmSync(socketPath, { force: true });
          process.exit(0);
        } else if (verb === '__double_client') {
          if (!serverStarted) {
            appendFileSync(controlLog, `${stamp('Control', process.pid)} Starting new server ${fakeServerPid} for user ${process.getuid?.() ?? 0}\n`);
            appendFileSync(controlLog, `${stamp('Control', process.pid)} NEW SERVER ${fakeServerPid}: Ready\n`);
            serverStarted = true;
          }
          appendFileSync(controlLog, `${stamp('Control', process.pid)} NEW CLIENT ${arg} from user ${process.getuid?.() ?? 0}: Server already exists\n`);
          appendFileSync(serverLog, `${stamp('Server', fakeServerPid)} New client ${arg} connected\n`);
          socket.write('ok\n');
        } else {
          socket.write(`unknown command ${verb} (double)\n`);
        }
      }
    });
  });
  server.listen(socketPath);
}

async function sendCommands() {
  const socket = await connect();
  if (!socket) {
    process.stdout.write('Cannot find MPS control daemon process\n');
    process.exit(1);
  }
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += chunk;
  socket.pipe(process.stdout);
  socket.on('close', () => process.exit(0));
  socket.end(input);
}

const mode = process.argv[2];
if (mode === '-d') await startDaemon();
else if (mode === '--daemon-loop') daemonLoop();
else await sendCommands();
