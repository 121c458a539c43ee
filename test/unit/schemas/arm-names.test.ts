// documents/ is the bottom layer, so the arm names a saved document may hold are listed in
// perf/lib/documents/schemas/scenario.ts; the arm table (perf/lib/plan/scenarios/arms.ts) is
// what runs. This keeps the two lists equal, so a new arm cannot be run but refused on read.

import { describe, expect, it } from 'vitest';
import { ArmNameSchema } from '../../../perf/lib/documents/schemas/scenario.ts';
import { ALL_ARMS } from '../../../perf/lib/plan/scenarios/arms.ts';

describe('arm names in the scenario schema', () => {
  it('are exactly the arms of the arm table', () => {
    expect([...ArmNameSchema.options].sort()).toEqual([...ALL_ARMS].sort());
  });
});
