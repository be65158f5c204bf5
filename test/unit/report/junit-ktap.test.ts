import { describe, expect, it } from 'vitest';
import { junitSuites, mergeJUnit } from '../../../src/campaign/junit-merge.js';
import { toJUnit } from '../../../src/report/junit.js';
import { toSummaryMarkdown } from '../../../src/report/summary-md.js';
import { corpusTestRun } from '../../helpers/corpus.js';
import { validatesJUnit } from '../../helpers/junit-schema.js';

const validates = validatesJUnit;

const corpusRun = (name: string) => corpusTestRun(name);

/** The <testsuite> and <testcase> skeleton of a JUnit file: names, counts and result elements. */
function skeleton(xml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)(testsuite|testcase)\b([^>]*?)(\/?)>|<(failure|error|skipped)\b([^>]*?)\/?>/g)) {
    if (m[5]) {
      const message = /message="([^"]*)"/.exec(m[6]!)?.[1];
      out[out.length - 1] += ` ${m[5]}${message ? `(${message.slice(0, 60)})` : ''}`;
      continue;
    }
    if (m[1]) {
      if (m[2] === 'testsuite') depth--;
      continue;
    }
    const name = /\sname="([^"]*)"/.exec(m[3]!)?.[1];
    if (m[2] === 'testsuite') {
      const counts = ['tests', 'failures', 'errors', 'skipped'].map((k) => new RegExp(` ${k}="(\\d+)"`).exec(m[3]!)?.[1]).join('/');
      out.push(`${'  '.repeat(depth)}suite ${name} ${counts}`);
      if (!m[4]) depth++;
    } else {
      out.push(`${'  '.repeat(depth)}case ${name}`);
    }
  }
  return out;
}

describe('KTAP in junit.xml', () => {
  it('TAP 13 from a shell test: one testcase per test, TODO and SKIP as skipped, valid against the schema', () => {
    const xml = toJUnit(corpusRun('tap13-todo-skip'));
    validates(xml);
    expect(skeleton(xml)).toEqual([
      'suite qfi tap13-todo-skip 2/0/0/0',
      '  case tap13-todo-skip: boot',
      '  case tap13-todo-skip: command',
      'suite qfi tap13-todo-skip ktap 4/0/0/2',
      '  case tap13-todo-skip: /proc is mounted',
      '  case tap13-todo-skip: swap is on skipped(expected failure (TODO the built-in guest has no swap yet))',
      '  case tap13-todo-skip: kvm in the guest skipped(no nested virtualisation)',
      '  case tap13-todo-skip: done',
    ]);
    expect(xml).toContain('classname="qfi tap13-todo-skip ktap" name="tap13-todo-skip: swap is on"');
  });

  it('a stream that bailed out: the missing results are errors, and so is the command', () => {
    expect(corpusRun('tap-bail-out').verdict).not.toBe('fail');
    const xml = toJUnit(corpusRun('tap-bail-out'));
    validates(xml);
    expect(skeleton(xml)).toEqual([
      'suite qfi tap-bail-out 2/0/1/0',
      '  case tap-bail-out: boot',
      // A bail-out is no test failure but a crash of the producer: an error.
      '  case tap-bail-out: command error(Bail out! at console line 8: no network device (run with --n)',
      'suite qfi tap-bail-out ktap 2/0/1/0',
      '  case tap-bail-out: shell runs',
      // kunit_parser counts each missing result as a crashed test; one case stands for the run of them.
      '  case tap-bail-out: (no results for tests 2-3 of 3) error(missing expected subtest! (2 of them))',
    ]);
    expect(xml).toContain('<property name="qfi.ktap.status" value="crash"/>');
    expect(xml).toContain('<property name="qfi.ktap.error" value="top level: Bail out! at console line 8: no network device (run with --network user)"/>');
  });

  it('summary.md lists the KTAP counts and the tests without a result', () => {
    const md = toSummaryMarkdown(corpusRun('tap-bail-out'));
    expect(md).toMatch(/\*\*KTAP\*\*: 1 stream \(crash\), 3 tests: 1 passed, 0 failed, 0 skipped, 2 crashed \(no result\), 3 parser errors/);
    expect(md).toMatch(/\| `\(no results for tests 2-3 of 3\)` \| no result \|/);
  });

  it('KUnit modules with nested suites, skips and a cut-off end: the expected JUnit', () => {
    // Read off the recorded log: example (2 skipped), fat_test with two parameterised cases (a
    // third level), then kasan powered off after its 22nd of 55 results.
    const run = corpusRun('ktap-nested-skip-truncated');
    expect(run.verdict).toBe('panic');
    expect(run.reason).toContain('KTAP kasan stopped after kmalloc_memmove_negative_size (22 of 55 results): the console ended at line 2139');
    const xml = toJUnit(run);
    validates(xml);
    const fatParams = [
      'Earliest possible UTC (1980-01-01 00:00:00)',
      'Latest possible UTC (2107-12-31 23:59:58)',
      'Earliest possible (UTC-11) (== 1979-12-31 13:00:00 UTC)',
      'Latest possible (UTC+11) (== 2108-01-01 10:59:58 UTC)',
      'Leap Day / Year (1996-02-29 00:00:00)',
      'Year 2000 is leap year (2000-02-29 00:00:00)',
      'Year 2100 not leap year (2100-03-01 00:00:00)',
      'Leap year + timezone UTC+1 (== 2004-02-29 00:30:00 UTC)',
      'Leap year + timezone UTC-1 (== 2004-02-29 23:30:00 UTC)',
      'VFAT odd-second resolution (1999-12-31 23:59:59)',
      'VFAT 10ms resolution (1980-01-01 00:00:00:0010)',
    ];
    const kasanPassed = [
      'kmalloc_oob_right',
      'kmalloc_oob_left',
      'kmalloc_node_oob_right',
      'kmalloc_pagealloc_oob_right',
      'kmalloc_pagealloc_uaf',
      'kmalloc_pagealloc_invalid_free',
    ];
    const kasanLater = [
      'pagealloc_uaf',
      'kmalloc_large_oob_right',
      'krealloc_more_oob',
      'krealloc_less_oob',
      'krealloc_pagealloc_more_oob',
      'krealloc_pagealloc_less_oob',
      'krealloc_uaf',
      'kmalloc_oob_16',
      'kmalloc_uaf_16',
      'kmalloc_oob_in_memset',
      'kmalloc_oob_memset_2',
      'kmalloc_oob_memset_4',
      'kmalloc_oob_memset_8',
      'kmalloc_oob_memset_16',
      'kmalloc_memmove_negative_size',
    ];
    const p = 'ktap-nested-skip-truncated:';
    expect(skeleton(xml)).toEqual([
      'suite qfi ktap-nested-skip-truncated 2/0/1/0',
      `  case ${p} boot`,
      `  case ${p} command error(the guest stopped while the test command ran, without report)`,
      'suite qfi ktap-nested-skip-truncated ktap example 4/0/0/2',
      `  case ${p} example.example_simple_test`,
      `  case ${p} example.example_skip_test skipped(this test should be skipped)`,
      `  case ${p} example.example_mark_skipped_test skipped(this test should be skipped)`,
      `  case ${p} example.example_all_expect_macros_test`,
      'suite qfi ktap-nested-skip-truncated ktap fat_test 1/0/0/0',
      `  case ${p} fat_test.fat_checksum_test`,
      'suite qfi ktap-nested-skip-truncated ktap fat_test/fat_time_fat2unix_test 11/0/0/0',
      ...fatParams.map((c) => `  case ${p} fat_test.fat_time_fat2unix_test.${c}`),
      'suite qfi ktap-nested-skip-truncated ktap fat_test/fat_time_unix2fat_test 11/0/0/0',
      ...fatParams.map((c) => `  case ${p} fat_test.fat_time_unix2fat_test.${c}`),
      'suite qfi ktap-nested-skip-truncated ktap kasan 23/0/1/1',
      ...kasanPassed.map((c) => `  case ${p} kasan.${c}`),
      `  case ${p} kasan.pagealloc_oob_right skipped(Test requires CONFIG_KASAN_GENERIC=n)`,
      ...kasanLater.map((c) => `  case ${p} kasan.${c}`),
      `  case ${p} kasan.(no results for tests 23-55 of 55) error(missing expected subtest! (33 of them))`,
    ]);
    expect(xml).toContain('<property name="qfi.ktap.version" value="KTAP version 1"/>');
    // Classnames join the KTAP path with `/`: their last dotted part is never a word a publisher could glob for.
    expect(xml).toContain(
      '<testcase classname="qfi ktap-nested-skip-truncated ktap fat_test/fat_time_fat2unix_test" name="ktap-nested-skip-truncated: fat_test.fat_time_fat2unix_test.Leap Day / Year (1996-02-29 00:00:00)" time="0"/>',
    );
    // What the console printed while the missing test ran is the error's text.
    expect(xml).toMatch(
      /name="ktap-nested-skip-truncated: kasan\.\(no results for tests 23-55 of 55\)" time="0">\s*<error message="missing expected subtest! \(33 of them\)" type="ktap">missing expected subtest! \(33 of them\)\nsysrq: Power Off/,
    );
  });

  it('a campaign merge keeps every flat suite of each scenario, with the counts adding up', () => {
    const suites = ['ktap-nested-skip-truncated', 'tap13-todo-skip', 'pass'].flatMap((n) => junitSuites(toJUnit(corpusRun(n))));
    // 6 + 2 + 1 (each scenario's suite and its KTAP suites), none nested.
    expect(suites).toHaveLength(9);
    const merged = mergeJUnit('corpus', suites);
    validates(merged);
    // The truncated KUnit run is a panic: its command and its missing kasan result are errors.
    expect(/<testsuites [^>]*>/.exec(merged)![0]).toContain('tests="60" failures="0" errors="2"');
  });
});
