import { describe, expect, it } from 'vitest';
import { consoleFindings } from '../../../src/observe/findings.js';
import { judgeCorpusLog } from '../../helpers/corpus.js';

describe('console findings on recorded logs', () => {
  it("KASAN's self-test: the reports its passing tests provoke are expected, its failure is the finding", () => {
    const { events, ktap, summary, result } = judgeCorpusLog('ktap-fail-kasan');
    // The console is full of KASAN reports...
    expect(summary.problems.find((p) => p.kind === 'kasan')!.count).toBeGreaterThan(40);
    // ...each inside a test that passed, so none is a finding; the `not ok` is.
    const findings = consoleFindings(events, ktap);
    expect(findings.filter((f) => f.kind === 'kasan')).toEqual([]);
    expect(findings[0]).toMatchObject({ kind: 'ktap-failure', text: expect.stringMatching(/not ok 33 kasan_global_oob_right$/) });
    expect(result).toEqual({ verdict: 'fail', reason: 'KTAP: 1 of 55 tests failed: kasan.kasan_global_oob_right' });
  });

  it('a KASAN report outside any KTAP test stays a kernel bug', () => {
    const { events, ktap, result } = judgeCorpusLog('kasan-slab-oob');
    expect(consoleFindings(events, ktap)[0]).toMatchObject({ kind: 'kasan', line: 8 });
    expect(result.verdict).toBe('panic');
  });

  it('QFI-MARKER and QFI-POINT lines are progress, not problems', () => {
    const { events, ktap, summary } = judgeCorpusLog('qfi-markers');
    expect(events.filter((e) => e.kind === 'marker' || e.kind === 'point')).toHaveLength(5);
    expect(summary.problems).toEqual([]);
    expect(summary.highlights).toEqual([]);
    expect(consoleFindings(events, ktap)).toEqual([]);
  });

  it('an oops inside a KUnit test: panic, and the reason says where the KTAP stream stopped', () => {
    const { result } = judgeCorpusLog('ktap-fault-oops');
    expect(result.verdict).toBe('panic');
    expect(result.reason).toMatch(/^kernel oops at console line \d+: .*BUG: kernel NULL pointer dereference/);
    expect(result.reason).toMatch(/; KTAP kasan stopped after pagealloc_oob_right \(7 of 55 results\)/);
  });

  it('every reason stays short enough for an annotation', () => {
    for (const name of ['warning-loop', 'ktap-nested-skip-truncated', 'soft-lockup', 'oops-null']) {
      expect(judgeCorpusLog(name).result.reason.length).toBeLessThanOrEqual(1000 + 60);
    }
  });
});
