// Workers run detached, each the leader of its own process group, so a stop reaches
// the whole tree and a Ctrl-C at the terminal reaches the suite first (it decides
// the order of stopping and records it). execa's `cleanup` option does nothing for
// detached children, so this module keeps the live groups and SIGKILLs them when
// the suite's process exits. A suite killed outright is covered by the worker
// itself: stdin EOF and PR_SET_PDEATHSIG (docs/protocol.md).

const liveGroups = new Set<number>();
let exitHookInstalled = false;

export function registerProcessGroup(pgid: number): void {
  liveGroups.add(pgid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', killAllGroupsNow);
  }
}

export function unregisterProcessGroup(pgid: number): void {
  liveGroups.delete(pgid);
}

/** The groups still registered (for tests and diagnostics). */
export function listLiveProcessGroups(): number[] {
  return [...liveGroups];
}

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

function killAllGroupsNow(): void {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone: nothing to clean up.
    }
  }
  liveGroups.clear();
}
