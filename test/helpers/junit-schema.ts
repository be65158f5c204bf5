/**
 * Validates JUnit XML against junit-10.xsd (../shared/schemas, copied to test/fixtures/schemas)
 * plus testcase `file` and `line`: test/fixtures/schemas/junit-10-case-location.xsd, which
 * scripts/write-junit-schema.mjs derives (the demo validates against the same file).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The path of the extended schema, for `xmllint --schema`. */
export function junitSchema(): string {
  return new URL('../fixtures/schemas/junit-10-case-location.xsd', import.meta.url).pathname;
}

export function validatesJUnit(xml: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'qfi-junit-')), 'junit.xml');
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', junitSchema(), file], { stdio: 'pipe' });
}
