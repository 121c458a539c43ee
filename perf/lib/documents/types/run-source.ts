// Where a run's code came from: the suite's checkout and the XSched install. Worker version,
// driver and CUDA/ROCm runtime are in each worker's fingerprint (fingerprint.ts), not here.

/** The suite's checkout; `available: false` says why there is no commit (never a guess). */
export type GitSource =
  | {
      available: true;
      commit: string;
      /** null on a detached HEAD (CI checkouts of a pull request often are). */
      branch: string | null;
      /** Tracked files differ from the commit: the run measured code that no commit holds. */
      dirty: boolean;
      /** The commit's committer date (ISO 8601): the order of a history across runners. */
      commitTime: string;
    }
  | { available: false; reason: string };

export interface XschedSource {
  root: string;
  /** A version or commit, or "unknown". */
  version: string;
  /** Where `version` came from, e.g. "git rev-parse in XSCHED_ROOT" or "PERF_XSCHED_VERSION". */
  from: string;
}

export interface RunSource {
  git: GitSource;
  /** null when XSCHED_ROOT was not set (no xsched arm could run). */
  xsched: XschedSource | null;
}
