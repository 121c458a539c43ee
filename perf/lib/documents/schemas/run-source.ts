// Where a run's code came from: the suite's checkout and the XSched install. Worker version,
// driver and CUDA/ROCm runtime are in each worker's fingerprint (fingerprint.ts), not here.

import * as v from 'valibot';

/** The suite's checkout; `available: false` says why there is no commit (never a guess). */
export const GitSourceSchema = v.variant('available', [
  v.object({
    available: v.literal(true),
    commit: v.string(),
    /** null on a detached HEAD (CI checkouts of a pull request often are). */
    branch: v.nullable(v.string()),
    /** Tracked files differ from the commit: the run measured code that no commit holds. */
    dirty: v.boolean(),
    /** The commit's committer date (ISO 8601): the order of a history across runners. */
    commitTime: v.string(),
  }),
  v.object({ available: v.literal(false), reason: v.string() }),
]);

export const XschedSourceSchema = v.object({
  root: v.string(),
  /** A version or commit, or "unknown". */
  version: v.string(),
  /** Where `version` came from, e.g. "git rev-parse in XSCHED_ROOT" or "PERF_XSCHED_VERSION". */
  from: v.string(),
});

export const RunSourceSchema = v.object({
  git: GitSourceSchema,
  /** null when XSCHED_ROOT was not set (no xsched arm could run). */
  xsched: v.nullable(XschedSourceSchema),
});
