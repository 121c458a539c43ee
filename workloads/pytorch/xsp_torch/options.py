"""The command line of docs/protocol.md ("Invocation"), validated the way the native worker does
(native/src/worker/worker_options.cpp): anything refused raises WorkerError(BAD_COMMAND_LINE)."""

from dataclasses import dataclass
from typing import Optional

from .errors import BAD_COMMAND_LINE, WorkerError

MODELS = ("resnet18", "resnet50")
ROLES = ("hp", "lp")
PRIORITIES = ("default", "high", "low")
ARRIVALS = ("uniform", "poisson")
DEVICES = ("cuda", "cpu")
HP_ONLY = ("--rate-hz", "--arrival", "--inject-delay-us")


@dataclass
class WorkerOptions:
    role: str = "hp"
    model: str = ""
    result_path: str = ""
    batch: int = 1
    image_size: int = 224
    gpu_index: int = 0
    seed: int = 1
    duration_ms: int = 10000
    rate_hz: float = 10.0
    arrival: str = "uniform"
    stream_priority: str = "default"
    warmup_iterations: int = 5
    inject_delay_us: int = 0
    drain_ms: int = 5000
    # Not in the native worker: "cpu" runs on CPU tensors, for tests without a GPU.
    device: str = "cuda"
    probe: bool = False
    action: Optional[str] = None


def _fail(message):
    raise WorkerError(BAD_COMMAND_LINE, message)


def _integer(name, text, minimum):
    try:
        value = int(text, 10)
    except ValueError:
        _fail(f"{name} must be an integer, got {text!r}")
    if value < minimum:
        _fail(f"{name} must be >= {minimum}, got {text!r}")
    return value


def _rate(text):
    try:
        value = float(text)
    except ValueError:
        _fail(f"--rate-hz must be a number, got {text!r}")
    if not (value > 0 and value < float("inf")):
        _fail(f"--rate-hz must be finite and > 0, got {text!r}")
    return value


def _choice(name, text, allowed):
    if text not in allowed:
        _fail(f"{name} must be one of {', '.join(allowed)}, got {text!r}")
    return text


_SETTERS = {
    "--role": lambda o, v: setattr(o, "role", _choice("--role", v, ROLES)),
    "--model": lambda o, v: setattr(o, "model", _choice("--model", v, MODELS)),
    "--result": lambda o, v: setattr(o, "result_path", v),
    "--batch": lambda o, v: setattr(o, "batch", _integer("--batch", v, 1)),
    "--image-size": lambda o, v: setattr(o, "image_size", _integer("--image-size", v, 32)),
    "--gpu": lambda o, v: setattr(o, "gpu_index", _integer("--gpu", v, 0)),
    "--seed": lambda o, v: setattr(o, "seed", _integer("--seed", v, 0)),
    "--duration-ms": lambda o, v: setattr(o, "duration_ms", _integer("--duration-ms", v, 1)),
    "--rate-hz": lambda o, v: setattr(o, "rate_hz", _rate(v)),
    "--arrival": lambda o, v: setattr(o, "arrival", _choice("--arrival", v, ARRIVALS)),
    "--stream-priority": lambda o, v: setattr(o, "stream_priority", _choice("--stream-priority", v, PRIORITIES)),
    "--warmup-iters": lambda o, v: setattr(o, "warmup_iterations", _integer("--warmup-iters", v, 1)),
    "--inject-delay-us": lambda o, v: setattr(o, "inject_delay_us", _integer("--inject-delay-us", v, 0)),
    "--drain-ms": lambda o, v: setattr(o, "drain_ms", _integer("--drain-ms", v, 0)),
    "--device": lambda o, v: setattr(o, "device", _choice("--device", v, DEVICES)),
}


def parse_options(argv):
    """argv without the program name; returns WorkerOptions or raises WorkerError."""
    options = WorkerOptions()
    seen = set()
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--version", "--help"):
            options.action = arg[2:]
            return options
        if arg == "--probe":
            options.probe = True
            i += 1
            continue
        setter = _SETTERS.get(arg)
        if setter is None:
            _fail(f"unknown option {arg!r} (see --help)")
        if i + 1 >= len(argv):
            _fail(f"{arg} needs a value")
        setter(options, argv[i + 1])
        seen.add(arg)
        i += 2
    if options.probe:
        return options
    if options.model == "":
        _fail("--model is required (resnet18 or resnet50)")
    if options.result_path == "":
        _fail("--result is required")
    if options.role == "lp":
        refused = [name for name in HP_ONLY if name in seen]
        if refused:
            _fail(f"{', '.join(refused)}: refused with --role lp (hp only)")
    return options


USAGE = """usage: xsched-perf-torch-worker --role hp|lp --model resnet18|resnet50 --result PATH
         [--batch N] [--image-size N] [--gpu I] [--seed S] [--duration-ms D]
         [--rate-hz R] [--arrival uniform|poisson]        (hp only)
         [--stream-priority default|high|low] [--warmup-iters N]
         [--inject-delay-us N] [--drain-ms N] [--device cuda|cpu]
       xsched-perf-torch-worker --probe [--gpu I] [--role R] [--stream-priority P] [--device cuda|cpu]
       xsched-perf-torch-worker --version | --help
The protocol is docs/protocol.md; this worker is described in docs/workloads.md."""
