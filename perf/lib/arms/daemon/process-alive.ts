// Whether a pid names a live process: signal 0 checks existence without sending anything.

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still makes it alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
