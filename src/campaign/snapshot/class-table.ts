/** Outcome classes of snapshot trials per region, with rates and 95% Wilson intervals (also for merged results). */
import type { ScenarioResult } from '../model.js';
import { wilsonInterval } from '../stats.js';
import { TRIAL_CLASSES, type TrialClass } from './classify.js';

export interface ClassCount {
  count: number;
  rate: number;
  low: number;
  high: number;
}

export interface RegionClasses {
  region: string;
  /** Classified trials (the rates' denominator). */
  trials: number;
  counts: ClassCount[];
  /** Trials that could not run (infrastructure errors). */
  unclassified: number;
}

/** One row per region, plus `all` when there are several. */
export function classTable(results: readonly ScenarioResult[]): { classes: readonly TrialClass[]; rows: RegionClasses[] } {
  const trials = results.filter((r) => r.recheckOf === undefined);
  const regions = [...new Set(trials.map((r) => r.point))];
  const row = (region: string, mine: readonly ScenarioResult[]): RegionClasses => {
    const classified = mine.filter((r) => r.class !== undefined);
    return {
      region,
      trials: classified.length,
      counts: TRIAL_CLASSES.map((c) => {
        const count = classified.filter((r) => r.class === c).length;
        return { count, rate: classified.length ? count / classified.length : 0, ...wilsonInterval(count, classified.length) };
      }),
      unclassified: mine.length - classified.length,
    };
  };
  const rows = regions.map((region) =>
    row(
      region,
      trials.filter((r) => r.point === region),
    ),
  );
  return { classes: TRIAL_CLASSES, rows: rows.length > 1 ? [...rows, row('all', trials)] : rows };
}
