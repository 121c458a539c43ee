// The error every PERF_SWEEP_* reader throws, its message naming the variable and quoting the value.

export class SweepConfigError extends Error {
  override readonly name = 'SweepConfigError';
}
