// node .ci/count-tests.mjs VITEST_JSON: the closing line of the tests step,
// `tests: N passed, M failed, K skipped`, after each failure's first line and first error lines.
// Exits 1 when a test failed or when nothing ran at all.
// Tests of a file that failed before running them (a failed beforeAll) count as failed, not skipped.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let passed = 0,
  failed = 0,
  skipped = 0;
const failures = [];
for (const file of r.testResults) {
  const name = relative(process.cwd(), file.name);
  for (const t of file.assertionResults) {
    if (t.status === 'passed') passed++;
    else if (t.status === 'failed' || file.status === 'failed') {
      failed++;
      if (t.status === 'failed') failures.push([`${name} > ${t.fullName}`, (t.failureMessages ?? []).join('\n')]);
    } else skipped++;
  }
  if (file.status === 'failed' && file.assertionResults.length === 0) failed++;
  if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')) failures.push([name, file.message ?? '']);
}
for (const [where, message] of failures) {
  // The first line, and the first error lines after it (a build log's, say), not its last lines.
  const [first = '', ...rest] = message
    .split('\n')
    .map((l) => l.trimEnd())
    .filter(Boolean);
  const lines = [first, ...rest.filter((l) => /\berror\b/i.test(l)).slice(0, 2)];
  console.log(`FAIL ${where}\n${lines.map((l) => `     ${l}`).join('\n')}`);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed + failed === 0) process.exit(1);
