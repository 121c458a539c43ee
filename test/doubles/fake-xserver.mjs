#!/usr/bin/env node
// TEST DOUBLE of XSched 1.2.0's xserver: `fake-xserver.mjs <policy> <port>`. It serves the
// real GET /xqueues shape and writes XSched-shaped INFO lines on stderr, but schedules
// nothing and has no IPC channel. Tests play the workers through a side channel the real
// xserver does not have:
//   POST /__double/clients {"pid":1234,"cmdline":"...","priority":1,"queues":1,
//                            "skipPriorityLine":false,"skipQueueLine":false}
//     -> "client process 1234 connected", "XQueue (0x...) from process 1234 created",
//        "set priority 1 for XQueue 0x..." (one per queue), and the queues in /xqueues.
// Knobs (environment): FAKE_XSERVER_EXIT_AFTER_MS=n  exit with status 1 after n ms,
//   FAKE_XSERVER_READY_DELAY_MS=n  listen only after n ms,
//   FAKE_XSERVER_IGNORE_SIGINT=1 / FAKE_XSERVER_IGNORE_SIGTERM=1  to test escalation.

import { createServer } from 'node:http';

const POLICIES = ['HPF', 'HHPF', 'CHPF', 'UP', 'PUP', 'SPUP', 'KEDF', 'LAX', 'AWF', 'CFS', 'MLFQ'];

function log(level, message) {
  const now = new Date();
  const time = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}:${String(now.getSeconds()).padStart(2, '0')}.${String(now.getMilliseconds() * 1000).padStart(6, '0')}`;
  process.stderr.write(`[XSCHED ${level} @ T ${process.pid} @ ${time}] ${message}\n`);
}

const [policy = 'HPF', portText = '50000'] = process.argv.slice(2);
if (!POLICIES.includes(policy)) {
  log('ERRO', `invalid policy name ${policy} @ server.cpp:24`);
  process.exit(1);
}
const port = Number(portText);
log('INFO', `scheduler created with policy ${policy}`);

const processes = [];
const xqueues = [];
let nextHandle = 0x7f3a00001000n;

function addClient(body) {
  const pid = Number(body.pid);
  processes.push({ pid, cmdline: String(body.cmdline ?? `fake-worker ${pid}`) });
  log('INFO', `client process ${pid} connected, cmdline: ${body.cmdline ?? `fake-worker ${pid}`}`);
  for (let i = 0; i < Number(body.queues ?? 1); i++) {
    const handle = nextHandle;
    nextHandle += 0x100n;
    // Emitted as a raw 64-bit JSON number, as jsoncpp writes it.
    xqueues.push({ handle, pid, level: Number(body.level ?? 1), threshold: Number(body.threshold ?? 16), batch_size: Number(body.batch_size ?? 8) });
    if (!body.skipQueueLine) log('INFO', `XQueue (0x${handle.toString(16)}) from process ${pid} created`);
    if (!body.skipPriorityLine) log('INFO', `set priority ${Number(body.priority ?? 0)} for XQueue 0x${handle.toString(16)}`);
  }
}

function xqueuesBody() {
  const queues = xqueues.map(
    (q) => `{"batch_size":${q.batch_size},"device":${0x10de0000n + 1n},"handle":${q.handle},"level":${q.level},"pid":${q.pid},"ready":true,"suspended":false,"threshold":${q.threshold}}`,
  );
  return `{"processes":${JSON.stringify(processes)},"xqueues":[${queues.join(',')}]}`;
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/xqueues') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(xqueuesBody());
    return;
  }
  if (req.method === 'POST' && req.url === '/__double/clients') {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      addClient(JSON.parse(text));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"info":"success"}');
    });
    return;
  }
  res.writeHead(404).end();
});

function stopGracefully() {
  server.close();
  process.exit(0);
}
process.on('SIGINT', () => (process.env.FAKE_XSERVER_IGNORE_SIGINT === '1' ? log('INFO', 'SIGINT ignored (double)') : stopGracefully()));
process.on('SIGQUIT', stopGracefully);
if (process.env.FAKE_XSERVER_IGNORE_SIGTERM === '1') process.on('SIGTERM', () => log('INFO', 'SIGTERM ignored (double)'));

setTimeout(() => {
  log('INFO', `HTTP server listening on port ${port}`);
  server.listen(port, '0.0.0.0');
  log('INFO', 'events receiver started');
}, Number(process.env.FAKE_XSERVER_READY_DELAY_MS ?? 0));

if (process.env.FAKE_XSERVER_EXIT_AFTER_MS !== undefined) {
  setTimeout(() => {
    log('ERRO', 'fake failure requested by FAKE_XSERVER_EXIT_AFTER_MS @ server.cpp:1');
    process.exit(1);
  }, Number(process.env.FAKE_XSERVER_EXIT_AFTER_MS));
}
