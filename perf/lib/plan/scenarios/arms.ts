// The arms, in one table: which workers each runs, whether they run at once, the CUDA/HIP
// stream priorities they ask for, which setup the provider gives them, and how reports
// draw them. Everything else about an arm (catalogue defaults, worker arguments, check
// context, plot colours, provider) is derived from this table.

import type { ArmName, Role, StreamPriority } from '../../documents/types/scenario.ts';

/**
 * native: no XSched anywhere near the workers; xsched: an xserver and the shim (docs/xsched.md);
 * mps-thread-percentage: native, and the lp worker an MPS client limited by
 * CUDA_MPS_ACTIVE_THREAD_PERCENTAGE (docs/arms.md; needs sharing mode mps); cu-mask: native, and
 * the lp worker's stream on part of the AMD GPU's compute units (--cu-mask-percent, docs/arms.md).
 */
export type ArmSetupKind = 'native' | 'xsched' | 'mps-thread-percentage' | 'cu-mask';

export interface ArmSpec {
  name: ArmName;
  /** The workers the arm runs. */
  roles: readonly Role[];
  /** hp and lp run at once, so lp must overlap hp (the overlap check). */
  concurrent: boolean;
  /** The --stream-priority each worker asks for (docs/protocol.md). */
  streamPriority: Readonly<Record<Role, StreamPriority>>;
  setup: ArmSetupKind;
  /** In a catalogue scenario unless PERF_ARMS says otherwise. */
  defaultOn: boolean;
  /** The arm's colour in every plot and report. */
  color: string;
  /** The arm as tables and plot legends name it. */
  label: string;
  /** One line for readers: what the arm measures. */
  description: string;
  /** A platform mechanism XSched is compared with ("xsched vs best reference", docs/arms.md); judged only when proven. */
  reference: boolean;
  /** mps-thread-percentage only: the lp worker's CUDA_MPS_ACTIVE_THREAD_PERCENTAGE. */
  lpThreadPercent?: number;
  /** cu-mask only: the lp worker's --cu-mask-percent. */
  lpCuPercent?: number;
}

const DEFAULT_STREAMS = { hp: 'default', lp: 'default' } as const;

/** An MPS reference arm: lp limited to `percent` of the threads, hp unlimited (both MPS clients). */
function mpsLpArm(name: ArmSpec['name'], percent: number, color: string): ArmSpec {
  return {
    name, roles: ['hp', 'lp'], concurrent: true, streamPriority: DEFAULT_STREAMS, setup: 'mps-thread-percentage', defaultOn: false, color, label: name,
    description: `hp and lp together under MPS, lp limited to ${percent}% of the SM threads (CUDA_MPS_ACTIVE_THREAD_PERCENTAGE): a reference (optional)`,
    reference: true, lpThreadPercent: percent,
  };
}

/** An AMD CU-mask reference arm: lp's stream on `percent` of the compute units, hp on all. */
function cuMaskLpArm(name: ArmSpec['name'], percent: number, color: string): ArmSpec {
  return {
    name, roles: ['hp', 'lp'], concurrent: true, streamPriority: DEFAULT_STREAMS, setup: 'cu-mask', defaultOn: false, color, label: name,
    description: `hp and lp together, lp's stream on ${percent}% of the compute units (hipExtStreamCreateWithCUMask, AMD): a reference (optional)`,
    reference: true, lpCuPercent: percent,
  };
}

/** Every arm, in the order a trial interleaves them. */
export const ARM_TABLE: readonly ArmSpec[] = [
  { name: 'hp-alone', roles: ['hp'], concurrent: false, streamPriority: DEFAULT_STREAMS, setup: 'native', defaultOn: true, color: '#2a9d54', label: 'hp-alone', description: 'hp by itself: the latency floor', reference: false },
  { name: 'lp-alone', roles: ['lp'], concurrent: false, streamPriority: DEFAULT_STREAMS, setup: 'native', defaultOn: true, color: '#7a7a7a', label: 'lp-alone', description: 'lp by itself: the throughput ceiling', reference: false },
  { name: 'baseline', roles: ['hp', 'lp'], concurrent: true, streamPriority: DEFAULT_STREAMS, setup: 'native', defaultOn: true, color: '#d1495b', label: 'baseline', description: 'hp and lp together, no XSched: the contention XSched must reduce', reference: false },
  { name: 'xsched', roles: ['hp', 'lp'], concurrent: true, streamPriority: DEFAULT_STREAMS, setup: 'xsched', defaultOn: true, color: '#1f6fd1', label: 'xsched', description: 'hp and lp together under XSched, hp at the higher priority', reference: false },
  {
    name: 'stream-priority', roles: ['hp', 'lp'], concurrent: true, streamPriority: { hp: 'high', lp: 'low' }, setup: 'native', defaultOn: false, color: '#8e5bd1', label: 'stream-priority',
    description: 'hp and lp together with CUDA/HIP stream priorities only: the native reference (optional)', reference: true,
  },
  mpsLpArm('mps-lp30', 30, '#e07b00'),
  mpsLpArm('mps-lp50', 50, '#b5651d'),
  mpsLpArm('mps-lp70', 70, '#c9a227'),
  mpsLpArm('mps-lp80', 80, '#a0522d'),
  mpsLpArm('mps-lp90', 90, '#6b4423'),
  // 100%: both MPS clients unlimited, the MPS point of a sweep's frontier with no lp cap (docs/sweeps.md).
  mpsLpArm('mps-lp100', 100, '#3d2b1f'),
  cuMaskLpArm('cu-mask-lp50', 50, '#2a7f7f'),
  cuMaskLpArm('cu-mask-lp75', 75, '#5fa8a8'),
];

const BY_NAME: ReadonlyMap<string, ArmSpec> = new Map(ARM_TABLE.map((spec) => [spec.name, spec]));

/** The table row of an arm; throws listing the known arms for anything else (e.g. a hand-edited run.json). */
export function armSpec(arm: ArmName): ArmSpec {
  const spec = BY_NAME.get(arm);
  if (!spec) throw new Error(`unknown arm ${JSON.stringify(arm)}; expected one of ${ALL_ARMS.join(', ')}`);
  return spec;
}

export const ALL_ARMS: readonly ArmName[] = ARM_TABLE.map((spec) => spec.name);
/** stream-priority is an optional native reference, off unless asked for (PERF_ARMS). */
export const DEFAULT_ARMS: readonly ArmName[] = ARM_TABLE.filter((spec) => spec.defaultOn).map((spec) => spec.name);
/** Arms where hp and lp run at once. */
export const CONCURRENT_ARMS: readonly ArmName[] = ARM_TABLE.filter((spec) => spec.concurrent).map((spec) => spec.name);
/** Arms XSched is compared with when they ran and were proven in force. */
export const REFERENCE_ARMS: readonly ArmName[] = ARM_TABLE.filter((spec) => spec.reference).map((spec) => spec.name);
/** Colour per arm, for plots and swatches. */
export const ARM_COLORS = Object.fromEntries(ARM_TABLE.map((spec) => [spec.name, spec.color])) as Readonly<Record<ArmName, string>>;
