// Validates the optional `source` of a run record (documents/types/run-source.ts).

import type { JsonValue } from '../../documents/fs/json-fields.ts';

function checkGitSource(value: JsonValue): void {
  const git = value.asObject();
  if (!git.boolean('available')) {
    git.string('reason');
    return;
  }
  git.string('commit');
  git.get('branch').nullable((v) => v.asString());
  git.boolean('dirty');
  git.string('commitTime');
}

/** Throws a JsonFileError naming the field; a record without `source` is not checked here. */
export function checkRunSource(value: JsonValue): void {
  const source = value.asObject();
  checkGitSource(source.get('git'));
  source.get('xsched').nullable((v) => {
    const xsched = v.asObject();
    xsched.string('root');
    xsched.string('version');
    xsched.string('from');
  });
}
