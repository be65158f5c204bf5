import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
export function corpusRun(name: string): TestRun {
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
export function skeleton(xml: string): string[] {
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
});
