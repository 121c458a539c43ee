// A run's source (documents/types/run-source.ts): the suite checkout and the XSched install.

import type { RunSource } from '../../documents/types/run-source.ts';
import { gitTopLevel, readGitSource } from './git-source.ts';
import { readXschedSource } from './xsched-source.ts';

export { readGitSource } from './git-source.ts';
export { readXschedSource } from './xsched-source.ts';

export async function describeRunSource(cwd: string, env: Record<string, string | undefined>): Promise<RunSource> {
  const root = (env.XSCHED_ROOT ?? '').trim();
  if (root === '') return { git: await readGitSource(cwd), xsched: null };
  // The suite's own top folder is asked for only when there is an install to tell apart from it.
  const [git, suiteCheckout] = await Promise.all([readGitSource(cwd), gitTopLevel(cwd)]);
  return { git, xsched: await readXschedSource(root, env, suiteCheckout) };
}
