export type { HistoryFilter, HistoryStore, RecordResult } from './history-store.ts';
export { historyEntryFromRun, sourceFields } from './entry-from-run.ts';
export {
  configuredHistoryTarget,
  DEFAULT_HISTORY_FILE,
  HISTORY_URL_VARIABLE,
  HistoryConfigError,
  historyTargetOrDefault,
  openHistoryStore,
  parseHistoryUrl,
  redactUrl,
  type HistoryTarget,
} from './open-history-store.ts';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from './migrations.ts';
export { recordRunInHistory } from './record-run.ts';
export { baselineFromEntries, baselineFromHistory, parseBaselineFrom } from './baseline-from-history.ts';
export { readRunBaseline } from './read-run-baseline.ts';
export { collectHistoryEntries } from './collect-entries.ts';
