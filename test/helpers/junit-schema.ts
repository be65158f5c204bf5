/**
 * Validates JUnit XML against ../shared/schemas/junit-10.xsd (test/fixtures/schemas copy) with
 * one addition made here, not by hand-editing the schema: `file` and `line` on <testcase>, the
 * attributes pytest, jest-junit and Jenkins' xunit write and the publishers annotate from.
 * junit-10.xsd allows `file` on <testsuite> only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const original = new URL('../fixtures/schemas/junit-10.xsd', import.meta.url).pathname;
let derived: string | undefined;

/** The path of the extended schema, for `xmllint --schema`. */
export function junitSchema(): string {
  if (derived) return derived;
  const xsd = readFileSync(original, 'utf8');
  const anchor = '<xs:attribute name="classname" type="xs:string"/>';
  if (!xsd.includes(anchor)) throw new Error(`${original}: no testcase classname attribute to extend`);
  const out = join(mkdtempSync(join(tmpdir(), 'qfi-xsd-')), 'junit-10-case-location.xsd');
  writeFileSync(out, xsd.replace(anchor, `${anchor}\n            <xs:attribute name="file" type="xs:string"/>\n            <xs:attribute name="line" type="xs:positiveInteger"/>`));
  return (derived = out);
}

export function validatesJUnit(xml: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'qfi-junit-')), 'junit.xml');
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', junitSchema(), file], { stdio: 'pipe' });
}
