import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junitSchema } from '../../helpers/junit-schema.js';

const caseWithLocation =
  '<testsuites><testsuite name="qfi run" tests="1" failures="0" errors="0" skipped="0" time="0"><testcase name="qfi: command" classname="qfi run" time="0" file="qfi.toml" line="3"/></testsuite></testsuites>\n';

function lint(schema: string): number {
  const file = join(mkdtempSync(join(tmpdir(), 'qfi-xsd-')), 'junit.xml');
  writeFileSync(file, caseWithLocation);
  return spawnSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' }).status ?? -1;
}

describe('the JUnit schema the demo and the tests validate against', () => {
  it('is what scripts/write-junit-schema.mjs derives from junit-10.xsd', () => {
    expect(() => execFileSync('node', ['scripts/write-junit-schema.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('adds testcase file and line, which junit-10.xsd alone rejects', () => {
    expect(lint(junitSchema())).toBe(0);
    expect(lint(new URL('../../fixtures/schemas/junit-10.xsd', import.meta.url).pathname)).not.toBe(0);
  });
});
