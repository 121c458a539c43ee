// Notices that this process's parent is gone. Under `vitest run` a scenario runs in a
// Vitest fork, a child of the main process: a Ctrl-C or SIGINT that reaches only the
// main process ends it at once and never reaches the fork, which would go on running
// GPU workers. Two signs tell the fork: its IPC channel to the parent closes, and its
// parent pid changes (the kernel hands an orphan to init or a subreaper).

export interface ParentWatchOptions {
  /** How often the parent pid is compared. Default 250 ms. */
  pollMs?: number;
}

/** Calls `onGone` once with the reason; returns the function that stops watching. */
export function watchParent(onGone: (reason: string) => void, options: ParentWatchOptions = {}): () => void {
  const parentPid = process.ppid;
  let watching = true;
  const stop = (): void => {
    watching = false;
    clearInterval(timer);
    process.off('disconnect', onDisconnect);
  };
  const fire = (reason: string): void => {
    if (!watching) return;
    stop();
    onGone(reason);
  };
  const onDisconnect = (): void => fire(`the parent process (pid ${parentPid}) closed its channel to this one`);
  const timer = setInterval(() => {
    if (process.ppid !== parentPid) fire(`the parent process (pid ${parentPid}) is gone`);
  }, options.pollMs ?? 250);
  timer.unref();
  if (process.connected) process.once('disconnect', onDisconnect);
  return stop;
}
