/**
 * KTAP results as flat JUnit suites, the only shape every publisher reads (dorny's java-junit
 * parser drops nested suites): one suite per KTAP suite, its dotted path in the suite name
 * (`demo ktap example.param`), and a testcase per test case, named by its whole path so names
 * stay unique across suites (junit-names.ts). Tests at a stream's top level share one suite. A suite whose own
 * result failed while none of its cases did gets a case for that result, so it cannot vanish.
 * Results that never came (a cut-off stream) are errors naming where it stopped.
 */
import type { KtapReport, KtapStream, KtapTest } from '../observe/ktap.js';
import type { JUnitResult, JUnitSuite } from './junit-xml.js';
import { ktapNames } from './junit-names.js';

/** Diagnostics the whole file may carry: KTAP with thousands of failing cases stays readable. */
const maxDiagnosticChars = 512 * 1024;

export interface KtapNaming {
  /** Prefix of suite names and classnames: the scenario. */
  scenario: string;
  /** Where a case points: the command's line for console streams, the results-file line for a results file. */
  location: (stream: KtapStream, test: KtapTest | undefined) => { file?: string; line?: number };
}

export function ktapSuites(ktap: KtapReport, naming: KtapNaming): JUnitSuite[] {
  const budget = { left: maxDiagnosticChars };
  const suites: JUnitSuite[] = [];
  // A run's results file is `results`; its console and any log given to `qfi parse` are `ktap`.
  const fromResultsFile = (s: KtapStream) => s.source.startsWith('results file');
  for (const [base, streams] of [
    ['ktap', ktap.streams.filter((s) => !fromResultsFile(s))],
    ['results', ktap.streams.filter(fromResultsFile)],
  ] as const) {
    const many = streams.length > 1;
    streams.forEach((stream, i) => suites.push(...streamSuites(stream, many ? `${base}.${i + 1}` : base, naming, budget)));
  }
  if (ktap.dropped > 0) {
    suites.push({
      name: ktapNames(naming.scenario, 'ktap', ['(dropped)']).suite,
      cases: [
        {
          name: ktapNames(naming.scenario, 'ktap', []).caseName(`(${ktap.dropped} more results)`),
          classname: ktapNames(naming.scenario, 'ktap', []).classname,
          result: { kind: 'skipped', message: `${ktap.dropped} results over the report's budget were counted, not kept` },
        },
      ],
    });
  }
  return suites;
}

/** The stream's suites: its top-level cases first, then each KTAP suite, depth first. */
function streamSuites(stream: KtapStream, streamName: string, naming: KtapNaming, budget: { left: number }): JUnitSuite[] {
  const where = (test?: KtapTest) => naming.location(stream, test);
  const names = (path: readonly string[]) => ktapNames(naming.scenario, streamName, path);
  const properties: Array<[string, string]> = [
    ['qfi.ktap.version', stream.version],
    ['qfi.ktap.status', stream.status],
    ...(stream.source === 'console'
      ? [['qfi.ktap.console_lines', `${stream.firstLine}-${stream.lastLine}`] as [string, string]]
      : [['qfi.ktap.source', stream.source] as [string, string], ['qfi.ktap.lines', `${stream.firstLine}-${stream.lastLine}`] as [string, string]]),
    ...stream.errors.slice(0, 20).map((e): [string, string] => ['qfi.ktap.error', e]),
  ];
  const top: JUnitSuite = { name: names([]).suite, properties, cases: [] };
  const out: JUnitSuite[] = [top];

  const visit = (into: JUnitSuite, test: KtapTest, path: readonly string[]): void => {
    const n = names(path);
    if (test.subtests.length === 0) {
      const result = caseResult(test, budget);
      into.cases.push({ name: n.caseName(test.name), classname: n.classname, ...where(test), ...(result ? { result } : {}) });
      return;
    }
    const here = [...path, test.name];
    const inner = names(here);
    const suite: JUnitSuite = { name: inner.suite, cases: [] };
    if (test.errors.length) suite.properties = test.errors.slice(0, 20).map((e) => ['qfi.ktap.error', e]);
    out.push(suite);
    for (const sub of test.subtests) visit(suite, sub, here);
    // The suite's own `not ok` with every case passing (a crash after the last case) would vanish.
    const own = caseResult(test, budget);
    if (own && own.kind !== 'skipped' && !anyCaseFailed(test))
      suite.cases.push({ name: n.caseName(`${test.name} (suite result)`), classname: inner.classname, ...where(test), result: own });
  };
  for (const test of stream.tests) visit(top, test, []);
  const failing = out.some((s) => s.cases.some((c) => c.result && c.result.kind !== 'skipped'));
  if (stream.errors.length && (out.every((s) => s.cases.length === 0) || ((stream.status === 'fail' || stream.status === 'crash') && !failing))) {
    // Nothing to hang the error on (no result at all, or a TAP stream failed as a whole: a count
    // that does not match its plan, a number twice): one case says why, so it cannot look green.
    const kind = stream.status === 'fail' ? 'failure' : 'error';
    top.cases.push({
      name: names([]).caseName('(stream)'),
      classname: names([]).classname,
      ...where(),
      result: { kind, type: 'ktap', message: stream.errors.at(kind === 'failure' ? -1 : 0)!, text: stream.errors.join('\n') },
    });
  }
  // Suites without cases of their own (KUnit's top level, a suite of parameterised cases) show
  // as empty suites in a publisher: they go, the stream's properties moving to its first suite.
  const kept = out.filter((s) => s.cases.length > 0);
  if (kept.length === 0) return [top];
  if (kept[0] !== top) kept[0] = { ...kept[0]!, properties: [...properties, ...(kept[0]!.properties ?? [])] };
  return kept;
}

function anyCaseFailed(test: KtapTest): boolean {
  return test.subtests.some((s) => (s.subtests.length ? anyCaseFailed(s) : s.status === 'fail' || s.status === 'crash'));
}

function caseResult(test: KtapTest, budget: { left: number }): JUnitResult | undefined {
  const directive = test.directive ? `# ${test.directive}${test.note ? ` ${test.note}` : ''}` : test.note ? `# ${test.note}` : '';
  switch (test.status) {
    case 'pass':
      return undefined;
    case 'skip':
      if (test.directive === 'TODO' || test.directive === 'XFAIL') return { kind: 'skipped', message: `expected failure (${directive.slice(2)})` };
      return { kind: 'skipped', ...(test.note ? { message: test.note } : {}) };
    case 'no-tests':
      return { kind: 'skipped', message: test.errors[0] ?? '0 tests run!' };
    case 'fail': {
      const kind = test.directive === 'ERROR' ? 'error' : 'failure';
      const why = test.diagnostics.find((d) => /FAILED|fail|error|expected/i.test(d)) ?? (directive || `not ok: ${test.name}`);
      return { kind, type: 'ktap', message: why.replace(/^#\s*/, ''), text: details(test, budget) };
    }
    case 'crash':
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
