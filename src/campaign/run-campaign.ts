/**
 * Campaigns: plan (points -> scenarios, with a probe run when the guest must say which points
 * it has and how often it calls them), run (every scenario, one shard, or one id; chaos
 * rechecks), and report. Each scenario is an ordinary qfi run in its own results folder.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolveInputs, type InputsRequest } from '../config/index.js';
import { UsageError } from '../core/errors.js';
import type { Host } from '../core/host.js';
import { runPipeline } from '../modes/run-pipeline.js';
import type { ResolvedConfig } from '../config/types.js';
import type { DiskRequests } from '../run/host-faults.js';
import { closestMatch } from '../config/closest-match.js';
import { parseRule } from '../rules/index.js';
import { CAMPAIGN_SCHEMA_VERSION, type CampaignPlan, type PlannedPoint, type Scenario, type ScenarioResult } from './model.js';
import { PLAN_FILE, readPlanFile, writePlanFile } from './plan-file.js';
import { planScenarios, shardScenarios, toMatrix } from './plan-scenarios.js';
import { readCampaignReport, writeCampaignReports, type CampaignFiles, type CampaignReport } from './report.js';
import { scenarioInputs } from './scenario-inputs.js';
import { keptReproducerArgs, reproducerLine } from '../config/reproducer-args.js';
import { compareWithHistory, pointStats, type PointStats } from './stats.js';
import { campaignVerdict } from './verdict.js';
import { runSnapshotCampaign } from './snapshot/run-snapshot.js';
import { planSnapshotTrials } from './snapshot/trials.js';
import { shellCommand } from '../core/shell-quote.js';
import { JUNIT_FILE, PART_JUNIT_FILE } from '../report/write-reports.js';
import { REPORT_FILES } from '../core/results-layout.js';
import { claimResultsFolder, type ResultsFolder } from '../report/results-folder.js';
import { sourceOf } from '../config/settings.js';
import { writeResultFile } from '../core/log-file.js';

export interface CampaignOptions extends InputsRequest {
  signal?: AbortSignal;
}

/** Files of a campaign results folder, removed before a new campaign writes there. */
const CAMPAIGN_FILES = [
  REPORT_FILES.campaign,
  JUNIT_FILE,
  PART_JUNIT_FILE,
  REPORT_FILES.summaryMarkdown,
  PLAN_FILE,
  REPORT_FILES.matrix,
  'scenarios',
  'probe',
  'boot',
  'golden',
];

/** Runs the scenario without faults: the guest reports its points and how often it called them. */
async function probe(
  options: CampaignOptions,
  config: ResolvedConfig,
  host: Host,
): Promise<{ points: PlannedPoint[]; probe: NonNullable<CampaignPlan['probe']> }> {
  const dir = join(config.report.dir, 'probe');
  host.log.info(`probe run without faults: which points does the guest have, and how often does it call them?`);
  const { run } = await runPipeline(
    {
      inputs: scenarioInputs(options.inputs, { name: `${config.name}-probe`, resultsDir: dir, seed: config.faults.seed, rules: [], faultsEnabled: false }),
      cwd: options.cwd,
      countBlockRequests: true,
      partOfCampaign: true,
      ...(options.signal ? { signal: options.signal } : {}),
    },
    host,
  );
  const points: PlannedPoint[] = [
    ...run.points.map((p): PlannedPoint => ({ point: p.name, source: 'probe', calls: p.calls })),
    ...blockPoints(run.record.hostFaults?.testRequests ?? []),
  ];
  const calls = points.map((p) => `${p.point}${p.calls === undefined ? '' : ` ×${p.calls}`}`);
  host.log.info(`probe: ${run.verdict} — ${run.reason}; ${points.length} point(s)${calls.length ? `: ${calls.join(', ')}` : ''}`);
  return { points, probe: { verdict: run.verdict, reason: run.reason, dir: 'probe' } };
}

/** The disks' requests during the probe's test, as block points (those the test used). */
function blockPoints(requests: readonly DiskRequests[]): PlannedPoint[] {
  return requests.flatMap((r) =>
    (['read', 'write', 'flush'] as const)
      .filter((op) => r[op] > 0)
      .map((op): PlannedPoint => ({ point: `block.${op}[disk=${r.disk}]`, source: 'probe', calls: r[op] })),
  );
}

/** A given point's calls in the probe: by name, or for block points by disk (the only disk when none is named). */
function probedCalls(point: string, probed: readonly PlannedPoint[]): number | undefined {
  const rule = parseRule(`${point}=fail`);
  const exact = probed.find((q) => q.point === point || q.point === rule.point);
  if (exact) return exact.calls;
  if (rule.point.startsWith('block.') && rule.params?.disk === undefined) {
    const onDisks = probed.filter((q) => q.point.startsWith(`${rule.point}[disk=`));
    if (onDisks.length === 1) return onDisks[0]!.calls;
  }
  return undefined;
}

/** The config's points, with the probe's call counts when a probe ran (fail-nth needs them). */
async function choosePoints(
  options: CampaignOptions,
  config: ResolvedConfig,
  host: Host,
): Promise<{ points: PlannedPoint[]; probe: CampaignPlan['probe']; notes: string[] }> {
  const settings = config.campaign;
  const given: PlannedPoint[] = settings.points.map((p) => ({ point: p.point, source: 'config', calls: undefined }));
  if (given.length > 0 && settings.kind !== 'fail-nth') return { points: given, probe: undefined, notes: [] };
  const probed = await probe(options, config, host);
  const notes: string[] = [];
  if (probed.probe.verdict !== 'pass') return { points: [], probe: probed.probe, notes };
  if (given.length === 0) {
    if (probed.points.length === 0)
      notes.push(
        'the guest reported no fault points in the probe run: give `points`, or have the test register them (`qfi-fault --register NAME`, or print `QFI-POINT:NAME`)',
      );
    return { points: probed.points, probe: probed.probe, notes };
  }
  // fail-nth over given points: their counts come from the probe.
  const points = given.map((p) => ({ ...p, calls: probedCalls(p.point, probed.points) }));
  return { points, probe: probed.probe, notes };
}

/** `qfi plan`: the scenarios, written to plan.json, and the matrix for a workflow. */
export async function planCampaign(
  options: CampaignOptions,
  host: Host,
): Promise<{ config: ResolvedConfig; plan: CampaignPlan; matrix: ReturnType<typeof toMatrix>; planFile: string }> {
  const config = await resolveInputs(options, host.log, { purpose: 'campaign' });
  const { plan, folder } = await claimAndPlan(options, config, host);
  try {
    const matrix = toMatrix(plan.scenarios, matrixJobs(plan, config.campaign.maxJobs));
    const planFile = writePlanFile(config.report.dir, plan);
    writeResultFile(join(config.report.dir, REPORT_FILES.matrix), `${JSON.stringify(matrix)}\n`);
    host.log.info(`plan: ${plan.scenarios.length} scenario(s) in ${matrix.include.length} job(s), seed ${plan.seed}; ${planFile}`);
    for (const note of plan.notes) host.log.info(`note: ${note}`);
    return { config, plan, matrix, planFile };
  } finally {
    folder.release();
  }
}

/**
 * Snapshot trials share a job's boot and golden runs (about 2.5 s on the built-in guest, some
 * ten trials' worth), so a matrix job takes at least this many of them.
 */
const SNAPSHOT_TRIALS_PER_JOB = 25;

function matrixJobs(plan: CampaignPlan, maxJobs: number): number {
  if (plan.kind !== 'snapshot') return maxJobs;
  return Math.max(1, Math.min(maxJobs, Math.ceil(plan.scenarios.length / SNAPSHOT_TRIALS_PER_JOB)));
}

/** Reads plan-file, or plans (probing when needed); either way the results folder is cleared first. */
/** Claims the results folder (clearing an earlier campaign's files) and reads plan-file or plans. */
async function claimAndPlan(options: CampaignOptions, config: ResolvedConfig, host: Host): Promise<{ plan: CampaignPlan; folder: ResultsFolder }> {
  // Read before clearing: the plan may sit in the results folder of an earlier `qfi plan`.
  const fromFile = config.campaign.planFile ? readPlanFile(config.campaign.planFile) : undefined;
  const folder = claimResultsFolder(config.report.dir, CAMPAIGN_FILES, { mode: 'campaign', location: sourceOf(config, 'results-dir') });
  try {
    return { plan: fromFile ?? (await makeCampaignPlan(options, config, host)), folder };
  } catch (err) {
    folder.release();
    throw err;
  }
}

async function makeCampaignPlan(options: CampaignOptions, config: ResolvedConfig, host: Host): Promise<CampaignPlan> {
  if (config.campaign.kind === 'snapshot') {
    // Regions are the points; where exactly each trial flips is decided once the golden runs counted.
    return {
      schema: CAMPAIGN_SCHEMA_VERSION,
      name: config.name,
      kind: 'snapshot',
      seed: config.faults.seed,
      points: config.campaign.regions.map((r): PlannedPoint => ({ point: r.name, source: 'config', calls: undefined })),
      scenarios: planSnapshotTrials(config.campaign, config.faults.seed),
      notes: [],
      probe: undefined,
    };
  }
  const { points, probe: probeRun, notes } = await choosePoints(options, config, host);
  const planned = planScenarios(config.campaign, points, config.faults.seed);
  return {
    schema: CAMPAIGN_SCHEMA_VERSION,
    name: config.name,
    kind: config.campaign.kind,
    seed: config.faults.seed,
    points,
    scenarios: planned.scenarios,
    notes: [...notes, ...planned.notes],
    probe: probeRun,
  };
}

/** The scenarios this job runs: one id, one shard, or all. */
function selectScenarios(plan: CampaignPlan, config: ResolvedConfig): { scenarios: Scenario[]; part: string } {
  const { scenario, shard } = config.campaign;
  if (scenario !== undefined) {
    const found = plan.scenarios.find((s) => s.id === scenario);
    if (!found) {
      const guess = closestMatch(
        scenario,
        plan.scenarios.map((s) => s.id),
      );
      throw new UsageError(`the plan has no scenario \`${scenario}\``, {
        hint: `${guess ? `did you mean \`${guess}\`? ` : ''}the plan has ${plan.scenarios.length} scenario(s)${
          plan.scenarios.length
            ? `, e.g. ${plan.scenarios
                .slice(0, 3)
                .map((s) => s.id)
                .join(', ')}`
            : ''
        }`,
      });
    }
    return { scenarios: [found], part: `scenario ${scenario}` };
  }
  if (shard) return { scenarios: shardScenarios(plan.scenarios, shard), part: `shard ${shard.index}/${shard.count}` };
  return { scenarios: plan.scenarios, part: 'all' };
}

/** `quiet`: the scenario's own log lines go to debug (all but the first scenario, see scenarioHost). */
async function runScenario(
  options: CampaignOptions,
  config: ResolvedConfig,
  host: Host,
  scenario: Scenario,
  label: string,
  quiet: boolean,
  extra: Partial<ScenarioResult> = {},
): Promise<ScenarioResult> {
  const id = extra.recheckOf ? `${scenario.id}-recheck` : scenario.id;
  const dir = join('scenarios', id);
  const inputs = scenarioInputs(options.inputs, { name: scenario.id, resultsDir: join(config.report.dir, dir), seed: scenario.seed, rules: scenario.rules });
  const { run, config: runConfig } = await runPipeline(
    { inputs, cwd: options.cwd, partOfCampaign: true, ...(options.signal ? { signal: options.signal } : {}) },
    scenarioHost(host, quiet),
  );
  const pointName = scenario.point.replace(/\[.*$/, '');
  const injections = run.injections?.total ?? run.points.find((p) => p.name === pointName)?.fails;
  const result: ScenarioResult = {
    ...scenario,
    id,
    verdict: run.verdict,
    reason: run.reason,
    wallMs: run.record.wallMs,
    dir,
    reproducer: reproducerLine(runConfig.reproducerArgs),
    injections,
    ...extra,
  };
  const line = `${label} ${id}: ${run.verdict} — ${run.reason} (${(run.record.wallMs / 1000).toFixed(1)} s${injections === undefined ? '' : `, ${injections} injection(s)`})`;
  if (run.verdict === 'pass') host.log.info(line);
  else host.log.warn(`${line}\n    reproduce: ${result.reproducer}`);
  return result;
}

/**
 * What a scenario's run logs: the first scenario shows provisioning (a QEMU build can take
 * minutes); later ones would repeat the same lines, so they go to debug. The campaign logs
 * one line per scenario itself.
 */
function scenarioHost(host: Host, quiet: boolean): Host {
  const log = host.log;
  return {
    ...host,
    log: {
      ...log,
      info: quiet ? (m: string) => log.debug(m) : log.info.bind(log),
      warn: quiet ? (m: string) => log.debug(m) : log.warn.bind(log),
      group: quiet ? (_title, fn) => fn() : log.group.bind(log),
    },
  };
}

export interface CampaignResult {
  config: ResolvedConfig;
  report: CampaignReport;
  files: CampaignFiles;
}

/** `qfi campaign`: plan (or read plan-file), run this job's scenarios, report. */
export async function runCampaign(options: CampaignOptions, host: Host): Promise<CampaignResult> {
  const config = await resolveInputs(options, host.log, { purpose: 'campaign' });
  const { plan, folder } = await claimAndPlan(options, config, host);
  try {
    return await runPlannedCampaign(options, config, plan, host);
  } finally {
    folder.release();
  }
}

async function runPlannedCampaign(options: CampaignOptions, config: ResolvedConfig, plan: CampaignPlan, host: Host): Promise<CampaignResult> {
  writePlanFile(config.report.dir, plan);
  const { scenarios, part } = selectScenarios(plan, config);
  host.log.info(`campaign ${plan.name} (${plan.kind}): ${scenarios.length} of ${plan.scenarios.length} scenario(s), ${part}, seed ${plan.seed}`);

  if (plan.kind === 'snapshot') {
    const snapshot = await runSnapshotCampaign(config, scenarios, host, options.signal);
    const reproducer = snapshotReproducer(config);
    const results = snapshot.results.map((r) => ({ ...r, reproducer: reproducer(r.id) }));
    const report = {
      ...finishReport(config, { ...plan, probe: snapshot.probe }, part, results, host),
      ...(snapshot.facts ? { snapshot: snapshot.facts } : {}),
    };
    return { config, report, files: writeCampaignReports(report, config.report.dir, { part: part !== 'all' }) };
  }

  const results: ScenarioResult[] = [];
  if (plan.probe?.verdict === 'pass' || plan.probe === undefined) {
    for (const [i, scenario] of scenarios.entries()) {
      if (options.signal?.aborted) break;
      results.push(await runScenario(options, config, host, scenario, `[${i + 1}/${scenarios.length}]`, i > 0));
    }
    if (plan.kind === 'chaos' && config.campaign.recheck > 0) await recheckFailures(options, config, host, results);
  }

  const report = finishReport(config, plan, part, results, host);
  const files = writeCampaignReports(report, config.report.dir, { part: part !== 'all' });
  return { config, report, files };
}

/** Runs failing trials again with their seed: an outcome that changes marks the point flaky. */
async function recheckFailures(options: CampaignOptions, config: ResolvedConfig, host: Host, results: ScenarioResult[]): Promise<void> {
  const perPoint = new Map<string, number>();
  const failing = results.filter((r) => r.verdict !== 'pass' && r.verdict !== 'infra-error');
  for (const [i, r] of failing.entries()) {
    const key = `${r.point} ${r.action}`;
    const done = perPoint.get(key) ?? 0;
    if (done >= config.campaign.recheck || options.signal?.aborted) continue;
    perPoint.set(key, done + 1);
    const { verdict: _v, reason: _r, wallMs: _w, dir: _d, reproducer: _p, injections: _i, ...scenario } = r;
    results.push(await runScenario(options, config, host, scenario, `[recheck ${i + 1}/${failing.length}]`, true, { recheckOf: r.id }));
  }
}

/** A snapshot trial is repeated by its campaign with the same seed and regions: a new boot, golden runs, and that one trial. */
function snapshotReproducer(config: ResolvedConfig): (id: string) => string {
  const args = keptReproducerArgs(config.reproducerArgs, ['--results-dir', '--shard', '--scenario', '--plan-file']);
  return (id) => shellCommand(['qfi', 'campaign', ...args, '--scenario', id]);
}

function historyStats(config: ResolvedConfig, host: Host): PointStats[] | undefined {
  const file = config.campaign.history;
  if (file === undefined) return undefined;
  if (!existsSync(file)) {
    host.log.warn(`history ${file} does not exist: nothing to compare with (the first campaign has no history)`);
    return undefined;
  }
  try {
    return readCampaignReport(file).stats;
  } catch (err) {
    host.log.warn(`history ${file} is unreadable, not compared: ${(err as Error).message}`);
    return undefined;
  }
}

/** Stats, history and verdict over a set of results (one job's, or merged). */
export function finishReport(
  config: ResolvedConfig,
  plan: Pick<CampaignPlan, 'name' | 'kind' | 'seed' | 'notes' | 'probe'>,
  part: string,
  results: ScenarioResult[],
  host: Host,
): CampaignReport {
  let stats = pointStats(results);
  const previous = historyStats(config, host);
  if (previous) stats = compareWithHistory(stats, previous);
  const verdict =
    plan.probe && plan.probe.verdict !== 'pass'
      ? {
          verdict: plan.probe.verdict === 'infra-error' ? ('infra-error' as const) : ('fail' as const),
          reason:
            plan.kind === 'snapshot'
              ? `no trial ran: ${plan.probe.reason}`
              : `the probe run without faults did not pass (${plan.probe.verdict}: ${plan.probe.reason}), so no scenario ran; make the test pass without faults first`,
        }
      : campaignVerdict(plan.kind, results, stats, previous !== undefined);
  return {
    schema: CAMPAIGN_SCHEMA_VERSION,
    name: plan.name,
    kind: plan.kind,
    seed: plan.seed,
    part,
    results,
    stats,
    notes: plan.notes,
    probe: plan.probe,
    history: previous ? relative(config.report.dir, config.campaign.history!) || config.campaign.history : undefined,
    ...verdict,
  };
}
