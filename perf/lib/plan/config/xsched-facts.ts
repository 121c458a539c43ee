// What the suite relies on from XSched 1.2.0 (github.com/XpuOS/xsched, tag v1.2.0):
// names and ranges taken from its protocol/include/xsched/protocol/def.h,
// protocol/src/names.cpp and include/xsched/types.h. Only facts, no XSched code.

/** Policies the xserver accepts as its first argument (names.cpp, PolicyNames()); case matters. */
export const XSCHED_POLICY_NAMES = [
  'HPF', // Highest Priority First
  'HHPF', // Heterogeneous Highest Priority First
  'CHPF', // CPU Highest Priority First
  'UP', // Utilization Partition
  'PUP', // Process Utilization Partition
  'SPUP', // Strict Process Utilization Partition
  'KEDF', // K-Earliest Deadline First
  'LAX', // Laxity-based
  'AWF', // Active Window First
  'CFS', // Completely Fair Scheduler
  'MLFQ', // Multi-Level Feedback Queue
] as const;
export type XschedPolicyName = (typeof XSCHED_POLICY_NAMES)[number];

/** Policies whose xserver log says "set priority <n> for XQueue 0x..." (hpf.cpp, hhpf.cpp, cfs.cpp). */
export const POLICIES_LOGGING_PRIORITY: readonly XschedPolicyName[] = ['HPF', 'HHPF', 'CFS'];
/** Policies for which a higher XSCHED_AUTO_XQUEUE_PRIORITY means "runs first". */
export const PRIORITY_POLICIES: readonly XschedPolicyName[] = ['HPF', 'HHPF', 'CHPF', 'CFS'];

/** types.h: PRIORITY_MIN / PRIORITY_MAX (HPF clamps anything outside with a warning). */
export const XSCHED_PRIORITY_MIN = -255;
export const XSCHED_PRIORITY_MAX = 255;
/** def.h: XSCHED_AUTO_XQUEUE_LEVEL = int[1, 3]. */
export const XSCHED_LEVEL_MIN = 1;
export const XSCHED_LEVEL_MAX = 3;
/** The suite's bound on an XQueue's threshold and batch size (commands in flight): PERF_XSCHED_* and the sweeps agree on it. */
export const XSCHED_QUEUE_COMMANDS_MAX = 1_000_000;

/** The xserver's default HTTP port when started without arguments (def.h). */
export const XSCHED_DEFAULT_PORT = 50000;

/** Worker-side environment variables (def.h, log.h). */
export const XSCHED_ENV = {
  scheduler: 'XSCHED_SCHEDULER',
  policy: 'XSCHED_POLICY',
  autoXqueue: 'XSCHED_AUTO_XQUEUE',
  priority: 'XSCHED_AUTO_XQUEUE_PRIORITY',
  level: 'XSCHED_AUTO_XQUEUE_LEVEL',
  threshold: 'XSCHED_AUTO_XQUEUE_THRESHOLD',
  batchSize: 'XSCHED_AUTO_XQUEUE_BATCH_SIZE',
  cudaLib: 'XSCHED_CUDA_LIB',
  hipLib: 'XSCHED_HIP_LIB',
  logLevel: 'XLOG_LEVEL',
} as const;

/**
 * Directories XSched's FindLibrary (utils/include/xsched/utils/lib.h) searches for the real
 * driver when XSCHED_CUDA_LIB / XSCHED_HIP_LIB is not set (x86_64 spelling; the HIP
 * driver is also looked for in /opt/rocm/lib).
 */
export const XSCHED_DRIVER_SEARCH_DIRS = {
  cuda: ['/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/lib', '/usr/lib', '/usr/lib64', '/usr/local/lib'],
  'hip-amd': ['/opt/rocm/lib', '/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/lib', '/usr/lib', '/usr/lib64', '/usr/local/lib'],
} as const;
/** File names FindLibrary accepts for the real driver (cuda/hal/common/driver.h, hip/hal/driver.h). */
export const XSCHED_DRIVER_NAMES = {
  cuda: ['libcuda.so', 'libcuda.so.1'],
  'hip-amd': ['libamdhip64.so'],
} as const;
