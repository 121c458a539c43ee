"""Stops of docs/protocol.md: SIGTERM, SIGINT, stdin EOF, the parent's death (PR_SET_PDEATHSIG,
then XSP_PARENT_PID compared with the parent pid, as native/src/worker/stop_request.cpp does).
stdin is read by one thread: its first line is START, its end is a stop."""

import ctypes
import os
import queue
import signal
import sys
import threading

from .errors import STOPPED, WorkerError

_PR_SET_PDEATHSIG = 1


class StopState:
    def __init__(self):
        self.reason = None
        self._event = threading.Event()
        self.start_lines = queue.Queue()

    def request(self, reason):
        if self.reason is None:
            self.reason = reason
        self._event.set()

    @property
    def requested(self):
        return self._event.is_set()

    def wait(self, timeout_s):
        """Sleeps up to timeout_s; True when a stop came first."""
        return self._event.wait(timeout_s)


def describe_parent_change(expected_parent_pid, actual_parent_pid):
    """The stderr line for a parent that died before PR_SET_PDEATHSIG took hold; "" when alive."""
    if not expected_parent_pid:
        if actual_parent_pid != 1:
            return ""
        return "the parent process is gone (the worker was adopted by pid 1) before the worker started"
    try:
        expected = int(expected_parent_pid, 10)
    except ValueError:
        return ""
    if expected <= 0 or expected == actual_parent_pid:
        return ""
    return (f"the parent process (XSP_PARENT_PID={expected_parent_pid}) is gone before the worker started; "
            f"its parent is now pid {actual_parent_pid}")


def install_stop_handlers(state):
    handler = lambda signo, _frame: state.request("SIGINT received" if signo == signal.SIGINT else "SIGTERM received")
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG, SIGTERM) failed")
    changed = describe_parent_change(os.environ.get("XSP_PARENT_PID"), os.getppid())
    if changed:
        raise WorkerError(STOPPED, changed)


def watch_stdin(state):
    """Starts the reader thread: the first line goes to state.start_lines, EOF (or None) is a stop."""

    def read():
        first = sys.stdin.readline()
        state.start_lines.put(first if first.endswith("\n") else None)
        if first.endswith("\n"):
            while sys.stdin.readline():
                pass  # the suite writes nothing more; only the end matters
        state.request("stdin closed")

    threading.Thread(target=read, name="stdin-watcher", daemon=True).start()
