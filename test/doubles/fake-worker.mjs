#!/usr/bin/env node
// TEST DOUBLE of xsched-perf-worker: it follows docs/protocol.md (same options, stdout
// lines, result file, exit codes, SIGTERM/stdin-EOF handling) but uses no GPU. Its
// fingerprint says "fake" everywhere, and its records are derived from its options and
// seed, not measured: it only waits in real time until the end instant.
//
// Behaviour knobs (environment):
//   FAKE_WORKER_MODE            ok (default) | crash | hang | never-ready | late | bad-ready |
//                               bad-result | slow-ready | exit-nonzero | no-gpu
//   FAKE_WORKER_HP_LATENCY_MS   hp service time per request (default 2.4)
//   FAKE_WORKER_LP_ITER_MS      lp time per iteration (default 30)
//   FAKE_WORKER_READY_DELAY_MS  delay before READY (default 0; 1000 in slow-ready mode)
//   FAKE_WORKER_PROGRESS_MS     PROGRESS period (default 5000, as the protocol's "at most every 5 s")
//   FAKE_WORKER_EXIT_CODE       exit code of exit-nonzero mode (default 5)
//   FAKE_WORKER_PLATFORM        cuda (default) | hip-amd
//   FAKE_WORKER_XSCHED_LIBS     comma-separated paths to report as mapped XSched libraries
// hang mode ignores SIGTERM and stdin EOF after START, like a process stuck in a driver call.

import { renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const env = process.env;
const mode = env.FAKE_WORKER_MODE ?? 'ok';
const MODES = ['ok', 'crash', 'hang', 'never-ready', 'late', 'bad-ready', 'bad-result', 'slow-ready', 'exit-nonzero', 'no-gpu'];
const nowNs = () => process.hrtime.bigint();
const log = (line) => process.stderr.write(`fake-worker (test double): ${line}\n`);

function fail(code, reason) {
  process.stderr.write(`xsched-perf-worker: error: ${reason}\n`);
  process.exit(code);
}

function numberKnob(name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) fail(2, `${name}=${JSON.stringify(raw)} is not a non-negative number`);
  return value;
}

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      strict: true,
      options: Object.fromEntries(
        ['role', 'model', 'result', 'batch', 'image-size', 'gpu', 'seed', 'duration-ms', 'rate-hz', 'arrival',
          'stream-priority', 'warmup-iters', 'inject-delay-us', 'drain-ms'].map((n) => [n, { type: 'string' }])
          .concat(['probe', 'version', 'help'].map((n) => [n, { type: 'boolean' }])),
      ),
    }).values;
  } catch (error) {
    fail(2, error.message);
  }
  const int = (name, fallback, min) => {
    const raw = parsed[name];
    if (raw === undefined) return fallback;
    if (!/^-?[0-9]+$/.test(raw) || Number(raw) < min) fail(2, `--${name} must be an integer >= ${min}, got "${raw}"`);
    return Number(raw);
  };
  const oneOf = (name, fallback, allowed) => {
    const raw = parsed[name] ?? fallback;
    if (raw === undefined || !allowed.includes(raw)) fail(2, `--${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return raw;
  };
  if (parsed.version) { process.stdout.write('xsched-perf-worker 0.1.0-fake (test double)\n'); process.exit(0); }
  if (parsed.help) { process.stdout.write('fake xsched-perf-worker (test double): see docs/protocol.md\n'); process.exit(0); }
  const gpuIndex = int('gpu', 0, 0);
  if (parsed.probe) return { probe: true, gpuIndex };
  const role = oneOf('role', undefined, ['hp', 'lp']);
  for (const flag of ['rate-hz', 'arrival', 'inject-delay-us']) {
    if (role === 'lp' && parsed[flag] !== undefined) fail(2, `--${flag} applies to --role hp only (got it with --role lp)`);
  }
  if (parsed.result === undefined || parsed.result === '') fail(2, '--result PATH is required');
  const rateHz = Number(parsed['rate-hz'] ?? 10);
  if (!(rateHz > 0)) fail(2, `--rate-hz must be > 0, got "${parsed['rate-hz']}"`);
  return {
    probe: false, role, gpuIndex, resultPath: parsed.result, rateHz,
    model: oneOf('model', undefined, ['resnet18', 'resnet50']),
    batch: int('batch', 1, 1), imageSize: int('image-size', 224, 1), seed: int('seed', 1, -(2 ** 31)),
    durationMs: int('duration-ms', 10000, 1), arrival: oneOf('arrival', 'uniform', ['uniform', 'poisson']),
    streamPriority: oneOf('stream-priority', 'default', ['default', 'high', 'low']),
    warmupIterations: int('warmup-iters', 5, 0), injectDelayUs: int('inject-delay-us', 0, 0), drainMs: int('drain-ms', 5000, 0),
  };
}

function fingerprintOf(opts) {
  const value = { default: 0, high: -5, low: 0 }[opts.streamPriority ?? 'default'];
  const libs = (env.FAKE_WORKER_XSCHED_LIBS ?? '').split(',').filter((p) => p !== '');
  const fingerprint = {
    schemaVersion: 1, workerVersion: '0.1.0-fake', pid: process.pid, hostname: hostname(), role: opts.role,
    platform: env.FAKE_WORKER_PLATFORM ?? 'cuda',
    gpu: { index: opts.gpuIndex, name: 'Fake GPU (test double, no GPU used)', arch: 'fake', uuid: 'GPU-fake-0000',
      pciBusId: '0000:00:00.0', memoryTotalBytes: 8 * 2 ** 30, multiprocessorCount: 1 },
    runtimeVersion: 'fake', driverVersion: 'fake', xschedLibraries: libs,
    mps: { client: false, source: 'fake worker: no GPU runtime', pipeDirectory: null },
    stream: { priority: opts.streamPriority ?? 'default', value, leastPriority: 0, greatestPriority: -5 },
    clock: 'CLOCK_MONOTONIC',
  };
  if (opts.role === undefined) { delete fingerprint.role; delete fingerprint.stream; }
  return fingerprint;
}

// mulberry32: a small seeded generator, so records are reproducible from --seed.
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Records up to `untilNs` (relative to the start instant); the whole window when omitted. */
function deriveRecords(opts, untilNs = Infinity) {
  const random = seededRandom(opts.seed);
  const windowNs = opts.durationMs * 1e6;
  if (opts.role === 'lp') {
    const iterNs = numberKnob('FAKE_WORKER_LP_ITER_MS', 30) * 1e6;
    const iterations = [];
    for (let start = 0; start < windowNs;) {
      const end = start + Math.round(iterNs * (0.95 + 0.1 * random()));
      if (end > untilNs) break;
      iterations.push([start, end]);
      start = end + 5000;
    }
    return { iterations };
  }
  const serviceNs = numberKnob('FAKE_WORKER_HP_LATENCY_MS', 2.4) * 1e6;
  const requests = [];
  let unstartedRequests = 0;
  let freeAt = 0;
  let offset = 0;
  for (let k = 0; offset < windowNs; k++) {
    const started = Math.max(offset, freeAt) + 20000 + opts.injectDelayUs * 1000;
    const finished = started + Math.round(serviceNs * (0.9 + 0.2 * random()));
    if (started > windowNs + opts.drainMs * 1e6) unstartedRequests++;
    else if (finished <= untilNs) requests.push([offset, started, finished]);
    freeAt = finished;
    offset = opts.arrival === 'poisson'
      ? offset + Math.round((-Math.log(1 - random()) / opts.rateHz) * 1e9)
      : Math.round(((k + 1) * 1e9) / opts.rateHz);
  }
  return { requests, unstartedRequests };
}

function writeResult(opts, startNs, endNs, partialReason) {
  const untilNs = partialReason === null ? Infinity : Number(nowNs() - startNs);
  const { resultPath, probe, drainMs, ...options } = opts;
  if (opts.role === 'lp') { delete options.rateHz; delete options.arrival; }
  const result = {
    schema: 'xsched-perf.worker-result', schemaVersion: 1, options, fingerprint: fingerprintOf(opts),
    startNs: String(startNs), endNs: String(endNs), partial: partialReason !== null, partialReason,
    ...deriveRecords(opts, untilNs),
    warmup: { iterations: opts.warmupIterations, meanMs: opts.role === 'hp' ? numberKnob('FAKE_WORKER_HP_LATENCY_MS', 2.4) : numberKnob('FAKE_WORKER_LP_ITER_MS', 30) },
  };
  if (mode === 'bad-result') delete result.schemaVersion;
  const temporary = `${resultPath}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(result));
  renameSync(temporary, resultPath);
}

function run(opts) {
  let state = 'loading';
  let startNs = 0n;
  let endNs = 0n;
  const stop = (why, eofBeforeStart) => {
    if (mode === 'hang' && state === 'measuring') return log(`hang mode: ignoring ${why}`);
    if (state === 'measuring') { writeResult(opts, startNs, endNs, `stopped by ${why}`); process.exit(10); }
    if (eofBeforeStart) fail(6, 'stdin closed before START');
    process.exit(10);
  };
  process.on('SIGTERM', () => stop('SIGTERM', false));
  process.on('SIGINT', () => stop('SIGINT', false));
  const measure = () => {
    state = 'measuring';
    const waitMs = (ns) => Math.max(0, Number(ns - nowNs()) / 1e6);
    const windowMs = waitMs(endNs);
    log(`measuring for ${windowMs.toFixed(0)} ms`);
    const reportProgress = () => {
      const records = deriveRecords(opts, Math.max(0, Number(nowNs() - startNs)));
      // hp: the running nearest-rank P99 field of docs/protocol.md, from the double's own derived requests.
      const latencies = (records.requests ?? []).map(([offset, , finished]) => finished - offset).sort((a, b) => a - b);
      const p99 = latencies.length > 0 ? ` p99Us=${Math.floor(latencies[Math.max(1, Math.ceil(0.99 * latencies.length - 1e-9)) - 1] / 1000)}` : '';
      process.stdout.write(`PROGRESS ${(records.requests ?? records.iterations).length}${p99}\n`);
    };
    setInterval(reportProgress, numberKnob('FAKE_WORKER_PROGRESS_MS', 5000)).unref();
    if (mode === 'crash') {
      setTimeout(() => fail(7, 'fake.cpp:1: hipStreamSynchronize failed: hipErrorIllegalAddress (simulated by the test double)'), windowMs / 2);
      return;
    }
    if (mode === 'hang') { setInterval(() => {}, 60_000); return; }
    setTimeout(() => {
      writeResult(opts, startNs, endNs, null);
      process.stdout.write(`DONE ${opts.resultPath}\n`);
      process.exit(0);
    }, windowMs);
  };
  const onLine = (line) => {
    if (state !== 'ready') return;
    const match = /^START ([0-9]+) ([0-9]+)$/.exec(line.trim());
    if (!match || BigInt(match[1]) >= BigInt(match[2])) fail(6, `malformed START line: "${line}"`);
    startNs = BigInt(match[1]);
    endNs = BigInt(match[2]);
    state = 'starting';
    const check = () => {
      const lateNs = nowNs() - startNs;
      if (lateNs > 0n) fail(6, `start instant already passed (${Number(lateNs) / 1e6} ms late)`);
      measure();
    };
    // late mode: handle START only after its instant, as a stalled worker would.
    if (mode === 'late') setTimeout(check, Number(startNs - nowNs()) / 1e6 + 50);
    else check();
  };
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on('line', onLine);
  input.on('close', () => stop('stdin EOF', state === 'loading' || state === 'ready'));
  log(`role ${opts.role} model ${opts.model} batch ${opts.batch} seed ${opts.seed}; no GPU is used`);
  if (mode === 'exit-nonzero') fail(numberKnob('FAKE_WORKER_EXIT_CODE', 5), 'not enough GPU memory (simulated by the test double)');
  if (mode === 'never-ready') return log('never-ready mode: not printing READY');
  const readyDelayMs = numberKnob('FAKE_WORKER_READY_DELAY_MS', mode === 'slow-ready' ? 1000 : 0);
  setTimeout(() => {
    const fingerprint = fingerprintOf(opts);
    if (mode === 'bad-ready') delete fingerprint.gpu.uuid;
    state = 'ready';
    process.stdout.write(`READY ${JSON.stringify(fingerprint)}\n`);
  }, readyDelayMs);
}

if (!MODES.includes(mode)) fail(2, `FAKE_WORKER_MODE=${JSON.stringify(mode)} is not one of ${MODES.join(', ')}`);
const opts = parseOptions();
if (mode === 'no-gpu') fail(3, 'no GPU visible (simulated by the test double)');
if (opts.gpuIndex !== 0) fail(4, `GPU index ${opts.gpuIndex} out of range (the test double has 1 GPU)`);
if (opts.probe) {
  process.stdout.write(`${JSON.stringify(fingerprintOf(opts))}\n`);
  process.exit(0);
}
run(opts);
