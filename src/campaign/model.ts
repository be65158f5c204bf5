/** What a campaign is made of: the plan (scenarios) and the results of running them. */
import type { CampaignKind } from '../config/types.js';
import type { Verdict } from '../core/verdict.js';
import type { TrialClass } from './snapshot/classify.js';

/** Bumped when a field of plan.json or campaign.json changes meaning. */
export const CAMPAIGN_SCHEMA_VERSION = 1;

export interface Scenario {
  /** Stable id: artifact names, JUnit suite names, result folders. */
  id: string;
  /** Canonical point with parameters (`storage.read`, `block.read[disk=data]`). */
  point: string;
  /** Canonical action (`fail`, `rate:100`); fail-nth: `nth:K`. */
  action: string;
  /** The rules this scenario adds to the config's own, canonical. */
  rules: string[];
  seed: number;
  /** Repeats: 1-based trial number (only when repeat > 1). */
  trial?: number;
  /** fail-nth: the 1-based call that is failed. */
  nth?: number;
}

export interface PlannedPoint {
  point: string;
  /** Where the point came from: the config, or the guest's report in the probe run. */
  source: 'config' | 'probe';
  /** Calls in the golden (probe) run; undefined when no probe ran or the guest only registered it. */
  calls: number | undefined;
}

export interface CampaignPlan {
  schema: number;
  /** The config's scenario name: the campaign's name. */
  name: string;
  kind: CampaignKind;
  /** Base seed: trial i of a repeated scenario runs with seed + i - 1. */
  seed: number;
  points: PlannedPoint[];
  scenarios: Scenario[];
  /** Things the plan left out or bounded, for the summary. */
  notes: string[];
  /** The probe (golden) run, when one was needed. */
  probe: { verdict: Verdict; reason: string; dir: string } | undefined;
}

export interface ScenarioResult extends Scenario {
  verdict: Verdict;
  reason: string;
  wallMs: number;
  /** Results folder, relative to the campaign results folder that lists it. */
  dir: string;
  /** One line that runs this scenario again with the CLI. */
  reproducer: string;
  /** Injections the host/plugin layers counted, or the guest's reported fails of the point. */
  injections: number | undefined;
  /** A re-run of a failing trial with the same seed (chaos `recheck`): the id of the trial it repeats. */
  recheckOf?: string;
  /** Snapshot trials: the outcome class (undefined: the trial could not run), and what was flipped. */
  class?: TrialClass;
  injection?: string;
}
