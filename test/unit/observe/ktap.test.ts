import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readKtapFile } from '../../../src/observe/ktap-console.js';
import { KtapParser, ktapCases, mergeKtapReports, parseKtap, totalTests, type KtapReport, type KtapTest } from '../../../src/observe/ktap.js';
import { ktapFileJson } from '../../../src/report/ktap-json.js';
import { judgeCorpusLog } from '../../helpers/corpus.js';
import { compareWithTapParser } from '../../helpers/tap-reference.js';

// Inputs: TAP recorded from real producers (test/fixtures/tap, see its README) and consoles of
// real kernels (test/fixtures/corpus). The kernel's own KUnit test data and kunit_parser's
// reading of it are compared in test/integration/kunit-reference.test.ts.

const tapDir = new URL('../../fixtures/tap/', import.meta.url);
const tapFixture = (name: string) => readFileSync(new URL(`${name}.tap`, tapDir), 'utf8');
const tap = (name: string) => parseKtap(tapFixture(name), name)!;
const corpusLog = (name: string) => new URL(`../../fixtures/corpus/${name}.log`, import.meta.url).pathname;

/** `suite.case: status` for every test case. */
const cases = (report: KtapReport) => report.streams.flatMap((s) => ktapCases(s.tests)).map(({ path, test }) => `${path.join('.')}: ${test.status}`);
const find = (report: KtapReport, name: string): KtapTest => {
  const hit = report.streams.flatMap((s) => ktapCases(s.tests)).find(({ path }) => path.join('.') === name);
  if (!hit) throw new Error(`no test ${name}`);
  return hit.test;
};

describe('TAP from real producers, read as the TAP 14 reference parser (tap-parser 18) reads it', () => {
  const names = readdirSync(tapDir)
    .filter((f) => f.endsWith('.tap'))
    .map((f) => f.slice(0, -4));

  it('has the recorded producers to compare', () => {
    expect(names.length).toBeGreaterThanOrEqual(18);
  });

  for (const name of names) {
    it(`${name}: the same verdict, tests, names and statuses`, async () => {
      const { differences } = await compareWithTapParser(tapFixture(name), name);
      expect(differences).toEqual([]);
    });
  }
});

describe('TAP 14 rules, each on a recorded producer', () => {
  it('YAML blocks are the diagnostics of the test before them: `ok: false` and `not ok 3 - fake` inside one are no tests, the plan after one counts', () => {
    const report = tap('node_yaml_fail');
    expect(report.streams[0]!.plan).toBe(5);
    expect(totalTests(report.counts)).toBe(5);
    expect(cases(report).some((c) => /fake|^ok:/.test(c))).toBe(false);
    expect(find(report, 'deep equal with ok:false inside').diagnostics).toContain("line: 'not ok 3 - fake'");
  });

  it('subtests: `# Subtest:` indented with its lines (node:test) or at its parent (Test::More), closed by its result line', () => {
    expect(cases(tap('node_subtests'))).toEqual([
      'outer group.inner passes: pass',
      'outer group.inner nested group.deep pass: pass',
      'outer group.inner nested group.deep skip: skip',
      'outer group.inner todo fails: skip',
      'top level pass: pass',
    ]);
    const perl = tap('perl_subtests');
    expect(cases(perl)).toEqual([
      'top level first: pass',
      'outer subtest.inner one: pass',
      'outer subtest.nested subtest.deep one: pass',
      'outer subtest.nested subtest.deep fails: fail',
      'outer subtest.inner three: pass',
      // `1..0 # SKIP`, closed by `ok 3 # skip no kvm` without a name.
      'skipped subtest: skip',
    ]);
    expect(perl.status).toBe('fail');
  });

  it('directives: SKIP and TODO in any case and with a suffix, on ok or not ok; escaped `\\#` and `\\\\` in names', () => {
    const perl = tap('perl_directives');
    expect(perl.status).toBe('pass');
    expect(find(perl, 'todo fails')).toMatchObject({ status: 'skip', directive: 'TODO' });
    expect(find(perl, 'todo passes unexpectedly')).toMatchObject({ status: 'pass', directive: 'TODO' });
    expect(find(perl, 'name with # hash and \\ backslash').status).toBe('pass');
    const mix = tap('nodetap_mix');
    expect(find(mix, 'child group.grandchild.deep fail')).toMatchObject({ status: 'skip', directive: 'SKIP', note: 'SKIPPED on this host' });
    // The spec's own example: `ok 3 - hello \# \\ world # TODO escape \# characters with \\`.
    expect(find(mix, 'hello # \\ world')).toMatchObject({ directive: 'TODO', note: 'escape # characters with \\' });
  });

  it('numbering: a number twice fails the stream; numbers out of place are counted errors, as kunit_parser counts them', () => {
    const report = tap('perl_numbers');
    const errors = report.streams[0]!.errors;
    expect(errors).toContain('TAP: test number 2 appears more than once (perl_numbers line 4)');
    expect(errors).toContain('second again: Expected test number 4 but found 2 (perl_numbers line 4)');
    expect(find(report, 'unnumbered').status).toBe('pass');
    expect(report.status).toBe('crash');
  });

  it('plans: trailing or leading; fewer results than planned are crashed tests; no plan at all fails', () => {
    expect(tap('perl_plan_end')).toMatchObject({ status: 'pass', counts: { passed: 2, errors: 0 } });
    expect(tap('perl_plan_mismatch')).toMatchObject({ status: 'crash', counts: { passed: 3, crashed: 1, errors: 1 } });
    const noPlan = tap('perl_noplan');
    expect(noPlan.status).toBe('fail');
    expect(noPlan.streams[0]!.truncated).toMatch(/has no plan \(1\.\.N\) after 2 results/);
    expect(tap('perl_skipall')).toMatchObject({ status: 'skip', streams: [{ plan: 0, tests: [] }] });
  });

  it('Bail out! ends everything, inside a subtest too, and names its reason', () => {
    const perl = tap('perl_bailout');
    expect(perl).toMatchObject({ status: 'crash', counts: { passed: 1, failed: 1, crashed: 3 } });
    expect(perl.streams[0]!.truncated).toBe('Bail out! at perl_bailout line 4: QEMU died: # no monitor');
    const node = tap('nodetap_bail');
    expect(node.status).toBe('crash');
    expect(node.streams[0]!.errors).toContain('child bails: missing subtest result line! (the producer bailed out at nodetap_bail line 5)');
  });
});

describe('KTAP as kunit_parser reads it, on consoles of real kernels', () => {
  it('KUnit module output: indented suites under a top level that printed no header, numbered 1, 2 as one stream', () => {
    const report = readKtapFile(corpusLog('ktap-pass'))!;
    expect(report.streams).toHaveLength(1);
    expect(report.streams[0]!.tests.map((t) => `${t.number} ${t.name}: ${t.status}`)).toEqual(['1 list-kunit-test: pass', '2 hlist: pass']);
    expect(report).toMatchObject({ status: 'pass', counts: { passed: 57, failed: 0, crashed: 0, errors: 0 } });
  });

  it('a stream cut off mid-suite: the missing results are crashed tests and errors; the suite without its result line one more error', () => {
    const report = readKtapFile(corpusLog('ktap-nested-skip-truncated'))!;
    expect(report).toMatchObject({ status: 'crash', counts: { passed: 46, skipped: 3, crashed: 33, errors: 34 } });
    expect(report.streams[0]!.truncated).toBe('kasan stopped after kmalloc_memmove_negative_size (22 of 55 results): the console ended at line 2139');
    // The JSON lists each missing result, as kunit does.
    expect(ktapFileJson('console.log', report).tests.filter((t) => t.status === 'crash')).toHaveLength(33);
  });

  // The same recorded console as a journal shows it, and indented as a whole (as kunit's own
  // test data and kunit_tool_test's inline logs are): the prefix before the first version line
  // is cut from every line, and indentation does not nest.
  const original = readFileSync(corpusLog('ktap-pass'), 'utf8').replace(/\n$/, '').split('\n');
  const reading = (text: string) => {
    const { file: _file, ...rest } = ktapFileJson('x', parseKtap(text));
    return rest;
  };
  for (const [what, prefix] of [
    ['a journald prefix', 'Dec 03 11:41:54 host kernel: '],
    ['one space', ' '],
    ['a tab', '\t'],
    ['a printk timestamp and a journald prefix', '[    2.683418] host kernel: '],
  ] as const) {
    it(`the same results behind ${what}`, () => {
      const prefixed = original.map((l) => prefix + l.replace(/^\[\s*\d+\.\d+\] /, '')).join('\n');
      expect(reading(prefixed)).toEqual(reading(original.join('\n')));
    });
  }

  it('TAP 13 from a shell test: TODO is an expected failure, SKIP no failure', () => {
    const { ktap } = judgeCorpusLog('tap13-todo-skip');
    expect(ktap!.streams[0]).toMatchObject({ version: 'TAP version 13', plan: 4, errors: [], status: 'pass' });
    expect(cases(ktap!)).toEqual(['/proc is mounted: pass', 'swap is on: skip', 'kvm in the guest: skip', 'done: pass']);
  });

  it('TAP 14 without a plan anywhere: nothing says it was complete, so the run is no pass', () => {
    const { ktap, result } = judgeCorpusLog('tap-missing-plan');
    expect(ktap!.streams[0]!.truncated).toMatch(/^stream at console line 5 has no plan \(1\.\.N\) after 3 results/);
    expect(result.verdict).toBe('panic');
  });
});

describe('KTAP budgets', () => {
  it('keeps at most 10,000 results of a runaway stream and still counts them all', () => {
    const parser = new KtapParser();
    parser.addLine('TAP version 13', 1);
    parser.addLine('1..50000', 2);
    for (let i = 1; i <= 50_000; i++) parser.addLine(i === 45_000 ? `not ok ${i} - t${i}` : `ok ${i} - t${i}`, i + 2);
    const report = parser.end()!;
    expect(report.streams[0]!.tests).toHaveLength(10_000);
    expect(report.dropped).toBe(40_000);
    expect(report.counts).toMatchObject({ passed: 49_999, failed: 1, errors: 0 });
    expect(report.status).toBe('fail');
  });
});

describe('KTAP from several places', () => {
  it('names a results file in its messages and keeps the streams of the console and the file apart', () => {
    const consoleKtap = readKtapFile(corpusLog('ktap-pass'));
    const fileKtap = readKtapFile(corpusLog('tap-bail-out'), 'results file /tmp/r.tap');
    expect(fileKtap!.streams[0]!.source).toBe('results file /tmp/r.tap');
    expect(fileKtap!.streams[0]!.truncated).toMatch(/^Bail out! at results file \/tmp\/r\.tap line \d+: no network device/);
    const merged = mergeKtapReports([consoleKtap, undefined, fileKtap])!;
    expect(merged.streams.map((s) => s.source)).toEqual([...consoleKtap!.streams.map(() => 'console'), 'results file /tmp/r.tap']);
    expect(totalTests(merged.counts)).toBe(totalTests(consoleKtap!.counts) + totalTests(fileKtap!.counts));
    expect(merged.counts.errors).toBe(consoleKtap!.counts.errors + fileKtap!.counts.errors);
    expect(merged.status).toBe('crash');
    expect(mergeKtapReports([undefined, fileKtap])).toBe(fileKtap);
    expect(mergeKtapReports([undefined, undefined])).toBeUndefined();
  });
});
