// Workers run detached, each the leader of its own process group, so a stop reaches
// the whole tree and a Ctrl-C at the terminal reaches the suite first (it decides
// the order of stopping and records it). execa's `cleanup` option does nothing for
// detached children, so each group is registered in exit-cleanup.ts (SIGKILL at the
// suite's exit, and a supervisor order for a suite killed outright); the worker
// itself also stops at stdin EOF and by PR_SET_PDEATHSIG (docs/protocol.md).

/** Sends a signal to every process of the group; false when the group no longer exists. */
export function signalProcessGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw new Error(`could not send ${signal} to process group ${pgid}: ${(cause as Error).message}`, { cause });
  }
}
