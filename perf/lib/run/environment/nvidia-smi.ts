// Parsers for the CSV that nvidia-smi prints with --format=csv,noheader,nounits: one line
// per process or GPU, fields separated by ", ", "[N/A]" / "[Not Supported]" for values the
// GPU or driver does not report (test/fixtures/environment/*.nvidia-smi.* are recorded outputs).

import type { GpuProcess, GpuState } from '../../documents/types/environment.ts';

export const NVIDIA_APPS_ARGS = ['--query-compute-apps=pid,process_name,used_gpu_memory,gpu_uuid', '--format=csv,noheader,nounits'];

/** The per-reason throttle fields; drivers >= 535 call them clocks_event_reasons, older ones clocks_throttle_reasons. */
const THROTTLE_FIELDS = ['sw_power_cap', 'hw_slowdown', 'hw_thermal_slowdown', 'sw_thermal_slowdown', 'hw_power_brake_slowdown'] as const;
const BASE_FIELDS = ['uuid', 'clocks.sm', 'clocks.mem', 'temperature.gpu', 'power.draw', 'power.limit'];
const TAIL_FIELDS = ['ecc.errors.corrected.volatile.total', 'ecc.errors.uncorrected.volatile.total', 'compute_mode', 'mig.mode.current', 'persistence_mode'];

export function nvidiaGpuQueryArgs(reasonPrefix: 'clocks_event_reasons' | 'clocks_throttle_reasons'): string[] {
  const fields = [...BASE_FIELDS, ...THROTTLE_FIELDS.map((f) => `${reasonPrefix}.${f}`), ...TAIL_FIELDS];
  return [`--query-gpu=${fields.join(',')}`, '--format=csv,noheader,nounits'];
}

const MISSING = /^\[?(N\/A|Not Supported|Not Found|Unknown Error|Insufficient Permissions)\]?$/i;

function text(field: string | undefined): string | null {
  const value = (field ?? '').trim();
  return value === '' || MISSING.test(value) ? null : value;
}

function num(field: string | undefined): number | null {
  const value = text(field);
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

const rows = (csv: string): string[][] =>
  csv.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^No running/i.test(line)).map((line) => line.split(', '));

/** `nvidia-smi --query-compute-apps=pid,process_name,used_gpu_memory,gpu_uuid` output. */
export function parseNvidiaComputeApps(csv: string): GpuProcess[] {
  return rows(csv).map((fields, i) => {
    if (fields.length < 4) throw new Error(`nvidia-smi compute-apps line ${i + 1} has ${fields.length} fields, expected 4: ${JSON.stringify(fields.join(', '))}`);
    const pid = num(fields[0]);
    if (pid === null || !Number.isInteger(pid)) throw new Error(`nvidia-smi compute-apps line ${i + 1}: pid ${JSON.stringify(fields[0])} is not an integer`);
    // A process name may itself contain ", ": pid is first, memory and UUID are last.
    return {
      pid,
      command: fields.slice(1, -2).join(', ').trim(),
      usedMemoryMiB: num(fields.at(-2)),
      gpuId: text(fields.at(-1)),
    };
  });
}

/** `nvidia-smi` with nvidiaGpuQueryArgs(...) output. */
export function parseNvidiaGpuQuery(csv: string): GpuState[] {
  const expected = BASE_FIELDS.length + THROTTLE_FIELDS.length + TAIL_FIELDS.length;
  return rows(csv).map((fields, i) => {
    if (fields.length !== expected) throw new Error(`nvidia-smi query-gpu line ${i + 1} has ${fields.length} fields, expected ${expected}: ${JSON.stringify(fields.join(', '))}`);
    const [uuid, sm, mem, temp, power, limit] = fields;
    const reasons = fields.slice(BASE_FIELDS.length, BASE_FIELDS.length + THROTTLE_FIELDS.length);
    const [eccCorrected, eccUncorrected, computeMode, migMode, persistence] = fields.slice(BASE_FIELDS.length + THROTTLE_FIELDS.length);
    return {
      gpuId: text(uuid) ?? `line ${i + 1}`,
      smClockMHz: num(sm),
      memClockMHz: num(mem),
      temperatureC: num(temp),
      powerW: num(power),
      powerLimitW: num(limit),
      throttleReasons: THROTTLE_FIELDS.filter((_, k) => text(reasons[k]) === 'Active'),
      eccCorrected: num(eccCorrected),
      eccUncorrected: num(eccUncorrected),
      computeMode: text(computeMode),
      migMode: text(migMode),
      persistenceMode: text(persistence),
      performanceLevel: null,
    };
  });
}
