// Each perf spec file declares its scenario (definePerfScenario), which calls defineScenarioSpec(name). The GPU run (or
// replay) happens once in beforeAll; each test then asserts one part of the evaluation,
// so a failure names what failed: the run's validity, or one verdict kind. A test that is
// skipped (untested, inconclusive) first annotates its reason: Vitest's JUnit reporter
// writes a bare <skipped/>, and the annotation becomes a <property> next to it.

import { beforeAll, describe, expect, inject, it, type TestContext } from 'vitest';
import { annotateEvaluation, annotationType } from '../output/vitest/index.ts';
import { executePlan } from './execute-plan.ts';
import type { FinishedRun } from './finish-run.ts';
import { runHookTimeoutMs } from './run-hook-timeout.ts';
import { planScenario } from './scenario-plan.ts';
import { decideVerdictTest, describeInvalidRun, VERDICT_TESTS, type VerdictOutcome } from './verdict-tests.ts';
import { ruleSkipMessage, type TeamRules, whyRuleNotJudged } from './team-rules.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    invocationId: string;
  }
}

/** `teamRules` (definePerfScenario) adds a team's own tests after the built-in ones (team-rules.ts). */
export async function defineScenarioSpec(name: string, teamRules?: (rules: TeamRules) => void): Promise<void> {
  const plan = await planScenario(name);
  if (plan.action === 'skip') {
    // One line says why; scenarios merely not selected stay quiet.
    if (!plan.reason.startsWith('not selected')) process.stdout.write(`xsched-perf: ${name}: skipped: ${plan.reason}\n`);
    describe.skip(`${name}: ${plan.reason}`, () => {
      it('runs the scenario', () => {});
    });
    return;
  }
  if (plan.action === 'fail') {
    describe(name, () => {
      it('can run', () => {
        throw new Error(plan.reason);
      });
    });
    return;
  }

  describe(`${name}${plan.action === 'replay' ? ' (replay)' : ''}`, () => {
    let finished: FinishedRun | null = null;
    let setupError: unknown = null;

    beforeAll(async () => {
      try {
        finished = await executePlan(plan, inject('invocationId'));
      } catch (error) {
        setupError = error;
      }
    }, runHookTimeoutMs(plan));

    const requireRun = (): FinishedRun => {
      if (setupError !== null) throw setupError;
      if (finished === null) throw new Error(`${name}: the run produced no result`);
      return finished;
    };

    it('run is valid', async (context) => {
      const run = requireRun();
      await annotateEvaluation(context, run.evaluation, { reportPath: run.reportPath, baseline: run.baseline, record: run.record });
      const invalid = describeInvalidRun(run.evaluation);
      if (invalid !== null) expect.fail(invalid);
    });

    for (const test of VERDICT_TESTS) {
      it(test.title, async (context) => {
        const run = requireRun();
        const outcome = decideVerdictTest(test, run.evaluation, {
          strict: plan.settings.strict,
          requireBaseline: plan.settings.requireBaseline,
          baselineProblem: run.baselineProblem,
        });
        await settle(context, outcome);
      });
    }

    teamRules?.({
      rule(title, assertion) {
        it(title, async (context) => {
          const run = requireRun();
          const notJudged = whyRuleNotJudged(run);
          if (notJudged === null) return void (await assertion(run));
          await settle(context, ruleSkipMessage(notJudged, plan.settings.strict));
        });
      },
    });
  });
}

/** Fails the test, or annotates why (see above) and skips it; a pass needs nothing. */
async function settle(context: TestContext, outcome: VerdictOutcome): Promise<void> {
  if (outcome.kind === 'fail') expect.fail(outcome.message);
  if (outcome.kind === 'skip') {
    await context.annotate(outcome.message, annotationType('skip_reason'));
    context.skip(outcome.message);
  }
}
