// Polls a condition until it holds, a deadline passes, or the run is aborted.

import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
}

/**
 * Calls `check` until it returns a non-null value, which is returned. Returns null when
 * timeoutMs passes first. `check` may throw to stop waiting (e.g. the daemon exited).
 */
export async function waitUntil<T>(check: () => Promise<T | null> | T | null, options: WaitOptions): Promise<T | null> {
  const deadline = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 100;
  for (;;) {
    options.signal?.throwIfAborted();
    const value = await check();
    if (value !== null) return value;
    if (Date.now() >= deadline) return null;
    await sleep(Math.min(intervalMs, Math.max(1, deadline - Date.now())), undefined, { signal: options.signal });
  }
}
