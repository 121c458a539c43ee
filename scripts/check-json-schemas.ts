// tsx scripts/check-json-schemas.ts <schema file> <json file>...: exits 1 and prints each
// problem when a file does not match the schema (run by native/test.sh through ctest).

import { readFileSync } from 'node:fs';
import { problemsAgainstSchema } from './schemas/check-against-schema.ts';

const [schemaFile, ...files] = process.argv.slice(2);
if (schemaFile === undefined || files.length === 0) {
  console.error('usage: tsx scripts/check-json-schemas.ts <schema file> <json file>...');
  process.exit(2);
}
const problems = problemsAgainstSchema(
  schemaFile,
  files.map((file) => ({ file, value: JSON.parse(readFileSync(file, 'utf8')) as unknown })),
);
for (const problem of problems) console.error(problem);
console.log(`${files.length} file(s) against ${schemaFile}: ${problems.length === 0 ? 'match' : `${problems.length} problem(s)`}`);
process.exit(problems.length === 0 ? 0 : 1);
