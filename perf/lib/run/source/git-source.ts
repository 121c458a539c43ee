// The suite checkout's commit, branch and dirty flag, read with git itself. Outside a git
// checkout (a tarball, a copied results folder) the source says so instead of guessing.

import { execa } from 'execa';
import type { GitSource } from '../../documents/types/run-source.ts';

async function git(cwd: string, args: string[]): Promise<{ ok: boolean; text: string }> {
  try {
    const result = await execa('git', args, { cwd, reject: false, stdin: 'ignore', timeout: 10_000 });
    return { ok: result.exitCode === 0, text: String(result.exitCode === 0 ? result.stdout : result.stderr).trim() };
  } catch (error) {
    return { ok: false, text: error instanceof Error ? error.message : String(error) };
  }
}

/** The top folder of the git checkout `cwd` is in, or null outside one. */
export async function gitTopLevel(cwd: string): Promise<string | null> {
  const result = await git(cwd, ['rev-parse', '--show-toplevel']);
  return result.ok && result.text !== '' ? result.text : null;
}

/** The git source of the checkout at `cwd`: two git processes, started together. */
export async function readGitSource(cwd: string): Promise<GitSource> {
  // --branch adds "# branch.oid <commit|(initial)>" and "# branch.head <name|(detached)>";
  // --untracked-files=no: results/ and build outputs are ignored or untracked, not code changes.
  const [status, head] = await Promise.all([
    git(cwd, ['status', '--porcelain=v2', '--branch', '--untracked-files=no']),
    git(cwd, ['show', '-s', '--format=%cI', 'HEAD']),
  ]);
  if (!status.ok) return { available: false, reason: 'not a git checkout' };
  const lines = status.text.split('\n');
  const header = (name: string): string | undefined => lines.find((line) => line.startsWith(`# branch.${name} `))?.slice(`# branch.${name} `.length);
  const commit = header('oid');
  if (commit === undefined || commit === '(initial)' || !head.ok) return { available: false, reason: `git checkout without a commit: ${head.text}` };
  const branch = header('head');
  return {
    available: true,
    commit,
    branch: branch === undefined || branch === '(detached)' ? null : branch,
    dirty: lines.some((line) => line !== '' && !line.startsWith('#')),
    // UTC, so times from runners in different zones sort as text (docs/history.md).
    commitTime: new Date(head.text).toISOString(),
  };
}
