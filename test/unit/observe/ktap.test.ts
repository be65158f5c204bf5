import { describe, expect, it } from 'vitest';
import { readKtapFile } from '../../../src/observe/ktap-console.js';
import { classifyKtapLine, KtapParser, mergeKtapReports, parseKtap, type KtapTest } from '../../../src/observe/ktap.js';
import { judgeCorpusLog } from '../../helpers/corpus.js';

/** name:outcome, nested with [ ], for compact expectations. */
function shape(tests: KtapTest[]): string[] {
  return tests.map((t) => (t.subtests.length ? `${t.name}:${t.outcome}[${shape(t.subtests).join(' ')}]` : `${t.name}:${t.outcome}`));
}

describe('KTAP result lines', () => {
  it('read the result, number, name and directive', () => {
    expect(classifyKtapLine('not ok 2 - swap is on # TODO no swap yet')).toEqual({ kind: 'result', ok: false, number: 2, description: 'swap is on', directive: 'TODO', note: 'no swap yet' });
    expect(classifyKtapLine('ok 3 kvm # SKIP')).toMatchObject({ ok: true, number: 3, description: 'kvm', directive: 'SKIP', note: undefined });
    expect(classifyKtapLine('ok - a \\# b # rcode=0')).toMatchObject({ number: undefined, description: 'a # b', directive: undefined, note: 'rcode=0' });
    expect(classifyKtapLine('okay then')).toEqual({ kind: 'other' });
  });
});

describe('KTAP from Documentation/dev-tools/ktap.rst', () => {
  // The specification's own example output (three levels, a skip, a failure bubbling up).
  const example = [
    'KTAP version 1',
    '1..1',
    '  KTAP version 1',
    '  1..3',
    '    KTAP version 1',
    '    1..1',
    '    # test_1: initializing test_1',
    '    ok 1 test_1',
    '  ok 1 example_test_1',
    '    KTAP version 1',
    '    1..2',
    '    ok 1 test_1 # SKIP test_1 skipped',
    '    ok 2 test_2',
    '  ok 2 example_test_2',
    '    KTAP version 1',
    '    1..3',
    '    ok 1 test_1',
    '    # test_2: FAIL',
    '    not ok 2 test_2',
    '    ok 3 test_3 # SKIP test_3 skipped',
    '  not ok 3 example_test_3',
    'not ok 1 main_test',
  ].join('\n');

  it('builds the hierarchy the specification describes', () => {
    const report = parseKtap(example)!;
    expect(report.streams).toHaveLength(1);
    const [stream] = report.streams;
    expect(stream!.errors).toEqual([]);
    expect(shape(stream!.tests)).toEqual([
      'main_test:fail[example_test_1:pass[test_1:pass] example_test_2:pass[test_1:skip test_2:pass] example_test_3:fail[test_1:pass test_2:fail test_3:skip]]',
    ]);
    const test2 = stream!.tests[0]!.subtests[2]!.subtests[1]!;
    expect(test2.diagnostics).toEqual(['# test_2: FAIL']);
    expect(stream!.tests[0]!.subtests[0]!.subtests[0]!.diagnostics).toEqual(['# test_1: initializing test_1']);
    expect(report.counts).toEqual({ tests: 6, passed: 3, failed: 1, skipped: 2, todo: 0, errors: 0 });
  });

  it('cut anywhere before its last line, the same stream is an error naming where it stopped', () => {
    const lines = example.split('\n');
    for (let keep = 2; keep < lines.length; keep++) {
      const report = parseKtap(lines.slice(0, keep).join('\n'))!;
      expect(report.streams[0]!.errors.length, `cut after line ${keep}`).toBeGreaterThan(0);
      expect(report.counts.errors, `cut after line ${keep}`).toBeGreaterThan(0);
    }
  });
});

describe('KTAP on recorded consoles', () => {
  it('TAP 13 from a shell test: TODO is an expected failure, SKIP no failure', () => {
    const { ktap } = judgeCorpusLog('tap13-todo-skip');
    expect(ktap!.streams[0]).toMatchObject({ version: 'TAP version 13', plan: 4, errors: [] });
    expect(shape(ktap!.streams[0]!.tests)).toEqual(['/proc is mounted:pass', 'swap is on:todo', 'kvm in the guest:skip', 'done:pass']);
    expect(ktap!.counts).toEqual({ tests: 4, passed: 2, failed: 0, skipped: 1, todo: 1, errors: 0 });
  });

  it('a stream without a plan is an error, never a pass', () => {
    const { ktap, result } = judgeCorpusLog('tap-missing-plan');
    expect(ktap!.streams[0]!.errors[0]).toMatch(/^KTAP stream at console line 5 has no plan \(1\.\.N\) after 3 results/);
    expect(result.verdict).toBe('panic');
  });

  it('Bail out! ends the stream with an error', () => {
    const { ktap } = judgeCorpusLog('tap-bail-out');
    expect(ktap!.streams[0]!.errors[0]).toMatch(/^Bail out! at console line 8: no network device/);
    expect(ktap!.counts).toMatchObject({ passed: 1, errors: 1 });
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
    expect(report.counts).toMatchObject({ tests: 50_000, passed: 49_999, failed: 1, errors: 0 });
    expect(report.streams[0]!.errors).toEqual([]);
  });
});

describe('KTAP from several places', () => {
  const corpusLog = (name: string) => new URL(`../../fixtures/corpus/${name}.log`, import.meta.url).pathname;

  it('names a results file in its messages and keeps the streams of the console and the file apart', () => {
    const consoleKtap = readKtapFile(corpusLog('ktap-pass'));
    const fileKtap = readKtapFile(corpusLog('tap-bail-out'), 'results file /tmp/r.tap');
    expect(fileKtap!.streams[0]!.source).toBe('results file /tmp/r.tap');
    expect(fileKtap!.streams[0]!.errors[0]).toMatch(/^Bail out! at results file \/tmp\/r\.tap line \d+: no network device/);
    const merged = mergeKtapReports([consoleKtap, undefined, fileKtap])!;
    expect(merged.streams.map((s) => s.source)).toEqual([...consoleKtap!.streams.map(() => 'console'), 'results file /tmp/r.tap']);
    expect(merged.counts.tests).toBe(consoleKtap!.counts.tests + fileKtap!.counts.tests);
    expect(merged.counts.errors).toBe(consoleKtap!.counts.errors + fileKtap!.counts.errors);
    expect(mergeKtapReports([undefined, fileKtap])).toBe(fileKtap);
    expect(mergeKtapReports([undefined, undefined])).toBeUndefined();
  });
});
