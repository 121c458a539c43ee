"""Exit codes of docs/protocol.md ("Exit codes") and the one error type that carries them."""

OK = 0
INTERNAL = 1
BAD_COMMAND_LINE = 2
NO_GPU = 3
GPU_INDEX = 4
OUT_OF_MEMORY = 5
PROTOCOL = 6
GPU_RUNTIME = 7
RESULT_WRITE = 8
STOPPED = 10

ERROR_PREFIX = "xsched-perf-worker: error: "


class WorkerError(Exception):
    """An error that ends the worker with a protocol exit code and one stderr line."""

    def __init__(self, exit_code, message):
        super().__init__(message)
        self.exit_code = exit_code
