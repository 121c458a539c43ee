// GPU presence for the perf specs: detect, then run / skip / fail.
export { detectGpu, type DetectGpuOptions, type GpuDetection } from './detect-gpu.ts';
export { decideGpuGate, type GpuGate } from './gpu-gate.ts';
export { parseProbeJson, type ProbeFingerprint } from './parse-probe.ts';
