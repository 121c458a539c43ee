#!/usr/bin/env node
// The suite's supervisor: started detached (its own process group, so a Ctrl-C or a
// group signal meant for the suite does not reach it) with a pipe from the suite on
// stdin. The suite sends one JSON line per child to stop should it die ({"op":"add",
// "id","order"}) and withdraws it once stopped ({"op":"remove","id"}). At EOF (the suite
// exited, however: even SIGKILL closes the pipe) it stops what is left and exits.
// Plain JavaScript, no imports from the suite: it must start fast and with nothing
// but node. Orders are defined in perf/lib/process/supervisor/supervisor.ts.

import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const graceMs = Number(process.argv[2] ?? '1000');
const orders = new Map();

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function send(order, signal) {
  try {
    process.kill(order.group ? -order.pid : order.pid, signal);
  } catch {
    // Gone already.
  }
}

async function stopAll() {
  const processes = [...orders.values()].filter((order) => order.kind === 'process');
  for (const order of processes) send(order, order.signal);
  for (const order of orders.values()) {
    if (order.kind !== 'mps-quit') continue;
    spawnSync(order.binary, [], { env: order.env, input: 'quit\n', timeout: graceMs, stdio: ['pipe', 'ignore', 'ignore'] });
    if (order.controlPid !== null) processes.push({ kind: 'process', pid: order.controlPid, group: false, signal: 'SIGTERM' });
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && processes.some((order) => isAlive(order.pid))) await sleep(50);
  for (const order of processes) send(order, 'SIGKILL');
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    return;
  }
  if (message.op === 'add') orders.set(message.id, message.order);
  else if (message.op === 'remove') orders.delete(message.id);
});
lines.on('close', () => {
  stopAll().finally(() => process.exit(0));
});
