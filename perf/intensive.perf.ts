// The intensive scenario (perf/lib/plan/scenarios/catalogue.ts); selected with PERF_SCENARIOS.
import { defineScenarioSpec } from './lib/suite/define-scenario-spec.ts';

await defineScenarioSpec('intensive');
