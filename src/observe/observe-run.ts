/** The observe stage of one run: what QEMU's run left -> verdict, reason, injections, rule use, KTAP. */
import { join } from 'node:path';
import type { Logger } from '../core/host.js';
import { hostInjections, writeHostInjections } from './host-injections.js';
import { guestPoints } from './guest-points.js';
import { summarizeInjections } from './injections.js';
import { ruleUse, unusedRuleWarning } from './rule-use.js';
import { decideVerdict, requireFired } from './verdict.js';
import { applyConsoleFindings, worsenVerdict } from './findings-verdict.js';
import { readKtapFile } from './ktap-console.js';
import { mergeKtapReports } from './ktap.js';
import { readGuestResults } from './guest-results.js';
import type { TestRun } from './types.js';
import { RESULTS_FILES } from '../core/results-layout.js';

/** What QEMU's run left (record, console summary, injection log) -> the run's verdict and injections. */
export function observeRun(ran: Pick<TestRun, 'plan' | 'provisioned' | 'record' | 'summary'>, log: Logger): TestRun {
  const { plan, record } = ran;
  const injectionsFile = join(record.files.dir, RESULTS_FILES.injections);
  const hostEntries = record.hostFaults ? hostInjections(plan, record.hostFaults, Date.parse(record.startedAt)) : [];
  const injections = summarizeInjections(injectionsFile, plan.pluginRules, plan.host.hostRules, hostEntries);
  if (plan.host.hostRules.length > 0) writeHostInjections(injectionsFile, hostEntries);
  const points = guestPoints(record.events);
  const uses = ruleUse(plan.canonicalRules, injections, points);
  for (const u of uses.filter((x) => !x.consulted)) log.warn(unusedRuleWarning(u, plan.requireFired));
  // KTAP on the console (KUnit, kselftest...) and in the command's results file: a guest without
  // an agent may pass on it; it and kernel reports can make any verdict worse.
  const results = readGuestResults(plan, record);
  const ktap = mergeKtapReports([readKtapFile(record.files.console), results?.ktap]);
  const decided = requireFired(decideVerdict(record, plan.timeouts, { agent: plan.agent, sources: plan.verdictSources, ktap }), uses, plan.requireFired);
  const found = applyConsoleFindings(decided, record, ktap);
  const { verdict, reason } = results?.problem ? worsenVerdict(found, 'fail', results.problem) : found;
  return { ...ran, scenario: plan.scenario, verdict, reason, injections, points, ruleUse: uses, ...(ktap ? { ktap } : {}) };
}
