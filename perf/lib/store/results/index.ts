export { createRunDirectory, EVALUATION_FILE, formatRunId, LOGS_DIR, parseRunId, RUN_RECORD_FILE, WORKERS_DIR } from './run-directory.ts';
export { copyLoadedRunRecord, saveEvaluation, saveRunRecord } from './save-run.ts';
export { loadEvaluation, loadRunRecord } from './load-run.ts';
export { parseRunRecord } from './parse-run-record.ts';
export { parseEvaluation } from './parse-evaluation.ts';
export { listRuns, type RunEntry } from './list-runs.ts';
export { LATEST_FILE, readLatestRuns, recordLatestRun } from './latest-runs.ts';
