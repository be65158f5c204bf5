import { describe, expect, it } from 'vitest';
import { compareWithHistory, pointStats, wilsonInterval } from '../../../src/campaign/stats.js';
import { campaignVerdict } from '../../../src/campaign/verdict.js';
import type { ScenarioResult } from '../../../src/campaign/model.js';
import type { Verdict } from '../../../src/core/verdict.js';

function trial(id: string, verdict: Verdict, seed: number, over: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    id,
    point: 'a.b',
    action: 'rate:100',
    rules: ['a.b=rate:100'],
    seed,
    verdict,
    reason: verdict,
    wallMs: 1000,
    dir: `scenarios/${id}`,
    reproducer: '',
    injections: undefined,
    ...over,
  };
}

describe('wilsonInterval', () => {
  it('matches the textbook 95% Wilson score interval', () => {
    const { low, high } = wilsonInterval(3, 8);
    expect(low).toBeCloseTo(0.1368, 4);
    expect(high).toBeCloseTo(0.6943, 4);
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 12);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('pointStats', () => {
  it('counts trials per point and action, and marks a point flaky when a recheck of a seed differs', () => {
    const results = [
      trial('t1', 'fail', 1),
      trial('t2', 'pass', 2),
      trial('t3', 'fail', 3),
      trial('t1-recheck', 'pass', 1, { recheckOf: 't1' }),
      trial('u1', 'pass', 1, { point: 'c.d' }),
    ];
    const [ab, cd] = pointStats(results);
    expect(ab).toMatchObject({ point: 'a.b', trials: 3, failures: 2, failingSeeds: [1, 3], flaky: true });
    expect(ab!.rate).toBeCloseTo(2 / 3);
    expect(cd).toMatchObject({ point: 'c.d', trials: 1, failures: 0, flaky: false });
  });

  it('compares with history: newly failing, worse and better only when the intervals separate', () => {
    const before = pointStats([
      ...Array.from({ length: 20 }, (_, i) => trial(`a${i}`, i < 2 ? 'fail' : 'pass', i)),
      ...Array.from({ length: 5 }, (_, i) => trial(`c${i}`, 'pass', i, { point: 'c.d' })),
    ]);
    const now = pointStats([
      ...Array.from({ length: 20 }, (_, i) => trial(`a${i}`, i < 15 ? 'fail' : 'pass', i)),
      ...Array.from({ length: 5 }, (_, i) => trial(`c${i}`, i === 0 ? 'fail' : 'pass', i, { point: 'c.d' })),
      trial('e', 'fail', 1, { point: 'e.f' }),
    ]);
    const rows = compareWithHistory(now, before);
    expect(rows.map((r) => [r.point, r.trend])).toEqual([
      ['a.b', 'worse'],
      ['c.d', 'new-failure'],
      ['e.f', 'new-point'],
    ]);
    expect(compareWithHistory(before, now)[0]!.trend).toBe('better');
    expect(compareWithHistory(now, now).map((r) => r.trend)).toEqual(['same', 'same', 'same']);
  });
});

describe('campaignVerdict', () => {
  it('fails on any failing scenario, is an infra error when one could not run, and chaos with history fails only on regressions', () => {
    expect(campaignVerdict('matrix', [trial('a', 'pass', 1)], [], false)).toEqual({ verdict: 'pass', reason: 'all 1 scenarios passed' });
    expect(campaignVerdict('matrix', [trial('a', 'pass', 1), trial('b', 'panic', 1)], [], false)).toMatchObject({
      verdict: 'fail',
      reason: '1 of 2 scenarios failed: b',
    });
    expect(campaignVerdict('matrix', [trial('a', 'infra-error', 1)], [], false).verdict).toBe('infra-error');
    const results = [trial('a', 'fail', 1), trial('b', 'pass', 2)];
    const same = compareWithHistory(pointStats(results), pointStats(results));
    expect(campaignVerdict('chaos', results, same, true).verdict).toBe('pass');
    const newly = compareWithHistory(pointStats(results), pointStats([trial('a', 'pass', 1)]));
    expect(campaignVerdict('chaos', results, newly, true)).toMatchObject({ verdict: 'fail', reason: expect.stringContaining('a.b rate:100 (new-failure)') });
    expect(campaignVerdict('chaos', results, pointStats(results), false).verdict).toBe('fail');
  });
});
