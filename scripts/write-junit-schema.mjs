// Writes test/fixtures/schemas/junit-10-case-location.xsd: the JUnit schema we validate against
// (junit-10.xsd, a copy of ../shared/schemas/junit-10.xsd) plus `file` and `line` on <testcase>,
// the attributes pytest, jest-junit and Jenkins' xunit write and the publishers annotate from
// (junit-10.xsd allows `file` on <testsuite> only). Derived, never edited by hand; a unit test
// checks the committed file is what this writes. `--check` exits 1 when it is not.
import { readFileSync, writeFileSync } from 'node:fs';

const original = new URL('../test/fixtures/schemas/junit-10.xsd', import.meta.url);
const derived = new URL('../test/fixtures/schemas/junit-10-case-location.xsd', import.meta.url);
const anchor = '<xs:attribute name="classname" type="xs:string"/>';

const xsd = readFileSync(original, 'utf8');
if (!xsd.includes(anchor)) {
  console.error(`${original.pathname}: no testcase classname attribute to extend`);
  process.exit(3);
}
const text = xsd.replace(
  anchor,
  `${anchor}\n            <xs:attribute name="file" type="xs:string"/>\n            <xs:attribute name="line" type="xs:positiveInteger"/>`,
);
if (process.argv.includes('--check')) {
  if (readFileSync(derived, 'utf8') !== text) {
    console.error(`${derived.pathname} is not what scripts/write-junit-schema.mjs derives from junit-10.xsd: run it`);
    process.exit(1);
  }
} else {
  writeFileSync(derived, text);
  console.log(`${derived.pathname} written`);
}
