import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/adapters/cli/parse-args.js';
import { parseLogs, type ParseOptions } from '../../../src/parse/parse-logs.js';
import { junitSchema } from '../../helpers/junit-schema.js';
import { UsageError } from '../../../src/core/errors.js';
import { thrownBy } from '../../helpers/thrown.js';

const thrown = (fn: () => unknown) => thrownBy(fn, UsageError);

// Logs: TAP recorded from real producers (test/fixtures/tap) and real kernel consoles (test/fixtures/corpus).
const fixtures = new URL('../../fixtures/', import.meta.url).pathname;
const run = (files: string[], more: Partial<ParseOptions> = {}) =>
  parseLogs({ files, json: false, junit: undefined, name: undefined, cwd: fixtures, readStdin: () => '', ...more });

describe('qfi parse', () => {
  it('prints one JSON object per file: status, kunit counts, every test case by its dotted path', () => {
    const out = run(['tap/perl_subtests.tap', 'corpus/ktap-pass.log'], { json: true });
    expect(out.code).toBe(1);
    const [perl, kunit] = out.lines.map((l) => JSON.parse(l));
    expect(perl).toMatchObject({ file: 'tap/perl_subtests.tap', status: 'fail', counts: { passed: 4, failed: 1, skipped: 1, crashed: 0, errors: 0 } });
    expect(perl.tests).toContainEqual({ name: 'outer subtest.nested subtest.deep fails', status: 'fail' });
    expect(kunit).toMatchObject({ file: 'corpus/ktap-pass.log', status: 'pass', counts: { passed: 57, failed: 0, skipped: 0, crashed: 0, errors: 0 } });
    expect(kunit.tests[0]).toEqual({ name: 'list-kunit-test.list_test_list_init', status: 'pass' });
  });

  it('exits 0 only when every file passed', () => {
    expect(run(['corpus/ktap-pass.log']).code).toBe(0);
    expect(run(['corpus/ktap-pass.log', 'tap/perl_skipall.tap']).code).toBe(1);
  });

  it("prints the tree with each status, the parser errors under their test, and kunit's summary line", () => {
    const { lines } = run(['corpus/ktap-nested-skip-truncated.log']);
    expect(lines).toContain('  [CRASHED] kasan (23 subtests)');
    expect(lines).toContain('    [SKIPPED] pagealloc_oob_right # SKIP Test requires CONFIG_KASAN_GENERIC=n');
    expect(lines.at(-1)).toBe('corpus/ktap-nested-skip-truncated.log: [CRASHED] Ran 82 tests: passed: 46, crashed: 33, skipped: 3, errors: 34');
  });

  it("a file without KTAP or TAP is kunit's FAILURE_TO_PARSE_TESTS: no tests, one error", () => {
    const out = run(['corpus/pass.log'], { json: true });
    expect(JSON.parse(out.lines[0]!)).toMatchObject({
      status: 'no-tests',
      counts: { errors: 1 },
      errors: ['Could not find any KTAP output. Did any KUnit tests run?'],
    });
    expect(out.code).toBe(1);
  });

  it('reads standard input for -', () => {
    const out = run(['-'], { json: true, readStdin: () => readFileSync(join(fixtures, 'tap/node_subtests.tap'), 'utf8') });
    expect(JSON.parse(out.lines[0]!)).toMatchObject({ file: '-', status: 'pass' });
  });

  it("writes JUnit that validates, one flat suite per KTAP suite, cases pointing at the log's lines", () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfi-parse-'));
    run(['corpus/ktap-fail-kasan.log'], { junit: join(dir, 'junit.xml') });
    execFileSync('xmllint', ['--noout', '--schema', junitSchema(), join(dir, 'junit.xml')], { stdio: 'pipe' });
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(xml).toMatch(/<testsuite name="qfi ktap-fail-kasan ktap kasan" [^>]*failures="1"/);
    expect(xml).toMatch(
      /<testcase classname="qfi ktap-fail-kasan ktap kasan" name="ktap-fail-kasan: kasan\.kasan_global_oob_right" time="0" file="corpus\/ktap-fail-kasan\.log" line="\d+">\s*<failure/,
    );
  });

  it("a qfi results folder's console.log is read under the run's scenario, cases pointing where the run's did", () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfi-parse-run-'));
    copyFileSync(join(fixtures, 'corpus/ktap-fail-kasan.log'), join(dir, 'console.log'));
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ scenario: 'kasan-smoke', ktap: { caseLocation: { file: 'ci/qfi.toml', line: 3 } } }));
    parseLogs({ files: [join(dir, 'console.log')], json: false, junit: join(dir, 'parsed.xml'), name: undefined, cwd: dir, readStdin: () => '' });
    expect(readFileSync(join(dir, 'parsed.xml'), 'utf8')).toContain(
      '<testcase classname="qfi kasan-smoke ktap kasan" name="kasan-smoke: kasan.kasan_global_oob_right" time="0" file="ci/qfi.toml" line="3">',
    );
  });

  it('refuses what is not a regular file, naming it (exit 2)', () => {
    expect(thrown(() => run(['no/such.log']))).toMatchObject({ kind: 'usage', message: 'log file no/such.log does not exist' });
    expect(thrown(() => run(['tap']))).toMatchObject({ kind: 'usage', message: 'log file tap is not a regular file' });
    expect(thrown(() => run(['/dev/null']))).toMatchObject({ kind: 'usage', message: 'log file /dev/null is not a regular file' });
  });
});

describe('qfi parse on the command line', () => {
  it('takes logs, --json, --junit and --name, and only those', () => {
    expect(parseCliArgs(['parse', 'a.log', '-', '--json', '--junit', 'j.xml', '--name', 'boot'])).toEqual({
      kind: 'parse',
      files: ['a.log', '-'],
      json: true,
      junit: 'j.xml',
      name: 'boot',
    });
    expect(thrown(() => parseCliArgs(['parse']))).toMatchObject({ kind: 'usage', message: 'qfi parse needs at least one log' });
    expect(thrown(() => parseCliArgs(['parse', 'a.log', '--config', 'qfi.toml']))).toMatchObject({ kind: 'usage' });
  });
});
