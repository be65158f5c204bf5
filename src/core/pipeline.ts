import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type RawInputs } from '../config/index.js';
import { hostInjections, writeHostInjections } from '../observe/host-injections.js';
import { guestPoints } from '../observe/guest-points.js';
import { summarizeInjections } from '../observe/injections.js';
import { ruleUse, unusedRuleWarning } from '../observe/rule-use.js';
import { decideVerdict, requireFired } from '../observe/verdict.js';
import { applyConsoleFindings, worsenVerdict } from '../observe/findings-verdict.js';
import { readKtapFile } from '../observe/ktap-console.js';
import { mergeKtapReports } from '../observe/ktap.js';
import { GUEST_RESULTS_FILE, readGuestResults } from '../observe/guest-results.js';
import { makePlan } from '../plan/make-plan.js';
import { provision } from '../provision/provision.js';
import { writeReproducer } from '../report/reproducer.js';
import { REPRODUCE_FILES, writeReproduceRecord } from '../report/reproduce-record.js';
import { JUNIT_FILE, PART_JUNIT_FILE, writeReports, type ReportFiles } from '../report/write-reports.js';
import { runQemu } from '../run/run-qemu.js';
import { summarizeConsole } from '../observe/summarize.js';
import { GUEST_AGENT_FILES } from '../run/guest-agent-session.js';
import type { Host, Logger } from './host.js';
import type { ResolvedConfig } from '../config/types.js';
import type { TestRun } from '../observe/types.js';

export interface PipelineOptions {
  inputs: RawInputs;
  cwd: string;
  /** Aborted when the runner is interrupted: QEMU is stopped and the partial run reported. */
  signal?: AbortSignal;
  /** Echo guest console lines through the logger as they arrive. */
  echoConsole?: boolean;
  /** Called once the config is resolved, before anything runs (the action saves state for its post step). */
  onConfig?: (config: ResolvedConfig) => void;
  /** Count each disk's requests during the test (a campaign's probe run). */
  countBlockRequests?: boolean;
  /** One run of a campaign: its JUnit is a part (PART_JUNIT_FILE), never counted beside the campaign's. */
  partOfCampaign?: boolean;
  /**
   * Folder the config file's relative paths resolve from instead of its own (`qfi reproduce`:
   * the run's copy of it, read as if it were where it was in the project).
   */
  configBaseDir?: string;
}

/** What QEMU's run left (record, console summary, injection log) -> the run's verdict and injections. */
export function observeRun(ran: Pick<TestRun, 'plan' | 'provisioned' | 'record' | 'summary'>, log: Logger): TestRun {
  const { plan, record } = ran;
  const injectionsFile = join(record.files.dir, 'injections.jsonl');
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

export interface PipelineResult {
  config: ResolvedConfig;
  run: TestRun;
  reports: ReportFiles;
}

/** Files a previous run left in the results folder; removed so stale results never mix in. */
const resultFiles = [JUNIT_FILE, PART_JUNIT_FILE, 'summary.json', 'summary.md', 'console.log', 'qemu-stderr.log', 'qmp.log', 'registers.txt', 'reproducer.sh', 'injections.jsonl', 'qemu-build.log', 'block-trace.log', 'blkdebug', GUEST_RESULTS_FILE, ...Object.values(GUEST_AGENT_FILES), ...Object.values(REPRODUCE_FILES)];

/**
 * inputs -> config -> plan -> provision -> run -> observe -> report. Bad input and broken
 * infrastructure before QEMU starts throw (QfiError); everything from QEMU's start on is
 * recorded as a verdict.
 */
export async function runPipeline(options: PipelineOptions, host: Host): Promise<PipelineResult> {
  const { config, warnings } = await resolveConfig({ inputs: options.inputs, cwd: options.cwd, configBaseDir: options.configBaseDir });
  for (const warning of warnings) host.log.warn(warning);
  options.onConfig?.(config);
  const plan = makePlan(config, undefined, { countBlockRequests: options.countBlockRequests === true });
  host.log.info(`scenario ${plan.scenario}: ${plan.canonicalRules.length} rule(s) [${plan.canonicalRules.join(' ')}], seed ${plan.seed}`);

  mkdirSync(config.report.dir, { recursive: true });
  for (const name of resultFiles) rmSync(join(config.report.dir, name), { force: true, recursive: true });
  writeReproducer(plan, config.report.dir);
  writeReproduceRecord(config, { inputs: options.inputs, cwd: options.cwd, configBaseDir: options.configBaseDir }, config.report.dir);

  // Private 0700 folder: the QMP socket and fw_cfg files are nobody else's business.
  const privateDir = mkdtempSync(join(tmpdir(), 'qfi-'));
  try {
    const provisioned = await host.log.group('Provision', () => provision(config, plan, host, privateDir, options.signal));
    // Again, now that the guest is known: it names the guest the replay will boot.
    if (provisioned.guest) writeReproducer(plan, config.report.dir, provisioned.guest);
    const record = await host.log.group(`Run ${plan.scenario} (${provisioned.accel})`, () =>
      runQemu(plan, provisioned, {
        resultsDir: config.report.dir,
        privateDir,
        log: host.log,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.echoConsole ? { onConsoleLine: (line: string) => host.log.info(`│ ${line}`) } : {}),
      }),
    );
    const run = observeRun({ plan, provisioned, record, summary: await summarizeConsole(record) }, host.log);
    const reports = writeReports(run, config.report.dir, { part: options.partOfCampaign === true });
    return { config, run, reports };
  } finally {
    rmSync(privateDir, { recursive: true, force: true });
  }
}
