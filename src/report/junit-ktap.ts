/**
 * KTAP results as JUnit: one suite per KTAP stream (`ktap`, or `ktap.1`, `ktap.2`... when the
 * console had several; `results`, `results.1`... for a results file's), a nested <testsuite> per KTAP suite (KUnit suites, parameterised cases)
 * and a <testcase> per test case, its classname the dotted suite path. Failures carry their
 * diagnostics; results that never came (a cut-off stream) are errors naming where it stopped.
 */
import type { KtapReport, KtapStream, KtapTest } from '../observe/ktap.js';
import type { JUnitCase, JUnitResult, JUnitSuite } from './junit-xml.js';

/** Diagnostics the whole file may carry: KTAP with thousands of failing cases stays readable. */
const maxDiagnosticChars = 512 * 1024;

export function ktapSuites(ktap: KtapReport, classPrefix: string): JUnitSuite[] {
  const budget = { left: maxDiagnosticChars };
  const suites: JUnitSuite[] = [];
  for (const [base, streams] of [['ktap', ktap.streams.filter((s) => s.source === 'console')], ['results', ktap.streams.filter((s) => s.source !== 'console')]] as const) {
    const many = streams.length > 1;
    streams.forEach((stream, i) => suites.push(streamSuite(stream, many ? `${base}.${i + 1}` : base, classPrefix, budget)));
  }
  if (ktap.dropped > 0) {
    suites.push({
      name: 'ktap.dropped',
      cases: [{ name: `${ktap.dropped} more results`, classname: `${classPrefix}.ktap`, result: { kind: 'skipped', message: `${ktap.dropped} results over the report's budget were counted, not kept` } }],
      suites: [],
    });
  }
  return suites;
}

function streamSuite(stream: KtapStream, name: string, classPrefix: string, budget: { left: number }): JUnitSuite {
  const properties: Array<[string, string]> = [
    ['qfi.ktap.version', stream.headerless ? `${stream.version} (KUnit suites, no top-level header)` : stream.version],
    ...(stream.source === 'console'
      ? [['qfi.ktap.console_lines', `${stream.firstLine}-${stream.lastLine}`] as [string, string]]
      : [['qfi.ktap.source', stream.source] as [string, string], ['qfi.ktap.lines', `${stream.firstLine}-${stream.lastLine}`] as [string, string]]),
    ...stream.errors.slice(0, 20).map((e): [string, string] => ['qfi.ktap.error', e]),
  ];
  const suite: JUnitSuite = { name, properties, cases: [], suites: [] };
  addTests(suite, stream.tests, [], classPrefix, budget);
  if (stream.errors.length && suite.cases.length + suite.suites.length === 0) {
    // Nothing to hang the error on (a stream with no result at all): one error case says why.
    suite.cases.push({ name: '(stream)', classname: `${classPrefix}.${name}`, result: { kind: 'error', type: 'ktap', message: stream.errors[0]!, text: stream.errors.join('\n') } });
  }
  return suite;
}

function addTests(into: JUnitSuite, tests: KtapTest[], path: string[], classPrefix: string, budget: { left: number }): void {
  for (const test of tests) {
    if (test.subtests.length > 0) {
      const child: JUnitSuite = { name: test.name, cases: [], suites: [] };
      if (test.errors.length) child.properties = test.errors.slice(0, 20).map((e) => ['qfi.ktap.error', e]);
      addTests(child, test.subtests, [...path, test.name], classPrefix, budget);
      into.suites.push(child);
    } else {
      into.cases.push(toCase(test, path, classPrefix, budget));
    }
  }
}

function toCase(test: KtapTest, path: string[], classPrefix: string, budget: { left: number }): JUnitCase {
  const tc: JUnitCase = { name: test.name, classname: [classPrefix, ...(path.length ? path : ['ktap'])].join('.') };
  const result = caseResult(test, budget);
  if (result) tc.result = result;
  return tc;
}

function caseResult(test: KtapTest, budget: { left: number }): JUnitResult | undefined {
  const directive = test.directive ? `# ${test.directive}${test.note ? ` ${test.note}` : ''}` : test.note ? `# ${test.note}` : '';
  switch (test.outcome) {
    case 'pass':
      return undefined;
    case 'skip':
      return { kind: 'skipped', ...(test.note ? { message: test.note } : {}) };
    case 'todo':
      return { kind: 'skipped', message: `expected failure (${directive.slice(2) || test.directive})` };
    case 'fail': {
      const kind = test.directive === 'ERROR' ? 'error' : 'failure';
      const why = test.diagnostics.find((d) => /FAILED|fail|error|expected/i.test(d)) ?? (directive || `not ok: ${test.name}`);
      return { kind, type: 'ktap', message: why.replace(/^#\s*/, ''), text: details(test, budget) };
    }
    case 'error':
      return { kind: 'error', type: 'ktap', message: test.errors[0] ?? 'no result', text: details(test, budget) };
  }
}

function details(test: KtapTest, budget: { left: number }): string {
  const text = [...test.errors, ...test.diagnostics].join('\n');
  if (budget.left <= 0) return '(diagnostics left out: the report is over its size budget)';
  const kept = text.length <= budget.left ? text : `${text.slice(0, budget.left)}\n… (cut: the report is over its size budget)`;
  budget.left -= kept.length;
  return kept;
}
