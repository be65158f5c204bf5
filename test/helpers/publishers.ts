/**
 * What the three most used JUnit publishers would show for a file, from their rules as read in
 * their sources (dorny/test-reporter @29672c5 java-junit parser, mikepenz/action-junit-report
 * @305cd1f testParser.ts, EnricoMi/publish-unit-test-result-action @c9bbcab python/publish/
 * junit.py with junitparser 5.0.0; ../shared/FACTS.md); their code is not used. Each view is what a user sees; `publisherProblems` lists where our XML
 * would read wrong in any of them.
 *
 * - dorny/test-reporter (java-junit): only the testcases of top-level <testsuite>s; a nested
 *   suite and its cases are dropped.
 * - mikepenz/action-junit-report: an annotation per failing case at the case's `file`/`line`;
 *   without `file` it globs the repository for `**` + `/<last dotted part of classname>.*`.
 *   A later case with the same name, classname and file is a retry of the earlier one.
 * - EnricoMi/publish-unit-test-result-action: `file`/`line` relative to the repository root;
 *   <error> is shown as an error (red), <failure> as a failure (yellow); shows <system-out>.
 * - dorny needs `name` on every suite and case and `time` on every suite (NaN otherwise); a
 *   case whose classname differs from its suite's name is shown under a second group.
 * - EnricoMi's check result comes from the top-level suites' tests/failures/errors attributes,
 *   not from the cases: they must agree.
 * - None of them shows <properties>.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface XmlCase {
  attrs: Record<string, string>;
  result: { kind: 'failure' | 'error' | 'skipped'; message: string; type: string | undefined; text: string } | undefined;
  systemOut: string;
}
export interface XmlSuite {
  attrs: Record<string, string>;
  depth: number;
  cases: XmlCase[];
}

const unescape = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]!] = unescape(m[2]!);
  return out;
}

/** Every <testsuite> (with its nesting depth, 0 = below <testsuites>) and its own cases. */
export function readJUnit(xml: string): XmlSuite[] {
  const suites: XmlSuite[] = [];
  const stack: XmlSuite[] = [];
  let current: XmlCase | undefined;
  let textOf: { target: 'result' | 'out' } | undefined;
  let text = '';
  for (const m of xml.matchAll(/<(\/?)([\w-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    if (m[5] !== undefined) {
      if (textOf) text += m[5];
      continue;
    }
    const [, close, tag, rest, selfClose] = m;
    if (tag === 'testsuite') {
      if (close) stack.pop();
      else {
        const suite: XmlSuite = { attrs: attributes(rest!), depth: stack.length, cases: [] };
        suites.push(suite);
        if (!selfClose) stack.push(suite);
      }
    } else if (tag === 'testcase') {
      if (close) current = undefined;
      else {
        const tc: XmlCase = { attrs: attributes(rest!), result: undefined, systemOut: '' };
        stack.at(-1)?.cases.push(tc);
        if (!selfClose) current = tc;
      }
    } else if ((tag === 'failure' || tag === 'error' || tag === 'skipped') && current) {
      if (close) {
        current.result!.text = unescape(text);
        textOf = undefined;
      } else {
        current.result = { kind: tag, message: attributes(rest!).message ?? '', type: attributes(rest!).type, text: '' };
        if (!selfClose) {
          textOf = { target: 'result' };
          text = '';
        }
      }
    } else if (tag === 'system-out' && current) {
      if (close) {
        current.systemOut = unescape(text);
        textOf = undefined;
      } else if (!selfClose) {
        textOf = { target: 'out' };
        text = '';
      }
    }
  }
  return suites;
}

/** dorny's java-junit view: top-level suites and their cases, with its counts. */
export function dornyView(xml: string): {
  suites: Array<{ name: string; tests: Array<{ name: string; result: 'success' | 'failed' | 'skipped' }> }>;
  passed: number;
  failed: number;
  skipped: number;
} {
  const suites = readJUnit(xml)
    .filter((s) => s.depth === 0)
    .map((s) => ({
      name: s.attrs.name ?? '',
      tests: s.cases.map((c) => ({
        name: c.attrs.name ?? '',
        result: c.result === undefined ? ('success' as const) : c.result.kind === 'skipped' ? ('skipped' as const) : ('failed' as const),
      })),
    }));
  const all = suites.flatMap((s) => s.tests);
  return {
    suites,
    passed: all.filter((t) => t.result === 'success').length,
    failed: all.filter((t) => t.result === 'failed').length,
    skipped: all.filter((t) => t.result === 'skipped').length,
  };
}

/** Files under `root` named `<name>.*` (mikepenz's fallback glob), skipping .git and node_modules. */
function globByStem(root: string, stem: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      if (e.isDirectory()) walk(join(dir, e.name), rel ? `${rel}/${e.name}` : e.name);
      else if (e.name.startsWith(`${stem}.`)) found.push(rel ? `${rel}/${e.name}` : e.name);
    }
  };
  walk(root, '');
  return found;
}

export interface Annotation {
  file: string | undefined;
  line: number;
  level: 'failure' | 'notice';
  title: string;
  message: string;
}

/** mikepenz's annotations for the failing cases of every suite (nested too: it reads them), in `workspace`. */
export function mikepenzAnnotations(xml: string, workspace: string): Annotation[] {
  return readJUnit(xml).flatMap((s) =>
    s.cases
      .filter((c) => c.result && c.result.kind !== 'skipped')
      .map((c): Annotation => {
        const classname = c.attrs.classname ?? '';
        const file = c.attrs.file ?? globByStem(workspace, classname.split('.').at(-1)!)[0];
        return {
          file,
          line: Number(c.attrs.line ?? 1),
          level: 'failure',
          title: c.attrs.name ?? '',
          message: `${c.result!.message}\n${c.result!.text}`.trim(),
        };
      }),
  );
}

/** EnricoMi's result per case: error (red), failure (yellow), skipped, success; with what it shows of the case. */
export function enricoMiResults(xml: string): Array<{
  name: string;
  classname: string;
  state: 'error' | 'failure' | 'skipped' | 'success';
  file: string | undefined;
  line: number | undefined;
  shown: string;
}> {
  return readJUnit(xml).flatMap((s) =>
    s.cases.map((c) => ({
      name: c.attrs.name ?? '',
      classname: c.attrs.classname ?? '',
      state: c.result?.kind ?? 'success',
      file: c.attrs.file,
      line: c.attrs.line === undefined ? undefined : Number(c.attrs.line),
      shown: [c.result?.message, c.result?.text, c.systemOut].filter(Boolean).join('\n'),
    })),
  );
}

/**
 * Where a file would read wrong in any publisher, in `workspace` (the repository root):
 * nesting, a case without a real `file`/`line`, a classname that globs to a file, a name
 * used twice (unless `retries` allows it), a crash written as a <failure>.
 */
export function publisherProblems(xml: string, workspace: string, opts: { retries?: readonly string[] } = {}): string[] {
  const problems: string[] = [];
  const suites = readJUnit(xml);
  for (const s of suites.filter((x) => x.depth > 0)) problems.push(`nested suite ${s.attrs.name} (dorny drops it and its ${s.cases.length} case(s))`);
  for (const s of suites) {
    if (!s.attrs.name?.trim()) problems.push('a suite without a name (dorny fails the whole report)');
    if (s.attrs.time === undefined) problems.push(`suite ${s.attrs.name}: no time (dorny shows NaN)`);
    const count = (kind: string) => s.cases.filter((c) => c.result?.kind === kind).length;
    const said = [s.attrs.tests, s.attrs.failures, s.attrs.errors].map(Number);
    const real = [s.cases.length, count('failure'), count('error')];
    if (said.join() !== real.join())
      problems.push(`suite ${s.attrs.name}: tests/failures/errors say ${said.join('/')}, its cases ${real.join('/')} (EnricoMi trusts the attributes)`);
    for (const c of s.cases) {
      if (!c.attrs.name?.trim()) problems.push(`a case of ${s.attrs.name} without a name (dorny fails the whole report)`);
      if (c.attrs.classname !== s.attrs.name)
        problems.push(`${c.attrs.name}: classname ${c.attrs.classname} is not its suite's name (dorny adds a group level)`);
    }
  }
  const seen = new Map<string, number>();
  for (const c of suites.flatMap((s) => s.cases)) {
    const name = c.attrs.name ?? '';
    const file = c.attrs.file;
    if (file === undefined) {
      const stem = (c.attrs.classname ?? '').split('.').at(-1)!;
      const hits = globByStem(workspace, stem);
      if (hits.length) problems.push(`${name}: no file, and the classname's last part "${stem}" globs to ${hits[0]} (mikepenz)`);
    } else {
      const path = join(workspace, file);
      if (!existsSync(path) || !statSync(path).isFile()) problems.push(`${name}: file ${file} is not a file of the repository`);
      else {
        const lines = readFileSync(path, 'utf8').split('\n').length;
        const line = Number(c.attrs.line);
        if (!Number.isInteger(line) || line < 1 || line > lines) problems.push(`${name}: line ${c.attrs.line} is not a line of ${file} (${lines} lines)`);
      }
    }
    const key = `${name}\u0000${c.attrs.classname}\u0000${file}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (seen.get(key) === 2 && !opts.retries?.includes(name)) problems.push(`${name}: twice in the file (mikepenz takes the second for a retry)`);
    if (c.result?.kind === 'failure' && ['panic', 'hang', 'boot-timeout', 'infra-error'].includes(c.result.type ?? '')) {
      problems.push(`${name}: a ${c.result.type} written as <failure> (EnricoMi shows it yellow, not as an error)`);
    }
  }
  return problems;
}
