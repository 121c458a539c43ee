"""The device a worker runs on and its READY fingerprint (docs/protocol.md, "READY fingerprint").
torch.cuda covers CUDA and ROCm (torch.version.hip is set on ROCm builds); "cpu" is the test mode
without a GPU, whose fingerprint says platform "cpu" so it can never pass for a GPU run."""

import os
import platform as host_platform
import socket

from . import WORKER_VERSION
from .driver_info import cuda_driver_facts, hip_driver_facts
from .errors import GPU_INDEX, NO_GPU, WorkerError
from .xsched_libraries import mapped_xsched_libraries


def select_device(torch, options):
    if options.device == "cpu":
        return torch.device("cpu")
    count = torch.cuda.device_count() if torch.cuda.is_available() else 0
    if count == 0:
        raise WorkerError(NO_GPU, "no GPU visible to torch (torch.cuda.is_available() is False); use --device cpu for a CPU test run")
    if options.gpu_index >= count:
        raise WorkerError(GPU_INDEX, f"--gpu {options.gpu_index} is out of range: {count} GPU(s) visible")
    torch.cuda.set_device(options.gpu_index)
    return torch.device("cuda", options.gpu_index)


def stream_priority_range(torch, device):
    """(least, greatest) as torch reports them; (0, 0) on CPU, which has no streams."""
    if device.type == "cpu":
        return 0, 0
    least, greatest = torch.cuda.Stream.priority_range()
    return int(least), int(greatest)


def stream_priority_value(kind, least, greatest):
    """The native worker's choice (native/src/worker/stream_priority.cpp): high is the greatest."""
    return greatest if kind == "high" else least


def framework_versions(torch, torchvision_version, model_source):
    return {
        "name": "pytorch",
        "torchVersion": torch.__version__,
        "torchvisionVersion": torchvision_version,
        "cudaVersion": torch.version.cuda,
        "hipVersion": getattr(torch.version, "hip", None),
        "modelSource": model_source,
    }


def _gpu_fingerprint(torch, device):
    props = torch.cuda.get_device_properties(device.index)
    is_hip = getattr(torch.version, "hip", None) is not None
    facts = hip_driver_facts(device.index) if is_hip else cuda_driver_facts(device.index)
    arch = getattr(props, "gcnArchName", "").split(":")[0] if is_hip else f"sm_{props.major}{props.minor}"
    gpu = {
        "index": device.index,
        "name": props.name,
        "arch": arch or "unknown",
        "uuid": facts["uuid"] or "unknown",
        "pciBusId": facts["pciBusId"] or "unknown",
        "memoryTotalBytes": int(props.total_memory),
        "multiprocessorCount": int(props.multi_processor_count),
    }
    runtime = torch.version.hip if is_hip else torch.version.cuda
    if is_hip:
        mps = {"client": None, "source": "not available on hip-amd", "pipeDirectory": None}
    else:
        source = "cuDeviceGetAttribute(CU_DEVICE_ATTRIBUTE_MPS_ENABLED)"
        if facts["mpsClient"] is None:
            source += " failed (a driver older than CUDA 12.3?)"
        mps = {"client": facts["mpsClient"], "source": source, "pipeDirectory": os.environ.get("CUDA_MPS_PIPE_DIRECTORY")}
    return ("hip-amd" if is_hip else "cuda"), gpu, runtime or "unknown", facts["driverVersion"] or "unknown", mps


def _cpu_fingerprint(torch):
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    gpu = {
        "index": 0,
        "name": host_platform.processor() or host_platform.machine() or "cpu",
        "arch": host_platform.machine() or "cpu",
        "uuid": "cpu",
        "pciBusId": "none",
        "memoryTotalBytes": int(pages),
        "multiprocessorCount": os.cpu_count() or 1,
    }
    mps = {"client": False, "source": "cpu test mode: no GPU", "pipeDirectory": None}
    return "cpu", gpu, "cpu", "none", mps


def fingerprint(torch, device, role, priority_kind, framework):
    platform, gpu, runtime, driver, mps = _cpu_fingerprint(torch) if device.type == "cpu" else _gpu_fingerprint(torch, device)
    least, greatest = stream_priority_range(torch, device)
    return {
        "schemaVersion": 1,
        "workerVersion": WORKER_VERSION,
        "pid": os.getpid(),
        "hostname": socket.gethostname(),
        "role": role,
        "platform": platform,
        "gpu": gpu,
        "runtimeVersion": runtime,
        "driverVersion": driver,
        "xschedLibraries": mapped_xsched_libraries(),
        "mps": mps,
        "stream": {"priority": priority_kind, "value": stream_priority_value(priority_kind, least, greatest),
                   "leastPriority": least, "greatestPriority": greatest},
        "clock": "CLOCK_MONOTONIC",
        "framework": framework,
    }
