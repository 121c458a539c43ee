// definePerfScenario's own checks, before any test is defined: a spec file named after
// another scenario (PERF_SCENARIOS finds a scenario by its file name), and builtInScenario
// of a name that is not built in.
import { describe, expect, it } from 'vitest';
import { builtInScenario, definePerfScenario } from '../../../perf/lib/suite/define-perf-scenario.ts';

describe('definePerfScenario', () => {
  it('refuses a scenario whose name is not its spec file name, saying which to rename', async () => {
    await expect(definePerfScenario(builtInScenario('quick'))).rejects.toThrow(
      'definePerfScenario "quick" is in declare-scenario-spec.test.ts: name the spec file quick.perf.ts, or the scenario declare-scenario-spec.test.ts',
    );
  });

  it('checks the declaration first, listing its problems', async () => {
    await expect(definePerfScenario({ ...builtInScenario('quick'), name: 'my-scenario', durationMs: -1 })).rejects.toThrow('durationMs=-1: expected milliseconds: an integer >= 1 and <= 3600000');
  });

  it('builtInScenario names the built-in scenarios when given another', () => {
    expect(() => builtInScenario('poisson-burst')).toThrow('builtInScenario("poisson-burst"): not built in; expected one of quick, standard, intensive, intensive-30s, standard-mps, intensive-mps, intensive-30s-mps');
  });
});
