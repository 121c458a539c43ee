// Helpers for the perf specs: put an evaluation's verdict, numbers, report
// and plot where Vitest shows them (--ui, html reporter, junit properties).

export { annotateEvaluation, describeHeadline, type AnnotateEvaluationOptions } from './annotate-evaluation.ts';
export { collectEvaluationProperties, type EvaluationProperty } from './evaluation-properties.ts';
export { ANNOTATION_PREFIX, annotationType, type AnnotatableContext } from './annotation-context.ts';
