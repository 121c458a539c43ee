// The history store's interface: what the suite, the import command, the trend page and
// baselines from history need, whatever the backend (docs/history.md).

import type { BaselineKey } from '../../documents/types/baseline.ts';
import type { HistoryEntry, HistoryMetric } from '../../documents/types/history.ts';

export interface HistoryFilter {
  key?: BaselineKey;
  branch?: string;
  /** Only runs that were valid and complete (HistoryRun.accepted). */
  acceptedOnly?: boolean;
  /** Only the last N runs in commit order. */
  last?: number;
  /** Only these metrics' points (every run is still returned): the trend page reads 4 of 6. */
  metrics?: readonly HistoryMetric[];
}

export interface RecordResult {
  added: number;
  /** Runs whose id was stored already: recording is idempotent, so re-imports are safe. */
  alreadyThere: number;
}

export interface HistoryStore {
  /** Where it is, for messages: a file path or a PostgreSQL URL without its password. */
  readonly location: string;
  record(entries: readonly HistoryEntry[]): Promise<RecordResult>;
  /**
   * Entries in commit order: commit time, then run time (runs without a commit sort by run
   * time alone), then run id.
   */
  query(filter?: HistoryFilter): Promise<HistoryEntry[]>;
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
