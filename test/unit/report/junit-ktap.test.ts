import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junitSuites, mergeJUnit } from '../../../src/campaign/junit-merge.js';
import type { Plan, Provisioned, TestRun } from '../../../src/core/types.js';
import { toJUnit } from '../../../src/report/junit.js';
import { toSummaryMarkdown } from '../../../src/report/summary-md.js';
import { judgeCorpusLog } from '../../helpers/corpus.js';

const schema = new URL('../../fixtures/schemas/junit-10.xsd', import.meta.url).pathname;

function validates(xml: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'qfi-junit-')), 'junit.xml');
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
}

/** A TestRun around a recorded corpus console, as the pipeline builds it. */
function corpusRun(name: string): TestRun {
  const judged = judgeCorpusLog(name);
  const plan = { scenario: name, canonicalRules: [], seed: 7, timeouts: { bootMs: 60_000, testMs: 600_000, overallMs: 720_000 } } as unknown as Plan;
  const provisioned = { qemuVersion: judged.meta.qemu, qemuOrigin: 'system', accel: 'tcg', kernelDescription: judged.meta.kernel, plugins: [] } as unknown as Provisioned;
  return {
    scenario: name,
    verdict: judged.result.verdict,
    reason: judged.result.reason,
    summary: judged.summary,
    ...(judged.ktap ? { ktap: judged.ktap } : {}),
    record: judged.record,
    plan,
    provisioned,
    injections: undefined,
    points: [],
  };
}

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
      'suite tap13-todo-skip 6/0/0/2',
      '  case boot',
      '  case command',
      '  suite ktap 4/0/0/2',
      '    case /proc is mounted',
      '    case swap is on skipped(expected failure (TODO the built-in guest has no swap yet))',
      '    case kvm in the guest skipped(no nested virtualisation)',
      '    case done',
    ]);
    expect(xml).toContain('classname="qfi.tap13-todo-skip.ktap" name="swap is on"');
  });

  it('a stream that bailed out: the missing results are errors, and the command fails', () => {
    const xml = toJUnit(corpusRun('tap-bail-out'));
    validates(xml);
    expect(skeleton(xml)).toEqual([
      'suite tap-bail-out 4/1/1/0',
      '  case boot',
      '  case command failure(Bail out! at console line 8: no network device (run with --n)',
      '  suite ktap 2/0/1/0',
      '    case shell runs',
      '    case (no result for test 2 of 3) error(the producer bailed out at console line 8)',
    ]);
    expect(xml).toContain('<property name="qfi.ktap.error" value="Bail out! at console line 8: no network device (run with --network user)"/>');
  });

  it('summary.md lists the KTAP counts and the tests without a result', () => {
    const md = toSummaryMarkdown(corpusRun('tap-bail-out'));
    expect(md).toMatch(/\*\*KTAP\*\*: 1 stream, 2 tests: 1 passed, 0 failed, 0 skipped, 1 without a result/);
    expect(md).toMatch(/\| `\(no result for test 2 of 3\)` \| no result \|/);
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
    ].map((p) => `        case ${p}`);
    const kasanPassed = [
      'kmalloc_oob_right', 'kmalloc_oob_left', 'kmalloc_node_oob_right', 'kmalloc_pagealloc_oob_right', 'kmalloc_pagealloc_uaf', 'kmalloc_pagealloc_invalid_free',
    ];
    const kasanLater = [
      'pagealloc_uaf', 'kmalloc_large_oob_right', 'krealloc_more_oob', 'krealloc_less_oob', 'krealloc_pagealloc_more_oob', 'krealloc_pagealloc_less_oob',
      'krealloc_uaf', 'kmalloc_oob_16', 'kmalloc_uaf_16', 'kmalloc_oob_in_memset', 'kmalloc_oob_memset_2', 'kmalloc_oob_memset_4', 'kmalloc_oob_memset_8',
      'kmalloc_oob_memset_16', 'kmalloc_memmove_negative_size',
    ];
    expect(skeleton(xml)).toEqual([
      'suite ktap-nested-skip-truncated 52/1/1/3',
      '  case boot',
      '  case command failure(the guest stopped while the test command ran, without report)',
      '  suite ktap 50/0/1/3',
      '    suite example 4/0/0/2',
      '      case example_simple_test',
      '      case example_skip_test skipped(this test should be skipped)',
      '      case example_mark_skipped_test skipped(this test should be skipped)',
      '      case example_all_expect_macros_test',
      '    suite fat_test 23/0/0/0',
      '      case fat_checksum_test',
      '      suite fat_time_fat2unix_test 11/0/0/0',
      ...fatParams,
      '      suite fat_time_unix2fat_test 11/0/0/0',
      ...fatParams,
      '    suite kasan 23/0/1/1',
      ...kasanPassed.map((c) => `      case ${c}`),
      '      case pagealloc_oob_right skipped(Test requires CONFIG_KASAN_GENERIC=n)',
      ...kasanLater.map((c) => `      case ${c}`),
      '      case (no result for test 23 of 55) error(no result: the console ended at line 2139)',
    ]);
    expect(xml).toContain('<property name="qfi.ktap.version" value="KTAP version 1 (KUnit suites, no top-level header)"/>');
    expect(xml).toContain('<testcase classname="qfi.ktap-nested-skip-truncated.fat_test.fat_time_fat2unix_test" name="Leap Day / Year (1996-02-29 00:00:00)"/>');
    // What the console printed while the missing test ran is the error's text.
    expect(xml).toMatch(/name="\(no result for test 23 of 55\)">\s*<error message="no result: the console ended at line 2139" type="ktap">no result: the console ended at line 2139\nsysrq: Power Off/);
  });

  it('a campaign merge keeps nested suites inside their scenario, with the counts adding up', () => {
    const suites = ['ktap-nested-skip-truncated', 'tap13-todo-skip', 'pass'].flatMap((n) => junitSuites(toJUnit(corpusRun(n))));
    expect(suites).toHaveLength(3);
    const merged = mergeJUnit('corpus', suites);
    validates(merged);
    expect(/<testsuites [^>]*>/.exec(merged)![0]).toContain('tests="60" failures="1" errors="1"');
  });
});
