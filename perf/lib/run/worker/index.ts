// The worker module: finding, starting, reading and stopping xsched-perf-worker processes.
export { BadOutputError } from './bad-output-error.ts';
export { locateWorker, WorkerNotFoundError, WORKER_BINARY_NAME, type LocateWorkerOptions, type LocatedWorker } from './locate-worker.ts';
export { buildWorkerArgs, rolesForArm, streamPriorityFor, type WorkerArgsInput } from './worker-args.ts';
export { parseFingerprintJson } from './parse-fingerprint.ts';
export { parseWorkerLine, type WorkerLine } from './parse-worker-line.ts';
export { readWorkerResult, type ExpectedResult } from './read-worker-result.ts';
export { readLastLogLines, findWorkerErrorLine } from './read-log-tail.ts';
export { describeWorkerExitCode, WORKER_EXIT } from './worker-exit-codes.ts';
export { spawnWorker, WorkerProcess, type SpawnWorkerOptions, type WorkerExit, type WorkerStop } from './worker-process.ts';
