// The orchestrator: runs a scenario's arms and trials with worker processes.
export { runScenario } from './run-scenario.ts';
export { RUN_DEFAULTS, type RunScenarioOptions } from './run-options.ts';
export { ScenarioAbortedError } from './scenario-aborted-error.ts';
export { createNativeProvider } from './native-provider.ts';
export { nowMonotonicNs } from './monotonic-clock.ts';
export { generateRunId } from './host-info.ts';
