// The perf:doctor line for one selected scenario's stored baseline: ok when a run would be
// judged against it; otherwise what will happen to the run and what to do first. Missing or not
// comparable is a warning, and must be fixed where it makes the run fail: strict mode (the
// outcome `untested` fails; plan/config/settings.ts) or PERF_REQUIRE_BASELINE=1
// (suite/verdict-tests.ts), unless the run is to record it (PERF_UPDATE_BASELINES=1).

import { relative } from 'node:path';
import { isCiEnvironment } from '../../plan/config/load-settings.ts';
import type { Settings } from '../../plan/config/index.ts';
import { gateRequirementsOf } from '../../plan/scenarios/catalogue.ts';
import { mustFix, ok, warn, type DoctorFinding } from '../../run/doctor/finding.ts';
import { describeBaselineKey } from '../../store/baselines/key.ts';
import { formatWorkloadDifferences, settingsRestoringWorkload } from '../../store/baselines/workload.ts';
import { settingsRestoringXsched } from '../../store/baselines/xsched-settings.ts';
import type { AssessContext, BaselineAssessment } from './assess-baseline.ts';
import { describeGpuTime } from './gpu-time.ts';
import { describeBaselineRuns } from '../../store/baselines/baseline-source.ts';
import { betweenRunNoise } from '../../evaluate/verdicts/between-run-noise.ts';
import type { BaselineFile } from '../../documents/types/baseline.ts';
import type { Scenario } from '../../documents/types/scenario.ts';
import { expectedRegressionPower } from '../../evaluate/verdicts/expected-power.ts';
import { resolveThresholds } from '../../evaluate/verdicts/effective-thresholds.ts';
import { DETECTION_RATE_TARGET } from '../../evaluate/verdicts/regression-decision.ts';
import { type OwnMachineRuns, ownMachineRuns } from '../../evaluate/verdicts/own-machine-runs.ts';

export const BASELINE_CHECK_ID = 'baseline.stored';

export interface FindingContext extends AssessContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Scenarios with a comparable stored baseline for this GPU, to suggest instead. */
  comparableNames: string[];
}

/** The path as a user at `cwd` would type it. */
const shown = (file: string, cwd: string): string => (relative(cwd, file).startsWith('..') ? file : relative(cwd, file));

function strictName(env: NodeJS.ProcessEnv): string {
  if (isCiEnvironment(env)) return 'CI=true';
  return (env.PERF_STRICT ?? '').trim() !== '' ? 'PERF_STRICT=1' : 'strict mode (the config file)';
}

/** What the run will do without the comparison, and whether that fails it. */
function consequence(name: string, verdicts: string, context: FindingContext): { blocks: boolean; text: string } {
  const { settings } = context;
  const required = gateRequirementsOf(name).requiredVerdicts.includes('regression');
  // perf:update-baselines (and its workflow) records the missing one: that must not stop it.
  if (settings.updateBaselines) return { blocks: false, text: `${verdicts} untested in this run, which records one (PERF_UPDATE_BASELINES=${settings.updateBaselines === 'append' ? 'append' : '1'})` };
  if (settings.requireBaseline) return { blocks: true, text: `${verdicts} untested, and PERF_REQUIRE_BASELINE=1 fails it` };
  if (settings.strict && required) return { blocks: true, text: `${verdicts} untested: the scenario cannot pass under ${strictName(context.env)}` };
  if (required) return { blocks: false, text: `${verdicts} untested: the scenario's outcome is untested, which fails under CI=true or PERF_STRICT=1` };
  return { blocks: false, text: `${verdicts} untested (this scenario does not require it)` };
}

/** `replaces`: a stored file exists and the recorded one takes its place (one file per hardware). */
function recordOrChoose(assessment: { name: string; scenario: Parameters<typeof describeGpuTime>[0] }, context: FindingContext, replaces = false): string {
  const command = `PERF_SCENARIOS=${assessment.name} npm run perf:update-baselines (${describeGpuTime(assessment.scenario)})`;
  const record = `record one on this machine: ${command}${replaces ? ', which replaces the stored file' : ''}`;
  const others = context.comparableNames.filter((n) => n !== assessment.name);
  return `${record}; or choose a scenario that has one for this GPU: ${others.length > 0 ? others.join(', ') : 'none has, with these settings'}`;
}

function restoring(settings: string[], unsettable: string[]): string {
  const parts = [...(settings.length > 0 ? [`run with ${settings.join(' ')} (the stored values)`] : []), ...unsettable.map((f) => `${f} differs and only the catalogue sets it`)];
  return parts.join('; ');
}

/**
 * Whether the regression verdict will measure the between-run noise from the baseline's runs or
 * assume it (between-run-noise.ts), for the arm whose verdict it limits most (xsched where stored),
 * and how to make it measure it: before GPU time is spent on a run that cannot see +20%.
 */
function betweenRunNote(whole: BaselineFile, own: OwnMachineRuns | null): string {
  const stored = own?.baseline ?? whole;
  const arm = stored.arms.xsched !== undefined ? 'xsched' : 'baseline';
  const noise = betweenRunNoise(stored, arm, 'hpP99');
  const subject = `the ${arm} arm's between-run noise${own === null ? '' : ` (judged on this GPU's own ${own.runs} of the baseline's ${own.of} runs)`}`;
  const add = own === null
    ? 'add runs of other days or machines to it (npm run perf:update-baselines -- --append) to measure it'
    : 'add runs of this GPU on other days to it (PERF_UPDATE_BASELINES=append) to measure it';
  if (noise.estimateFromRuns && noise.logSd === 0) return `${subject} is ${noise.source}`;
  if (noise.estimateFromRuns) return `${subject} is ${noise.source}; ${add}`;
  if (stored.betweenRunLogSd?.[arm]?.hpP99 !== undefined) return `${subject} is set in the file (betweenRunLogSd ${noise.logSd})`;
  return `${subject} is assumed (${noise.logSd}, ${noise.source}); ${add}`;
}

/**
 * What the xsched arm's hp P99 regression verdict (else the baseline arm's) will see at this
 * scenario's trial count (expected-power.ts), when it cannot see its tolerance 90% of the time:
 * better known before the GPU time than from the first run's advice.
 */
function powerNote(stored: BaselineFile, scenario: Scenario, own: OwnMachineRuns | null): string[] {
  const power = expectedRegressionPower(stored, resolveThresholds(scenario, stored), scenario.confidence, scenario.trials, own);
  const hp = power.find((p) => p.arm === 'xsched' && p.metric === 'hp-p99') ?? power.find((p) => p.metric === 'hp-p99');
  if (hp === undefined || hp.detectionRate >= DETECTION_RATE_TARGET) return [];
  const percent = (x: number): string => `${Math.round(x * 100)}%`;
  return [
    `at ${scenario.trials} trials its ${hp.arm} hp P99 regression verdict will see a +${percent(hp.tolerance)} rise only about ${percent(hp.detectionRate)} of the time ` +
      `(an unchanged run fails about ${percent(hp.falseFailRate)}; if this run's trials spread as the stored ones` +
      `${hp.ownMachineRuns !== null ? `; judged against this GPU's own ${hp.ownMachineRuns} runs of the baseline` : ''}; docs/statistics.md 3.4)`,
  ];
}

export function baselineFinding(assessment: BaselineAssessment, context: FindingContext): DoctorFinding {
  const id = BASELINE_CHECK_ID;
  const { name } = assessment;
  if (assessment.kind === 'unresolved') return warn(id, `${name}: not checked: ${assessment.reason}`, 'correct the settings named (docs/configuration.md)');
  if (assessment.kind === 'unreadable') {
    return mustFix(id, `${name}: ${assessment.reason}`, 'fix or delete the file: a run reads it after measuring and stops on it (docs/baselines.md)');
  }
  const file = shown(assessment.file, context.cwd);
  if (assessment.kind === 'comparable') {
    const { stored, scenario } = assessment;
    // A run on a GPU the baseline holds enough runs of is judged against those (own-machine-runs.ts).
    const own = ownMachineRuns(stored, context.probe.gpu.uuid);
    const notes = [
      ...(stored.workload === undefined ? ['it does not record its workload, so it is compared as if it matched'] : []),
      ...(scenario.arms.includes('xsched') && 'notCompared' in context.xsched ? [`XSched settings not compared: ${context.xsched.notCompared}`] : []),
      betweenRunNote(stored, own),
      ...powerNote(stored, scenario, own),
    ];
    return ok(id, `${name}: comparable baseline ${file} (${describeBaselineRuns(stored)})${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`);
  }
  const level = (blocks: boolean) => (blocks ? mustFix : warn);
  if (assessment.kind === 'missing') {
    const { blocks, text } = consequence(name, 'regression verdict', context);
    return level(blocks)(id, `${name}: no stored baseline for ${describeBaselineKey(assessment.key)} (expected ${file}): ${text}`, recordOrChoose(assessment, context));
  }
  const { mismatch, stored } = assessment;
  if (mismatch.kind === 'key') {
    const { blocks, text } = consequence(name, 'regression verdict', context);
    return level(blocks)(id, `${name}: ${file} is for ${describeBaselineKey(stored.key)}: ${text}`, recordOrChoose(assessment, context, true));
  }
  const differences = `${formatWorkloadDifferences(mismatch.differences)} (stored -> this run)`;
  if (mismatch.kind === 'workload') {
    const { blocks, text } = consequence(name, 'regression verdict', context);
    const { settings, unsettable } = settingsRestoringWorkload(mismatch.differences);
    const message = `${name}: the stored baseline ${file} (${describeBaselineRuns(stored)}) was measured with another workload: ${differences}: ${text}`;
    return level(blocks)(id, message, `${restoring(settings, unsettable)}; or ${recordOrChoose(assessment, context, true)}`);
  }
  const { blocks, text } = consequence(name, 'xsched regression verdicts', context);
  const message = `${name}: the stored baseline ${file} (${describeBaselineRuns(stored)}) ran its xsched arm with other XSched settings: ${differences}: ${text}`;
  return level(blocks)(id, message, `${restoring(settingsRestoringXsched(mismatch.differences), [])}; or ${recordOrChoose(assessment, context, true)}`);
}
