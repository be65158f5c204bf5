/**
 * Failure rates per point with 95% Wilson score intervals, flaky points, and the comparison
 * with a previous campaign (history).
 */
import type { ScenarioResult } from './model.js';

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** Wilson score interval of `failures` in `trials` (0..1); [0, 1] when there are no trials. */
export function wilsonInterval(failures: number, trials: number, z = Z95): { low: number; high: number } {
  if (trials === 0) return { low: 0, high: 1 };
  const p = failures / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

export type Trend = 'new-failure' | 'worse' | 'better' | 'same' | 'new-point';

export interface PointStats {
  point: string;
  action: string;
  trials: number;
  failures: number;
  rate: number;
  low: number;
  high: number;
  /** A seed that failed once and passed on its recheck (or the reverse). */
  flaky: boolean;
  /** Seeds whose trial failed (rechecks not counted). */
  failingSeeds: number[];
  /** Against history, when given. */
  trend?: Trend;
  previous?: { trials: number; failures: number; rate: number; low: number; high: number };
}

const failed = (r: ScenarioResult): boolean => r.verdict !== 'pass';

/** One row per point and action, in first-seen order; rechecks count for flakiness only. */
export function pointStats(results: readonly ScenarioResult[]): PointStats[] {
  const rows = new Map<string, PointStats>();
  for (const r of results) {
    if (r.recheckOf !== undefined) continue;
    const key = `${r.point} ${r.action}`;
    const row = rows.get(key) ?? { point: r.point, action: r.action, trials: 0, failures: 0, rate: 0, low: 0, high: 1, flaky: false, failingSeeds: [] };
    row.trials++;
    if (failed(r)) {
      row.failures++;
      row.failingSeeds.push(r.seed);
    }
    rows.set(key, row);
  }
  for (const recheck of results.filter((r) => r.recheckOf !== undefined)) {
    const original = results.find((r) => r.id === recheck.recheckOf);
    if (original && failed(original) !== failed(recheck)) {
      const row = rows.get(`${original.point} ${original.action}`);
      if (row) row.flaky = true;
    }
  }
  return [...rows.values()].map((row) => ({ ...row, rate: row.trials ? row.failures / row.trials : 0, ...wilsonInterval(row.failures, row.trials) }));
}

/**
 * Marks each row against the previous campaign's row for the same point and action:
 * `new-failure` (never failed before, fails now), `worse`/`better` (the 95% intervals do
 * not overlap), else `same`; `new-point` when the previous campaign did not have it.
 */
export function compareWithHistory(now: readonly PointStats[], previous: readonly PointStats[]): PointStats[] {
  return now.map((row) => {
    const before = previous.find((p) => p.point === row.point && p.action === row.action);
    if (!before) return { ...row, trend: 'new-point' as const };
    let trend: Trend = 'same';
    if (before.failures === 0 && row.failures > 0) trend = 'new-failure';
    else if (row.low > before.high) trend = 'worse';
    else if (row.high < before.low) trend = 'better';
    const { trials, failures, rate, low, high } = before;
    return { ...row, trend, previous: { trials, failures, rate, low, high } };
  });
}

export const isRegression = (row: PointStats): boolean => row.trend === 'new-failure' || row.trend === 'worse';
