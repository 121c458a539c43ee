// Where a run's code came from: the suite's checkout and the XSched install.
// Defined once as a schema (../schemas/run-source.ts); these types derive from it.

import type * as v from 'valibot';
import type * as s from '../schemas/run-source.ts';

export type GitSource = v.InferOutput<typeof s.GitSourceSchema>;
export type XschedSource = v.InferOutput<typeof s.XschedSourceSchema>;
export type RunSource = v.InferOutput<typeof s.RunSourceSchema>;
