/**
 * Scenarios from points: matrix (point × action × repeat), chaos (the same, with rate
 * actions and seeds per trial) and fail-nth (one scenario per call of the golden run).
 */
import type { CampaignSettings } from '../config/types.js';
import { nthCallRule } from '../rules/guest-decide.js';
import { parseRule, printRule } from '../rules/index.js';
import type { PlannedPoint, Scenario } from './model.js';
import { trialLabel, uniqueIds } from './scenario-ids.js';

type Draft = Omit<Scenario, 'id'> & { label: string };

export interface PlannedScenarios {
  scenarios: Scenario[];
  notes: string[];
}

export function planScenarios(settings: CampaignSettings, points: readonly PlannedPoint[], seed: number): PlannedScenarios {
  const notes: string[] = [];
  const drafts: Draft[] = [];
  const actionsOf = (point: string): string[] => settings.points.find((p) => p.point === point)?.actions ?? settings.actions;

  for (const p of points) {
    if (settings.kind === 'fail-nth') {
      if (p.calls === undefined) {
        notes.push(`${p.point}: the golden run did not report how often it was called, so there is nothing to sweep`);
        continue;
      }
      if (p.calls === 0) {
        notes.push(`${p.point}: never called in the golden run, so there is nothing to sweep`);
        continue;
      }
      const last = Math.min(p.calls, settings.failNthMax);
      if (last < p.calls) notes.push(`${p.point}: called ${p.calls} times in the golden run; calls 1..${last} swept (fail-nth-max)`);
      const parsed = parseRule(`${p.point}=fail`);
      for (let k = 1; k <= last; k++) {
        const rule = printRule(nthCallRule(parsed.point, parsed.params, k));
        drafts.push({ label: `${p.point}-nth-${k}`, point: p.point, action: `nth:${k}`, rules: [rule], seed, nth: k });
      }
      continue;
    }
    for (const action of actionsOf(p.point)) {
      const rule = printRule(parseRule(`${p.point}=${action}`));
      for (let t = 1; t <= settings.repeat; t++) {
        const repeated = settings.repeat > 1;
        drafts.push({
          label: `${p.point}-${action}${repeated ? `-${trialLabel(t, settings.repeat)}` : ''}`,
          point: p.point,
          action,
          rules: [rule],
          seed: (seed + t - 1) >>> 0,
          ...(repeated ? { trial: t } : {}),
        });
      }
    }
  }
  const ids = uniqueIds(drafts.map((d) => d.label));
  return { scenarios: drafts.map(({ label: _label, ...d }, i) => ({ id: ids[i]!, ...d })), notes };
}

/** Shard i of N (1-based): scenarios i, i+N, i+2N… */
export function shardScenarios<T>(scenarios: readonly T[], shard: { index: number; count: number } | undefined): T[] {
  if (!shard) return [...scenarios];
  return scenarios.filter((_, i) => i % shard.count === shard.index - 1);
}

export interface MatrixEntry {
  /** The scenario id when the job runs one scenario, else `shard-I-of-N`. */
  id: string;
  shard: string;
}

/** `strategy.matrix` JSON: one job per scenario, or `maxJobs` shards when there are more. */
export function toMatrix(scenarios: readonly Scenario[], maxJobs: number): { include: MatrixEntry[] } {
  const jobs = Math.max(1, Math.min(scenarios.length, maxJobs));
  const include: MatrixEntry[] = [];
  for (let i = 1; i <= jobs; i++) {
    const mine = shardScenarios(scenarios, { index: i, count: jobs });
    include.push({ id: mine.length === 1 ? mine[0]!.id : `shard-${i}-of-${jobs}`, shard: `${i}/${jobs}` });
  }
  return { include };
}
