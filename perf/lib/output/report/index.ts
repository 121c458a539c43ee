// Reports of a suite run: HTML (report.html), Markdown (summary.md), JSON
// (report.json), the terminal summary and live progress. docs/reports.md.

export { renderHtmlReport, type HtmlReportInput, type ReportRun } from './render-html-report.ts';
export { renderMarkdownSummary, type MarkdownSummaryOptions, type SummaryRun } from './markdown-summary.ts';
export { renderTerminalSummary, shouldUseColor } from './terminal-summary.ts';
export { isInteractiveTerminal } from './terminal-mode.ts';
export {
  buildJsonReport,
  parseJsonReport,
  writeJsonReport,
  REPORT_SCHEMA,
  REPORT_SCHEMA_VERSION,
  type JsonReport,
  type JsonReportInput,
  type JsonReportRun,
} from './json-report.ts';
export { writeReports, REPORT_FILE_NAMES, type WriteReportsInput, type WrittenReports } from './write-reports.ts';
export { loadReportRuns, type LoadedResults } from './load-report-runs.ts';
export { renderSpectrumSvg } from './render-plot-svg.ts';
export { computePercentileSpectrumMs } from './percentile-spectrum.ts';
export { createProgressPrinter, type ProgressPrinter, type ProgressPrinterOptions } from './progress/progress-printer.ts';
