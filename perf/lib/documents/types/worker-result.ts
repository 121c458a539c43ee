// The worker's result file (docs/protocol.md). Times inside are nanoseconds
// relative to startNs, so they stay exact as JS numbers.
// Defined once as a schema (../schemas/worker-result.ts); these types derive from it.

import type * as v from 'valibot';
import type { StreamUseSchema, WorkerOptionsSchema, WorkerResultSchema } from '../schemas/worker-result.ts';

export { WORKER_RESULT_SCHEMA, WORKER_RESULT_SCHEMA_VERSION } from '../schemas/worker-result.ts';

export type WorkerOptions = v.InferOutput<typeof WorkerOptionsSchema>;
export type WorkerResult = v.InferOutput<typeof WorkerResultSchema>;
export type StreamUse = v.InferOutput<typeof StreamUseSchema>;
