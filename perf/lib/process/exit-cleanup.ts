// The one cleanup registry for every child the suite starts. Each entry has
// - a synchronous `onExit`, run when the suite's process exits without closing the
//   child (process.exit in a hurry; only synchronous work runs in an 'exit' handler), and
// - optionally a supervisor order (supervisor/supervisor.ts), carried out by a separate
//   process when the suite dies without running any handler at all (SIGKILL).
// The function returned unregisters both once the child was stopped normally.

import { superviseChild, type SupervisorOrder } from './supervisor/supervisor.ts';

const cleanups = new Set<() => void>();
const orders = new Set<SupervisorOrder>();
let installed = false;

function runAll(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // best effort: the process is going away
    }
  }
  cleanups.clear();
}

export function registerExitCleanup(onExit: () => void, order?: SupervisorOrder): () => void {
  if (!installed) {
    process.on('exit', runAll);
    installed = true;
  }
  cleanups.add(onExit);
  const withdraw = order ? superviseChild(order) : () => undefined;
  if (order) orders.add(order);
  return () => {
    cleanups.delete(onExit);
    if (order) orders.delete(order);
    withdraw();
  };
}

/** The pids (or process groups) still registered for a stop (for tests and diagnostics). */
export function listRegisteredPids(): number[] {
  return [...orders].flatMap((order) => (order.kind === 'process' ? [order.pid] : order.controlPid === null ? [] : [order.controlPid]));
}
