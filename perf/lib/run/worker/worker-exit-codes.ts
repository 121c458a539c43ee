// Exit codes of the worker (docs/protocol.md, "Exit codes"; native/src/worker/exit_codes.hpp),
// for messages. test/unit/worker/worker-exit-codes.test.ts keeps the three lists equal.

export const WORKER_EXIT = {
  ok: 0,
  internalError: 1,
  badCommandLine: 2,
  noGpu: 3,
  gpuIndexOutOfRange: 4,
  notEnoughMemory: 5,
  protocolError: 6,
  gpuRuntimeError: 7,
  resultWriteFailed: 8,
  stopped: 10,
} as const;

const MEANINGS: Record<number, string> = {
  0: 'success',
  1: 'internal error in the worker: an unexpected exception, a bug rather than a GPU problem; report it with the worker log',
  2: 'bad command line',
  3: 'no GPU visible',
  4: 'GPU index out of range',
  5: 'not enough GPU memory',
  6: 'protocol error (stdin closed before START, malformed START, or start instant already passed)',
  7: 'GPU runtime error',
  8: 'could not write the result file',
  10: 'stopped by SIGTERM/SIGINT/stdin EOF',
};

export function describeWorkerExitCode(code: number): string {
  return MEANINGS[code] ?? 'not a code the protocol defines';
}
