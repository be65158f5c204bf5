/**
 * One JUnit file from many: the <testsuite> elements of each scenario's junit.xml (qfi wrote
 * them, one suite per scenario) under a single <testsuites> with summed counts.
 */
import { topLevelSuites } from '../report/junit-suites.js';
import { toXmlText } from '../report/xml-text.js';
import { junitNames } from '../report/junit-names.js';

function attribute(tag: string, name: string): number {
  const m = new RegExp(`\\s${name}="([0-9.]+)"`).exec(tag);
  return m ? Number(m[1]) : 0;
}

/** The suites of a JUnit document, as text (nested KTAP suites stay inside their scenario's). */
export function junitSuites(xml: string): string[] {
  return topLevelSuites(xml);
}

/** A suite for a scenario whose results are missing (an artifact that never arrived): its one case is an error. */
export function missingSuite(id: string, why: string): string {
  const names = junitNames(id);
  return [
    `  <testsuite name="${escapeAttr(names.suite)}" tests="1" failures="0" errors="1" skipped="0" time="0">`,
    `    <testcase classname="${escapeAttr(names.classname)}" name="${escapeAttr(id)}" time="0">`,
    `      <error message="${escapeAttr(why)}" type="missing-results"/>`,
    '    </testcase>',
    '  </testsuite>',
  ].join('\n');
}

function escapeAttr(text: string): string {
  return toXmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function mergeJUnit(name: string, suites: readonly string[]): string {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let time = 0;
  for (const suite of suites) {
    const open = /^<testsuite\b[^>]*>/.exec(suite.trim())?.[0] ?? '';
    tests += attribute(open, 'tests');
    failures += attribute(open, 'failures');
    errors += attribute(open, 'errors');
    time += attribute(open, 'time');
  }
  const body = suites.map((s) => `  ${s.trim()}`).join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeAttr(name)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${Math.round(time * 1000) / 1000}">`,
    ...(body ? [body] : []),
    '</testsuites>',
    '',
  ].join('\n');
}
