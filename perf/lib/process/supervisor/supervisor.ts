// The suite's side of the supervisor (supervisor-main.mjs): started on the first order,
// detached and unreferenced, so it neither receives the suite's Ctrl-C nor keeps the
// suite alive. Its stdin pipe is its liveness signal: when the suite's process ends in
// any way, the pipe reaches EOF and the supervisor stops every child still ordered.
// The xserver and the MPS daemon cannot be told to die with their parent (workers can:
// PR_SET_PDEATHSIG, docs/protocol.md), so this is what keeps them from outliving a
// killed suite.

import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';

export type SupervisorOrder =
  /** Send `signal` to the pid (or its process group), then SIGKILL after the grace period. */
  | { kind: 'process'; pid: number; group: boolean; signal: NodeJS.Signals }
  /** `echo quit | binary` with the daemon's environment (its private pipe directory), then SIGTERM and SIGKILL to controlPid. */
  | { kind: 'mps-quit'; binary: string; env: Record<string, string>; controlPid: number | null };

const SUPERVISOR_PATH = fileURLToPath(new URL('./supervisor-main.mjs', import.meta.url));
/** Between the polite signal and SIGKILL: well inside the 3 s a stop may take (docs/orchestration.md). */
const SUPERVISOR_GRACE_MS = 1_000;

let supervisor: ResultPromise | null = null;
let nextId = 1;

function start(): ResultPromise {
  const child = execa(process.execPath, [SUPERVISOR_PATH, String(SUPERVISOR_GRACE_MS)], {
    detached: true,
    stdin: 'pipe',
    stdout: 'ignore',
    stderr: 'ignore',
    reject: false,
    cleanup: false,
  });
  child.unref();
  child.stdin?.on('error', () => {
    // EPIPE: the supervisor died; the exit handlers of exit-cleanup.ts remain.
  });
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  child.catch(() => undefined);
  return child;
}

function write(message: object): void {
  supervisor ??= start();
  supervisor.stdin?.write(`${JSON.stringify(message)}\n`);
}

/** Hands the supervisor an order; returns the function that withdraws it (call it once the child was stopped). */
export function superviseChild(order: SupervisorOrder): () => void {
  const id = nextId++;
  write({ op: 'add', id, order });
  let withdrawn = false;
  return () => {
    if (withdrawn) return;
    withdrawn = true;
    write({ op: 'remove', id });
  };
}
