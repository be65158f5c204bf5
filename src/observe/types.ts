/** The observe stage's output: the run judged (TestRun: verdict, reason, injections, rule use, KTAP). */
import type { Verdict } from '../core/verdict.js';
import type { Plan } from '../plan/types.js';
import type { Provisioned } from '../provision/types.js';
import type { RunRecord } from '../run/types.js';
import type { InjectionSummary } from './injections.js';
import type { RuleUse } from './rule-use.js';
import type { GuestPoint } from './guest-points.js';
import type { KtapReport } from './ktap.js';
import type { ProblemBlock, ProblemSummary } from './problems.js';

export interface LogSummary {
  /** The worst problem blocks (panic, oops, BUG, KASAN... with their call traces), worst first, folded. */
  highlights: string[];
  /** The last console lines before the end. */
  tail: string[];
  /** Every kind of problem seen, worst first, with counts and where it first appeared. */
  problems: ProblemSummary[];
  /** The blocks behind `highlights`, worst first, with their kind and console line. */
  blocks: ProblemBlock[];
}

export interface TestRun {
  scenario: string;
  /** Fault points the guest's runtime reported (QFI-POINT lines), with their call counts. */
  points: GuestPoint[];
  /** What qfi's plugin injected (undefined when it was not loaded). */
  injections: InjectionSummary | undefined;
  /** What each rule did, in canonicalRules order: fired, calls, or never consulted. */
  ruleUse: RuleUse[];
  verdict: Verdict;
  /** One sentence: why this verdict (`command exited with 3`, `no agent marker within 60 s`). */
  reason: string;
  summary: LogSummary;
  /** KTAP/TAP results found on the console (KUnit, kselftest...); undefined when there were none. */
  ktap?: KtapReport;
  record: RunRecord;
  plan: Plan;
  provisioned: Provisioned;
}
