// Last-resort cleanup when the suite's process exits without closing its sessions
// (process.exit in a hurry): daemons the suite started must not outlive it. Only
// synchronous work runs in an 'exit' handler.

const cleanups = new Set<() => void>();
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

/** Returns the function that unregisters it (call it once the resource was closed normally). */
export function registerExitCleanup(cleanup: () => void): () => void {
  if (!installed) {
    process.on('exit', runAll);
    installed = true;
  }
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}
