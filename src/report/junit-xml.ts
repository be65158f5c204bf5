/**
 * A small JUnit XML writer: flat suites (publishers drop nested ones), cases with one failure,
 * error or skipped element, `file` and `line` on a case (what publishers annotate), its
 * <system-out>, properties, and counts from the cases. Text goes through toXmlText, so any
 * console text is valid XML. (junit-report-builder writes no `line`, no message on <skipped>,
 * and a `skipped` count on <testsuites> that junit-10.xsd does not allow.)
 */
import { toXmlText } from './xml-text.js';

export interface JUnitResult {
  kind: 'failure' | 'error' | 'skipped';
  message?: string;
  type?: string;
  /** Element text: the details (log excerpt, diagnostics). */
  text?: string;
}

export interface JUnitCase {
  name: string;
  classname: string;
  /** Seconds; 0 when unknown (KTAP has no times). */
  time?: number;
  /** What the case is about in the user's repository, relative to its root (publishers annotate it). */
  file?: string;
  line?: number;
  result?: JUnitResult;
  systemOut?: string;
}

export interface JUnitSuite {
  name: string;
  timestamp?: string;
  time?: number;
  properties?: Array<[string, string]>;
  cases: JUnitCase[];
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function countSuite(suite: JUnitSuite): Counts {
  const c: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const tc of suite.cases) {
    c.tests++;
    if (tc.result?.kind === 'failure') c.failures++;
    else if (tc.result?.kind === 'error') c.errors++;
    else if (tc.result?.kind === 'skipped') c.skipped++;
  }
  return c;
}

const attr = (text: string) =>
  toXmlText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
const body = (text: string) => toXmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Seconds as SUREFIRE_TIME allows them: plain decimals, millisecond precision. */
export const seconds = (s: number) => String(Math.round(s * 1000) / 1000);

function attrs(pairs: Array<[string, string | number | undefined]>): string {
  return pairs
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${attr(String(v))}"`)
    .join('');
}

function renderCase(tc: JUnitCase, pad: string, out: string[]): void {
  const open = `${pad}<testcase${attrs([
    ['classname', tc.classname],
    ['name', tc.name],
    // dorny's parser wants a time on every case and suite (NaN otherwise): KTAP has none, so 0.
    ['time', seconds(tc.time ?? 0)],
    ['file', tc.file],
    ['line', tc.file === undefined ? undefined : tc.line],
  ])}`;
  const r = tc.result;
  if (!r && !tc.systemOut) return void out.push(`${open}/>`);
  out.push(`${open}>`);
  if (r) {
    const el = `<${r.kind}${attrs([
      ['message', r.message],
      ['type', r.type],
    ])}`;
    out.push(`${pad}  ${r.text ? `${el}>${body(r.text)}</${r.kind}>` : `${el}/>`}`);
  }
  if (tc.systemOut) out.push(`${pad}  <system-out>${body(tc.systemOut)}</system-out>`);
  out.push(`${pad}</testcase>`);
}

function renderSuite(suite: JUnitSuite, pad: string, out: string[]): void {
  const c = countSuite(suite);
  out.push(
    `${pad}<testsuite${attrs([
      ['name', suite.name],
      ['timestamp', suite.timestamp],
      ['time', seconds(suite.time ?? 0)],
      ['tests', c.tests],
      ['failures', c.failures],
      ['errors', c.errors],
      ['skipped', c.skipped],
    ])}>`,
  );
  if (suite.properties?.length) {
    out.push(`${pad}  <properties>`);
    for (const [name, value] of suite.properties)
      out.push(
        `${pad}    <property${attrs([
          ['name', name],
          ['value', value],
        ])}/>`,
      );
    out.push(`${pad}  </properties>`);
  }
  for (const tc of suite.cases) renderCase(tc, `${pad}  `, out);
  out.push(`${pad}</testsuite>`);
}

/** The document: <testsuites> with counts over everything (no `skipped` there: the schema has none). */
export function renderJUnit(name: string, suites: JUnitSuite[]): string {
  const total = countSuite({ name, cases: suites.flatMap((s) => s.cases) });
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs([
      ['name', name],
      ['tests', total.tests],
      ['failures', total.failures],
      ['errors', total.errors],
    ])}>`,
  ];
  for (const suite of suites) renderSuite(suite, '  ', out);
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
