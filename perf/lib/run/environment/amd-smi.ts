// Parsers for AMD's tools' JSON: `amd-smi process --json`, `amd-smi metric --json` and
// `rocm-smi --showpids --json`. Shapes follow ROCm/amdsmi (amdsmi_cli) and ROCm/rocm_smi_lib
// (rocm_smi.py showPids); test/fixtures/environment/README.md says where each fixture came from.
// amd-smi 24.x prints a top-level array, ROCm 7 wraps it as {"gpu_data": [...]}: both are read.

import type { GpuProcess, GpuState } from '../../documents/types/environment.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function gpuEntries(parsed: unknown, tool: string): Json[] {
  const list = isObject(parsed) && Array.isArray(parsed.gpu_data) ? parsed.gpu_data : parsed;
  if (!Array.isArray(list)) throw new Error(`${tool}: expected a JSON array of GPUs (or {"gpu_data": [...]}), got ${typeof parsed}`);
  return list.filter(isObject);
}

const UNIT_TO_MIB: Record<string, number> = { B: 1 / 1048576, KB: 1 / 1024, KIB: 1 / 1024, MB: 1, MIB: 1, GB: 1024, GIB: 1024 };

/** {"value": 512, "unit": "MB"} or a bare number (bytes) -> MiB; null when absent or "N/A". */
function mib(field: unknown): number | null {
  if (typeof field === 'number') return field / 1048576;
  if (!isObject(field) || typeof field.value !== 'number') return null;
  const factor = UNIT_TO_MIB[String(field.unit ?? 'B').toUpperCase()];
  return factor === undefined ? null : field.value * factor;
}

/** {"value": 1700, "unit": "MHz"} or a bare number -> the number; null for "N/A". */
function value(field: unknown): number | null {
  if (typeof field === 'number') return field;
  return isObject(field) && typeof field.value === 'number' ? field.value : null;
}

export function parseAmdSmiProcess(json: string): GpuProcess[] {
  const processes: GpuProcess[] = [];
  for (const gpu of gpuEntries(JSON.parse(json), 'amd-smi process')) {
    for (const item of Array.isArray(gpu.process_list) ? gpu.process_list : []) {
      const info = isObject(item) ? item.process_info : undefined;
      if (!isObject(info)) continue; // "No running processes detected"
      const pid = Number(info.pid);
      if (!Number.isInteger(pid)) throw new Error(`amd-smi process: pid ${JSON.stringify(info.pid)} is not an integer`);
      const memory = isObject(info.memory_usage) ? info.memory_usage : {};
      processes.push({ pid, command: String(info.name ?? ''), usedMemoryMiB: mib(memory.vram_mem) ?? mib(info.mem_usage) ?? mib(info.mem), gpuId: String(gpu.gpu) });
    }
  }
  return processes;
}

/** `{"system": {"PID28389": "name, gpus, vram bytes, sdma, cu occupancy"}}` (rocm_smi.py showPids). */
export function parseRocmSmiPids(json: string): GpuProcess[] {
  const parsed: unknown = JSON.parse(json);
  const system = isObject(parsed) && isObject(parsed.system) ? parsed.system : {};
  return Object.entries(system).flatMap(([key, line]) => {
    const match = /^PID(\d+)$/.exec(key);
    if (match === null || typeof line !== 'string') return [];
    const [name, , vramBytes] = line.split(',').map((s) => s.trim());
    const bytes = Number(vramBytes);
    return [{ pid: Number(match[1]), command: name ?? '', usedMemoryMiB: Number.isFinite(bytes) ? bytes / 1048576 : null, gpuId: null }];
  });
}

/** Throttle ("violation") fields amd-smi reports as active on MI300+ (amd-smi metric --throttle). */
function activeViolations(throttle: unknown): string[] {
  if (!isObject(throttle)) return [];
  return Object.entries(throttle)
    .filter(([key, v]) => /violation_(status|active)$/.test(key) && (v === true || String(v).toUpperCase() === 'ACTIVE'))
    .map(([key]) => key.replace(/_violation_(status|active)$/, ''));
}

export function parseAmdSmiMetric(json: string): GpuState[] {
  return gpuEntries(JSON.parse(json), 'amd-smi metric').map((gpu) => {
    const clock = isObject(gpu.clock) ? gpu.clock : {};
    const clk = (key: string): number | null => (isObject(clock[key]) ? value((clock[key] as Json).clk) : null);
    const temperature = isObject(gpu.temperature) ? gpu.temperature : {};
    const power = isObject(gpu.power) ? gpu.power : {};
    const ecc = isObject(gpu.ecc) ? gpu.ecc : {};
    return {
      gpuId: String(gpu.gpu),
      smClockMHz: clk('gfx_0'),
      memClockMHz: clk('mem_0'),
      temperatureC: value(temperature.hotspot) ?? value(temperature.edge),
      powerW: value(power.socket_power),
      powerLimitW: value(power.power_limit),
      throttleReasons: activeViolations(gpu.throttle),
      eccCorrected: value(ecc.total_correctable_count),
      eccUncorrected: value(ecc.total_uncorrectable_count),
      computeMode: null,
      migMode: null,
      persistenceMode: null,
      performanceLevel: typeof gpu.perf_level === 'string' ? gpu.perf_level : null,
    };
  });
}
