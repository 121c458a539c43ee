// The part of Vitest's test context the helpers use: `context.annotate`
// (Vitest >= 3.2; in 4.1 `annotate(message, type?, attachment?)`). Annotations
// show in `vitest --ui`, the html reporter, and junit as <property> elements.

import type { TestAttachment } from 'vitest';

export interface AnnotatableContext {
  annotate(message: string, type?: string, attachment?: TestAttachment): Promise<unknown>;
  /** Vitest's test task: its `meta` is what the json reporter writes per test (assertionResults[].meta). */
  task?: { meta?: object };
}

/** Annotation types (junit property names) the helpers write, all under one prefix. */
export const ANNOTATION_PREFIX = 'xsched-perf';

export function annotationType(...parts: string[]): string {
  return [ANNOTATION_PREFIX, ...parts].join('.');
}

export function assertAnnotatable(context: unknown, caller: string): asserts context is AnnotatableContext {
  if (typeof (context as Partial<AnnotatableContext> | null)?.annotate !== 'function') {
    throw new Error(
      `${caller}: expected the Vitest test context (it(name, async (context) => ...)) with context.annotate, got ${typeof context}; ` +
        'Vitest >= 3.2 provides it',
    );
  }
}
