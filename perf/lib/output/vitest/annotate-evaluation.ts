// What a perf spec calls after evaluating a scenario:
//   await annotateEvaluation(context, evaluation, { reportPath, baseline });
// One readable headline, the key numbers and verdicts as properties, the HTML
// report and a latency plot as attachments.

import { isAbsolute, relative } from 'node:path';
import type { BaselineFile, RunRecord, ScenarioEvaluation } from '../../documents/types/index.ts';
import { buildScenarioHeadline, headlineLines } from '../report/scenario-headline.ts';
import { renderSpectrumSvg } from '../report/render-plot-svg.ts';
import type { TestAttachment } from 'vitest';
import { ANNOTATION_PREFIX, annotationType, assertAnnotatable, type AnnotatableContext } from './annotation-context.ts';
import { collectEvaluationProperties } from './evaluation-properties.ts';

export interface AnnotateEvaluationOptions {
  /** The scenario's report.html, attached so `vitest --ui` and the html reporter link it. */
  reportPath?: string | null;
  /** The stored baseline, drawn dashed in the attached plot. */
  baseline?: BaselineFile | null;
  /** The run's record: with it, the headline (effect, lp cost, hp alone, stored baseline) is an annotation. */
  record?: RunRecord | null;
  /** Paths in messages are shown relative to this directory (default: the working directory, Vitest's root). */
  projectRoot?: string;
  /** Attach the hp latency percentile spectrum as SVG (default true). */
  plot?: boolean;
}

/** Vitest's annotation types that reporters style: notice, warning, error. */
const HEADLINE_TYPE: Record<ScenarioEvaluation['status'], string> = {
  pass: 'notice',
  inconclusive: 'warning',
  untested: 'warning',
  fail: 'error',
  invalid: 'error',
};

export async function annotateEvaluation(
  context: AnnotatableContext,
  evaluation: ScenarioEvaluation,
  options: AnnotateEvaluationOptions = {},
): Promise<void> {
  assertAnnotatable(context, 'annotateEvaluation');
  const written: Array<{ type: string; message: string }> = [];
  const annotate = async (message: string, type: string, attachment?: TestAttachment) => {
    written.push({ type, message });
    await context.annotate(message, type, attachment);
  };
  // Sequential on purpose: annotations keep this order in every reporter.
  await annotate(describeHeadline(evaluation), HEADLINE_TYPE[evaluation.status]);
  if (options.record) {
    const lines = headlineLines(buildScenarioHeadline(options.record, evaluation, options.baseline ?? null));
    await annotate(`${evaluation.scenario}: ${lines.join('; ')}`, annotationType('headline'));
  }
  for (const property of collectEvaluationProperties(evaluation)) {
    await annotate(property.message, property.type);
  }
  if (options.reportPath) {
    await annotate(`HTML report: ${projectRelative(options.reportPath, options.projectRoot ?? process.cwd())}`, annotationType('report'), {
      path: options.reportPath,
      contentType: 'text/html',
    });
  }
  if (options.plot !== false) {
    const svg = renderSpectrumSvg(evaluation, options.baseline ?? null);
    if (svg) {
      await annotate(`${evaluation.scenario}: hp latency percentile spectrum`, annotationType('plot'), {
        body: Buffer.from(svg, 'utf8'),
        contentType: 'image/svg+xml',
      });
    }
  }
  // The json reporter writes no annotations but does write task.meta: the same list goes there.
  if (context.task?.meta) Object.assign(context.task.meta, { [ANNOTATION_PREFIX]: written });
}

/** "<scenario>: UNTESTED: <status reason> (3 reasons)"; every reason is also a property of its own. */
export function describeHeadline(evaluation: ScenarioEvaluation): string {
  const head = `${evaluation.scenario}: ${evaluation.status.toUpperCase()}: ${evaluation.statusReason}`;
  const count = evaluation.reasons.length;
  return count === 0 ? head : `${head} (${count} reason${count > 1 ? 's' : ''} listed)`;
}

/** A path under the project as "results/..." so messages and JUnit files hold no machine paths. */
function projectRelative(path: string, root: string): string {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
