/**
 * Snapshot campaigns (boot once, inject many): boot the guest to `snapshot-at` and save its
 * state into a qcow2 file; run two golden trials from that state (the output and instruction
 * count every trial is compared with); then each trial starts a fresh paused QEMU, loads the
 * state, flips one bit (qfi's plugin, at an exact instruction) and runs the test to its end or
 * the trial timeout. A fresh QEMU per trial costs no more than reusing one (measured, see
 * measurements.md) and keeps trials independent: the plugin's counters start at 0, guest
 * time does not drift across loads, and a trial that kills QEMU cannot take the next one along.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import type { Host } from '../../core/host.js';
import { observeRun } from '../../observe/observe-run.js';
import type { Plan } from '../../plan/types.js';
import type { Provisioned } from '../../provision/types.js';
import type { ResolvedConfig } from '../../config/types.js';
import { sourceOf } from '../../config/settings.js';
import type { TestRun } from '../../observe/types.js';
import { makePlan, memoryBytes } from '../../plan/make-plan.js';
import { describeSnapshotPoint, printSnapshotPoint, type SnapshotPoint } from '../../config/snapshot-point.js';
import { createQcow2 } from '../../provision/disks.js';
import { provision } from '../../provision/provision.js';
import { writeReports } from '../../report/write-reports.js';
import { compilePluginRules, parseRule, printRule, q35RamRanges } from '../../rules/index.js';
import { runQemu, type SnapshotRun } from '../../run/run-qemu.js';
import { summarizeConsole } from '../../observe/summarize.js';
import type { Injection } from '../../observe/injections.js';
import type { CampaignPlan, Scenario, ScenarioResult } from '../model.js';
import { classifyTrial, testOutput } from './classify.js';
import { resolveRegions, type ResolvedRegion } from './regions.js';
import { trialRule } from './trials.js';
import { makePrivateDir } from '../../run/stale-runs.js';

/** What a snapshot campaign measured besides its trials, for campaign.json and the summary. */
export interface SnapshotFacts {
  /** Boot to the saved state, and the save itself. */
  bootMs: number;
  saveMs: number;
  at: string;
  golden: { instructions: number; testMs: number; outputLines: number };
  trialTimeoutMs: number;
  regions: Array<{ name: string; ranges?: string; registers?: readonly string[] }>;
  /** Trials run in this job per minute of wall time (QEMU start, load, test, reports). */
  trialsPerMinute: number;
}

export interface SnapshotCampaignResult {
  results: ScenarioResult[];
  /** The boot and golden runs, reported like a campaign's probe run. */
  probe: NonNullable<CampaignPlan['probe']>;
  facts: SnapshotFacts | undefined;
}

const GOLDEN_RUNS = 2;
const MIN_TRIAL_TIMEOUT_MS = 3_000;
/** A trial may run this many times longer than the slower golden run before it is a hang. */
const TRIAL_TIMEOUT_FACTOR = 5;

/**
 * Disks a trial writes must come back with the state: each writable disk gets a qcow2 overlay
 * in the private folder (the user's image is never written, whatever its format), and the
 * overlays are saved and loaded with the VM state.
 */
async function overlayDisks(
  plan: Plan,
  provisioned: Provisioned,
  dir: string,
  signal?: AbortSignal,
): Promise<{ provisioned: Provisioned; plan: Plan; devices: string[] }> {
  const disks = [...provisioned.disks];
  const planned = [...plan.host.disks];
  const devices: string[] = [];
  for (const [i, disk] of plan.host.disks.entries()) {
    if (disk.readOnly) continue;
    const overlay = join(dir, `snapshot-${disk.id}.qcow2`);
    await createQcow2(
      provisioned.qemuBinary,
      ['-b', disks[i]!.image, '-F', disk.format, overlay],
      `a qcow2 overlay for disk ${disk.id} (snapshot trials restore disks through it)`,
      signal,
    );
    disks[i] = { ...disks[i]!, image: overlay };
    planned[i] = { ...disk, format: 'qcow2' };
    devices.push(disk.formatNode);
  }
  return { provisioned: { ...provisioned, disks }, plan: { ...plan, host: { ...plan.host, disks: planned } }, devices };
}

/** A trial's plan: the boot's plan (same fw_cfg, command line, token) started paused, with the trial's own rule. */
function trialPlan(base: Plan, id: string, seed: number, rule: string | undefined, ram: Array<[bigint, bigint]>, testMs: number): Plan {
  const parsed = rule === undefined ? [] : [parseRule(rule)];
  return {
    ...base,
    scenario: id,
    seed,
    pluginRules: compilePluginRules(parsed, ram),
    canonicalRules: [...base.canonicalRules, ...parsed.map(printRule)],
    host: { ...base.host, startPaused: true },
    timeouts: { ...base.timeouts, testMs, overallMs: testMs + 30_000 },
  };
}

interface TrialRun {
  run: TestRun;
  output: string;
}

/** One campaign job's machine: the plan with overlay disks, what was provisioned, and how a run goes. */
interface Bench {
  plan: Plan;
  ram: Array<[bigint, bigint]>;
  runIn: (plan: Plan, dir: string, kind: SnapshotRun['kind']) => Promise<TrialRun>;
}

/** A campaign that stops before its trials: why, as the campaign's probe. */
type Stopped = { stopped: NonNullable<SnapshotCampaignResult['probe']> };

export async function runSnapshotCampaign(
  config: ResolvedConfig,
  scenarios: readonly Scenario[],
  host: Host,
  signal: AbortSignal | undefined,
): Promise<SnapshotCampaignResult> {
  const privateDir = makePrivateDir();
  try {
    const bench = await prepareBench(config, host, privateDir, signal);
    const point = config.campaign.snapshotAt;
    const boot = await bootAndSave(config, bench, point, host);
    if ('stopped' in boot) return { results: [], probe: boot.stopped, facts: undefined };
    const golden = await goldenRuns(config, bench, host);
    if ('stopped' in golden) return { results: [], probe: golden.stopped, facts: undefined };
    const regions = resolveRegions(config.campaign.regions, { arch: config.machine.arch, ram: bench.ram, reported: boot.events });
    const started = Date.now();
    const results = await runTrials(config, scenarios, regions, { ...bench, ...golden, dir: config.report.dir, host }, signal);
    const facts: SnapshotFacts = {
      bootMs: boot.saved.savedAtMs ?? 0,
      saveMs: boot.saved.saveMs,
      at: printSnapshotPoint(config.campaign.snapshotAt),
      golden: { instructions: golden.instructions, testMs: golden.testMs, outputLines: golden.golden === '' ? 0 : golden.golden.split('\n').length },
      trialTimeoutMs: golden.trialTimeoutMs,
      regions: regions.map((r) => (r.kind === 'ram' ? { name: r.name, ranges: r.ranges } : { name: r.name, registers: r.registers })),
      trialsPerMinute: trialsPerMinute(results.length, Date.now() - started),
    };
    return {
      results,
      probe: {
        verdict: 'pass',
        reason: `state saved at ${describeSnapshotPoint(point)}; ${GOLDEN_RUNS} golden runs agree (${golden.instructions} instructions)`,
        dir: 'golden',
      },
      facts,
    };
  } finally {
    rmSync(privateDir, { recursive: true, force: true });
  }
}

function trialsPerMinute(trials: number, wallMs: number): number {
  return trials && wallMs > 0 ? (trials * 60_000) / wallMs : 0;
}

/** Provision once, put overlays over the disks, and make the state file every run shares. */
async function prepareBench(config: ResolvedConfig, host: Host, privateDir: string, signal: AbortSignal | undefined): Promise<Bench> {
  const at = config.campaign.snapshotAt;
  const planned = makePlan(config, undefined, { snapshot: { at } });
  const provisionedFirst = await host.log.group('Provision', () => provision(planned, host, privateDir, signal));
  const { plan, provisioned, devices } = await overlayDisks(planned, provisionedFirst, privateDir, signal);
  const stateFile = join(privateDir, 'state.qcow2');
  // Grows to hold the saved RAM (about 63 MiB for the built-in guest's 256M).
  await createQcow2(provisioned.qemuBinary, [stateFile, '1M'], 'the snapshot state file', signal);
  const runIn = async (runPlan: Plan, dir: string, kind: SnapshotRun['kind']): Promise<TrialRun> => {
    mkdirSync(dir, { recursive: true });
    const snapshot: SnapshotRun = { kind, stateFile, devices, at };
    const record = await runQemu(runPlan, provisioned, { resultsDir: dir, privateDir, log: host.log, snapshot, ...(signal ? { signal } : {}) });
    const run = observeRun({ plan: runPlan, provisioned, record, summary: await summarizeConsole(record) }, host.log);
    return { run, output: testOutput(readFileSync(record.files.console, 'utf8')) };
  };
  return { plan, ram: q35RamRanges(memoryBytes(config.machine.memory)), runIn };
}

/** Boot once, to where the state is saved. */
async function bootAndSave(
  config: ResolvedConfig,
  bench: Bench,
  point: SnapshotPoint,
  host: Host,
): Promise<Stopped | { saved: { savedAtMs?: number; saveMs: number }; events: TestRun['record']['events'] }> {
  const boot = await host.log.group(`Boot to ${describeSnapshotPoint(point)} and save the state`, () =>
    bench.runIn(bench.plan, join(config.report.dir, 'boot'), 'save'),
  );
  const saved = boot.run.record.snapshot;
  if (saved?.saveMs === undefined) {
    const hint =
      point.kind === 'marker'
        ? ` (does the test call \`qfi-marker ${point.name}\`?)`
        : point.kind === 'time'
          ? ' (the test ended before: choose an earlier time)'
          : '';
    const reason = boot.run.record.infraError ?? `the guest never reached ${describeSnapshotPoint(point)}${hint}: ${boot.run.verdict} — ${boot.run.reason}`;
    // A test that ends without reaching the marker is the config's problem, not the machine's.
    return { stopped: { verdict: boot.run.verdict === 'pass' ? 'fail' : boot.run.verdict, reason: `no state saved: ${reason}`, dir: 'boot' } };
  }
  host.log.info(`state saved after ${((saved.savedAtMs ?? 0) / 1000).toFixed(2)} s of boot, in ${saved.saveMs} ms`);
  return { saved: { ...saved, saveMs: saved.saveMs }, events: boot.run.record.events };
}

interface Golden {
  /** What a trial without a flip prints. */
  golden: string;
  instructions: number;
  testMs: number;
  trialTimeoutMs: number;
}

/** Golden runs: what a trial without a flip prints, and how many instructions it takes. */
async function goldenRuns(config: ResolvedConfig, bench: Bench, host: Host): Promise<Stopped | Golden> {
  const golden: TrialRun[] = [];
  for (let i = 1; i <= GOLDEN_RUNS; i++) {
    const dir = join(config.report.dir, 'golden', String(i));
    const g = await bench.runIn(
      trialPlan(bench.plan, `${config.name}-golden-${i}`, config.faults.seed, undefined, bench.ram, config.test.testTimeoutMs),
      dir,
      'resume',
    );
    golden.push(g);
    writeReports(g.run, dir, { part: true });
    if (g.run.verdict !== 'pass' || g.run.record.testEndIcount === undefined) {
      const why = g.run.verdict !== 'pass' ? `${g.run.verdict} — ${g.run.reason}` : "qfi's plugin did not report an instruction count";
      return {
        stopped: {
          verdict: g.run.verdict === 'pass' ? 'infra-error' : g.run.verdict,
          reason: `golden run ${i} (no flip) did not pass: ${why}`,
          dir: `golden/${i}`,
        },
      };
    }
  }
  const [g1, g2] = golden as [TrialRun, TrialRun];
  if (g1.output !== g2.output) {
    return {
      stopped: {
        verdict: 'fail',
        reason:
          'the two golden runs (no flip) printed different output, so silent data corruption cannot be told from noise: make the test print only what it computes (no times, PIDs or random data), or use `icount: true`',
        dir: 'golden',
      },
    };
  }
  const instructions = Math.min(g1.run.record.testEndIcount!, g2.run.record.testEndIcount!);
  const testMs = Math.max(g1.run.record.testMs ?? 0, g2.run.record.testMs ?? 0);
  const trialTimeoutMs = config.campaign.trialTimeoutMs ?? Math.max(MIN_TRIAL_TIMEOUT_MS, TRIAL_TIMEOUT_FACTOR * testMs);
  host.log.info(
    `golden runs: ${g1.run.record.testEndIcount} and ${g2.run.record.testEndIcount} instructions, ${testMs} ms, ${g1.output.split('\n').length} output line(s); trial timeout ${(trialTimeoutMs / 1000).toFixed(1)} s`,
  );
  return { golden: g1.output, instructions, testMs, trialTimeoutMs };
}

async function runTrials(
  config: ResolvedConfig,
  scenarios: readonly Scenario[],
  regions: readonly ResolvedRegion[],
  ctx: Omit<TrialContext, 'label'>,
  signal: AbortSignal | undefined,
): Promise<ScenarioResult[]> {
  const byName = new Map(regions.map((r) => [r.name, r]));
  const results: ScenarioResult[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    if (signal?.aborted) break;
    const region = byName.get(scenario.point);
    if (!region)
      throw new ConfigError(`the plan's trial ${scenario.id} flips in region ${scenario.point}, which this campaign's regions do not have`, {
        location: sourceOf(config, 'regions'),
        hint: 'run the plan with the regions it was made with',
      });
    results.push(await runTrial(scenario, region, { ...ctx, label: `[${i + 1}/${scenarios.length}]` }));
  }
  return results;
}

interface TrialContext {
  plan: Plan;
  ram: Array<[bigint, bigint]>;
  instructions: number;
  trialTimeoutMs: number;
  golden: string;
  runIn: (plan: Plan, dir: string, kind: SnapshotRun['kind']) => Promise<TrialRun>;
  dir: string;
  host: Host;
  label: string;
}

async function runTrial(scenario: Scenario, region: ResolvedRegion, ctx: TrialContext): Promise<ScenarioResult> {
  const rule = trialRule(scenario.seed, region, ctx.instructions);
  const dir = join('scenarios', scenario.id);
  const { run, output } = await ctx.runIn(trialPlan(ctx.plan, scenario.id, scenario.seed, rule, ctx.ram, ctx.trialTimeoutMs), join(ctx.dir, dir), 'resume');
  const outcome = classifyTrial({ verdict: run.verdict, reason: run.reason, events: run.record.events, output }, ctx.golden);
  const reported: TestRun = outcome ? { ...run, verdict: outcome.verdict, reason: `${outcome.class}: ${outcome.reason}` } : run;
  writeReports(reported, join(ctx.dir, dir), { part: true });
  const injection = run.injections?.first[0];
  const result: ScenarioResult = {
    ...scenario,
    rules: [rule],
    verdict: reported.verdict,
    reason: reported.reason,
    wallMs: run.record.wallMs,
    dir,
    reproducer: '',
    injections: run.injections?.total,
    ...(outcome ? { class: outcome.class } : {}),
    ...(injection && 'icount' in injection ? { injection: describeInjection(injection) } : {}),
  };
  const line = `${ctx.label} ${scenario.id}: ${outcome ? `${outcome.class} — ${outcome.reason}` : `not classified — ${run.reason}`} (${(run.record.wallMs / 1000).toFixed(2)} s${result.injection ? `; ${result.injection}` : ', nothing flipped'})`;
  if (outcome) ctx.host.log.info(line);
  else ctx.host.log.warn(line);
  return result;
}

function describeInjection(i: Injection): string {
  const where = i.kind === 'reg' ? `register ${i.reg}` : `RAM ${i.addr}`;
  const change = i.error ? `failed: ${i.error}` : `${i.before} -> ${i.after}`;
  return `${where} ${change} at instruction ${i.icount} (pc ${i.pc})`;
}
