// Writes the three report files of a results directory: report.html,
// summary.md and report.json (docs/reports.md). Used per scenario run
// (results/<runId>/) and for the whole invocation (results/).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonReport } from './json-report.ts';
import { renderMarkdownSummary } from './markdown-summary.ts';
import { renderHtmlReport, type ReportRun } from './render-html-report.ts';
import { writeFileAtomic } from '../../documents/fs/write-file-atomic.ts';

export const REPORT_FILE_NAMES = { html: 'report.html', markdown: 'summary.md', json: 'report.json' } as const;

export interface WriteReportsInput {
  runs: ReportRun[];
  generatedAt: string;
  suiteVersion: string;
  title?: string;
  /** runId -> link from summary.md to that run's own report.html (e.g. "<runId>/report.html"). */
  reportLinks?: Record<string, string>;
}

export interface WrittenReports {
  htmlPath: string;
  markdownPath: string;
  jsonPath: string;
}

export async function writeReports(dir: string, input: WriteReportsInput): Promise<WrittenReports> {
  const written: WrittenReports = {
    htmlPath: join(dir, REPORT_FILE_NAMES.html),
    markdownPath: join(dir, REPORT_FILE_NAMES.markdown),
    jsonPath: join(dir, REPORT_FILE_NAMES.json),
  };
  const html = renderHtmlReport({ runs: input.runs, generatedAt: input.generatedAt, suiteVersion: input.suiteVersion });
  const markdown = renderMarkdownSummary(input.runs, {
    ...(input.title ? { title: input.title } : {}),
    ...(input.reportLinks ? { reportLinks: input.reportLinks } : {}),
  });
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(written.htmlPath, html);
  await writeFileAtomic(written.markdownPath, markdown);
  await writeJsonReport(written.jsonPath, input);
  return written;
}
