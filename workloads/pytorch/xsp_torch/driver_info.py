"""What torch does not say about a GPU, read from the driver library with ctypes: driver version,
UUID, PCI bus id and MPS (CU_DEVICE_ATTRIBUTE_MPS_ENABLED, the driver's cudaDevAttrMpsEnabled
that the native worker reads in native/src/worker/gpu_device.hip). Each reading may be None."""

import ctypes

_CU_DEVICE_ATTRIBUTE_MPS_ENABLED = 133


def _load(name):
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


def _cuda_device(libcuda, index):
    if libcuda is None or libcuda.cuInit(0) != 0:
        return None
    device = ctypes.c_int()
    return device if libcuda.cuDeviceGet(ctypes.byref(device), index) == 0 else None


def cuda_driver_facts(index):
    libcuda = _load("libcuda.so.1")
    device = _cuda_device(libcuda, index)
    facts = {"driverVersion": None, "uuid": None, "pciBusId": None, "mpsClient": None}
    if device is None:
        return facts
    version = ctypes.c_int()
    if libcuda.cuDriverGetVersion(ctypes.byref(version)) == 0:
        facts["driverVersion"] = f"{version.value // 1000}.{version.value % 1000 // 10}"
    uuid = (ctypes.c_ubyte * 16)()
    if libcuda.cuDeviceGetUuid(uuid, device) == 0:
        hexed = bytes(uuid).hex()
        facts["uuid"] = f"GPU-{hexed[0:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:32]}"
    bus = ctypes.create_string_buffer(32)
    if libcuda.cuDeviceGetPCIBusId(bus, 31, device) == 0:
        facts["pciBusId"] = bus.value.decode()
    enabled = ctypes.c_int()
    if libcuda.cuDeviceGetAttribute(ctypes.byref(enabled), _CU_DEVICE_ATTRIBUTE_MPS_ENABLED, device) == 0:
        facts["mpsClient"] = enabled.value != 0
    return facts


def hip_driver_facts(index):
    libhip = _load("libamdhip64.so")
    facts = {"driverVersion": None, "uuid": None, "pciBusId": None, "mpsClient": None}
    if libhip is None:
        return facts
    version = ctypes.c_int()
    if libhip.hipDriverGetVersion(ctypes.byref(version)) == 0:
        facts["driverVersion"] = f"{version.value // 10000000}.{version.value // 100000 % 100}"
    bus = ctypes.create_string_buffer(32)
    if libhip.hipDeviceGetPCIBusId(bus, 31, index) == 0:
        facts["pciBusId"] = bus.value.decode()
    uuid = (ctypes.c_char * 16)()
    if libhip.hipDeviceGetUuid(uuid, index) == 0:
        facts["uuid"] = "GPU-" + bytes(uuid).decode("ascii", "replace")
    return facts
