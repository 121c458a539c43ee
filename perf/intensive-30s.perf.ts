// The built-in intensive-30s scenario, declared from the catalogue (perf/lib/plan/scenarios/catalogue.ts)
// so its name, workload and stored baselines stay as they were; selected with PERF_SCENARIOS.
import { builtInScenario, definePerfScenario } from './lib/suite/define-perf-scenario.ts';

await definePerfScenario(builtInScenario('intensive-30s'));
