import type { CampaignKind } from '../config/types.js';
import type { Verdict } from '../core/verdict.js';
import type { ScenarioResult } from './model.js';
import { isRegression, type PointStats } from './stats.js';
import { TRIAL_CLASSES } from './snapshot/classify.js';

export interface CampaignVerdict {
  verdict: Extract<Verdict, 'pass' | 'fail' | 'infra-error'>;
  reason: string;
}

const list = (ids: string[]): string => (ids.length <= 5 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`);

/**
 * A campaign passes when every scenario passed; a chaos campaign compared with history
 * fails only on points that got worse or newly fail (failures are what chaos measures).
 * A scenario that could not run at all makes the campaign an infrastructure error.
 */
export function campaignVerdict(kind: CampaignKind, results: readonly ScenarioResult[], stats: readonly PointStats[], withHistory: boolean): CampaignVerdict {
  const trials = results.filter((r) => r.recheckOf === undefined);
  if (trials.length === 0) return { verdict: 'pass', reason: 'no scenarios to run' };
  const broken = trials.filter((r) => r.verdict === 'infra-error');
  if (broken.length)
    return { verdict: 'infra-error', reason: `${broken.length} of ${trials.length} scenarios could not run: ${list(broken.map((r) => r.id))}` };
  if (kind === 'snapshot' && !withHistory) {
    // Flips are meant to break things: the study passes when every trial was classified.
    const counts = TRIAL_CLASSES.map((c) => [c, trials.filter((r) => r.class === c).length] as const).filter(([, n]) => n > 0);
    return { verdict: 'pass', reason: `all ${trials.length} trials classified: ${counts.map(([c, n]) => `${n} ${c}`).join(', ')}` };
  }
  if ((kind === 'chaos' || kind === 'snapshot') && withHistory) {
    const worse = stats.filter(isRegression);
    if (worse.length)
      return { verdict: 'fail', reason: `${worse.length} point(s) got worse or newly fail: ${list(worse.map((s) => `${s.point} ${s.action} (${s.trend})`))}` };
    return {
      verdict: 'pass',
      reason: `no point got worse than in the previous campaign (${trials.filter((r) => r.verdict !== 'pass').length} of ${trials.length} trials failed)`,
    };
  }
  const failing = trials.filter((r) => r.verdict !== 'pass');
  if (failing.length) return { verdict: 'fail', reason: `${failing.length} of ${trials.length} scenarios failed: ${list(failing.map((r) => r.id))}` };
  return { verdict: 'pass', reason: `all ${trials.length} scenarios passed` };
}
