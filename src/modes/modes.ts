/**
 * The one table of modes: what each runs and how its result reads. Every mode resolves its
 * config through config/resolve-inputs.ts and returns a ModeResult; the action's `mode`
 * input, the CLI's commands and this table share ACTION_MODES (config/inputs.ts).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ACTION_MODES, type ActionMode } from '../config/inputs.js';
import type { InputsRequest } from '../config/resolve-inputs.js';
import { closestMatch } from '../config/closest-match.js';
import type { ResolvedConfig } from '../config/types.js';
import { ConfigError } from '../core/errors.js';
import { REPORT_FILES, RESULTS_FILES } from '../core/results-layout.js';
import type { Host } from '../core/host.js';
import type { TestRun } from '../observe/types.js';
import { mergeCampaigns } from '../campaign/merge.js';
import { planCampaign, runCampaign, type CampaignResult } from '../campaign/run-campaign.js';
import { runQtestPipeline } from '../qtest/qtest-pipeline.js';
import { reproduceRun } from '../reproduce/reproduce.js';
import type { ModeName, ModeResult } from './mode-result.js';
import { runPipeline } from './run-pipeline.js';
import { sweepStaleRuns } from '../run/stale-runs.js';

export interface ModeOptions extends InputsRequest {
  /** Aborted when the runner is interrupted: QEMU is stopped and the partial run reported. */
  signal?: AbortSignal;
  /** Echo guest console lines through the logger as they arrive. */
  echoConsole?: boolean;
  /** Mode reproduce: the results folder or zip to replay, and a campaign scenario's id in it. */
  replay?: { path: string; scenario: string | undefined };
}

interface ModeSpec {
  /** Whether the results folder is an artifact to upload (a plan's is uploaded by the workflow). */
  uploads: boolean;
  /** Part of the artifact name after the scenario's (`qtest`, `shard-2-of-5`); undefined: none. */
  artifactPart(config: ResolvedConfig): string | undefined;
  run(options: ModeOptions, host: Host): Promise<ModeResult>;
}

export const MODES: Readonly<Record<ModeName, ModeSpec>> = {
  run: { uploads: true, artifactPart: () => undefined, run: scenarioMode },
  reproduce: { uploads: false, artifactPart: () => undefined, run: reproduceMode },
  plan: { uploads: false, artifactPart: () => undefined, run: planMode },
  campaign: { uploads: true, artifactPart: (c) => campaignPart(c, 'campaign'), run: (o, h) => campaignMode('campaign', o, h) },
  merge: { uploads: true, artifactPart: (c) => campaignPart(c, 'merge'), run: (o, h) => campaignMode('merge', o, h) },
  qtest: { uploads: true, artifactPart: () => 'qtest', run: qtestMode },
};

/** Runs one mode: resolve, run, report; a QfiError before QEMU starts is thrown (usage, config, infra). */
export function runMode(mode: ModeName, options: ModeOptions, host: Host): Promise<ModeResult> {
  // What runs killed with SIGKILL left (their QEMUs, their private folders) goes first.
  sweepStaleRuns(host.log);
  return MODES[mode].run(options, host);
}

/** The action's `mode` input, checked (empty: run). */
export function actionMode(text: string | undefined): ActionMode {
  const value = (text ?? '').trim() || 'run';
  if ((ACTION_MODES as readonly string[]).includes(value)) return value as ActionMode;
  const near = closestMatch(value, ACTION_MODES);
  throw new ConfigError(`unknown mode ${JSON.stringify(value)}`, {
    location: { input: 'mode' },
    hint: `${near ? `did you mean \`${near}\`? ` : ''}mode is one of ${ACTION_MODES.join(', ')}`,
  });
}

function campaignPart(config: ResolvedConfig, mode: 'campaign' | 'merge'): string {
  const { shard, scenario } = config.campaign;
  return shard ? `shard-${shard.index}-of-${shard.count}` : (scenario ?? mode);
}

/** `results: qfi-results/ — junit.xml, console.log, …` with the folder relative to where qfi runs. */
function resultsLine(options: ModeOptions, dir: string, files: readonly string[]): string {
  return `results: ${relative(options.cwd, dir) || '.'}/ — ${files.join(', ')}`;
}

/** `qfi: fail — test command exited with 1 (boot 1.40 s, test 0.20 s, wall 1.70 s)` */
function verdictLine(prefix: string, run: TestRun): string {
  const r = run.record;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const times = [
    r.bootMs !== undefined ? `boot ${seconds(r.bootMs)}` : '',
    r.testMs !== undefined ? `test ${seconds(r.testMs)}` : '',
    `wall ${seconds(r.wallMs)}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${prefix}: ${run.verdict} — ${run.reason} (${times})`;
}

/** The fields every mode that ends with a verdict, JUnit and summary.md fills the same way. */
function verdictResult(
  mode: ModeName,
  config: ResolvedConfig,
  files: { junit: string; summary: string },
): Pick<ModeResult, 'mode' | 'config' | 'resultsDir' | 'failOnVerdict' | 'junit' | 'summaryFile' | 'summaryMarkdown' | 'problem'> {
  return {
    mode,
    config,
    resultsDir: config.report.dir,
    failOnVerdict: config.report.failOnVerdict,
    junit: files.junit,
    summaryFile: files.summary,
    summaryMarkdown: readFileSync(files.summary, 'utf8'),
    problem: undefined,
  };
}

async function scenarioMode(options: ModeOptions, host: Host): Promise<ModeResult> {
  const { config, run, reports } = await runPipeline(options, host);
  const lines = [
    verdictLine('qfi', run),
    resultsLine(options, config.report.dir, [
      relative(config.report.dir, reports.junit),
      RESULTS_FILES.console,
      REPORT_FILES.summaryMarkdown,
      REPORT_FILES.reproducer,
    ]),
  ];
  const at = run.plan.sources.command ?? run.plan.sources.main;
  return {
    ...verdictResult('run', config, { junit: reports.junit, summary: reports.summaryMarkdown }),
    title: run.scenario,
    verdict: run.verdict,
    reason: run.reason,
    lines,
    at,
    run,
  };
}

/**
 * The replay's verdict decides the exit code, as for `qfi run`: a failure that reproduces
 * exits 1, one that no longer happens exits 0 (what `git bisect run` wants). Whether the
 * verdict and the injections matched is printed and in comparison.json.
 */
async function reproduceMode(options: ModeOptions, host: Host): Promise<ModeResult> {
  if (!options.replay) throw new Error('mode reproduce needs the results to replay');
  const result = await reproduceRun(
    {
      ...options.replay,
      overrides: options.inputs,
      cwd: options.cwd,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.echoConsole ? { echoConsole: true } : {}),
    },
    host,
  );
  const { config, run, reports } = result.rerun;
  for (const warning of result.warnings) host.log.warn(warning);
  const dir = config.report.dir;
  const unpacked = result.original.unpacked ? [`${relative(dir, result.original.dir)}/ (the run, unpacked from the zip)`] : [];
  const lines = [
    verdictLine('qfi reproduce: replay', run),
    ...result.lines,
    resultsLine(options, dir, [relative(dir, result.comparisonFile), REPORT_FILES.junit, RESULTS_FILES.console, REPORT_FILES.summaryMarkdown, ...unpacked]),
  ];
  return {
    ...verdictResult('reproduce', config, { junit: reports.junit, summary: reports.summaryMarkdown }),
    title: `reproduce ${run.scenario}`,
    verdict: run.verdict,
    reason: run.reason,
    lines,
    at: run.plan.sources.command ?? run.plan.sources.main,
    run,
  };
}

/** `qfi plan`: the matrix JSON alone on stdout, for `echo "matrix=$(qfi plan)" >> "$GITHUB_OUTPUT"`. */
async function planMode(options: ModeOptions, host: Host): Promise<ModeResult> {
  const { config, plan, matrix, planFile } = await planCampaign(options, host);
  const probeFailed = plan.probe !== undefined && plan.probe.verdict !== 'pass';
  const jobs = `${plan.scenarios.length} scenario(s) in ${matrix.include.length} job(s)`;
  const markdown = [`## qfi plan ${plan.name}: ${jobs}`, '', `Kind \`${plan.kind}\`, seed ${plan.seed}.`, ...plan.notes.map((n) => `- ${n}`)];
  return {
    mode: 'plan',
    title: `plan ${plan.name}`,
    verdict: probeFailed ? plan.probe!.verdict : 'pass',
    reason: probeFailed ? plan.probe!.reason : `planned ${jobs}`,
    failOnVerdict: true,
    config,
    resultsDir: config.report.dir,
    junit: undefined,
    summaryFile: undefined,
    summaryMarkdown: `${markdown.join('\n')}\n`,
    lines: [JSON.stringify(matrix)],
    problem: probeFailed
      ? `the probe run without faults did not pass (${plan.probe!.verdict}: ${plan.probe!.reason}); make the test pass without faults first`
      : undefined,
    at: undefined,
    campaignPlan: { matrix: JSON.stringify(matrix), planFile, scenarios: plan.scenarios.length },
  };
}

async function qtestMode(options: ModeOptions, host: Host): Promise<ModeResult> {
  const { config, outcome, reports } = await runQtestPipeline(options, host);
  const lines = [
    `qfi qtest: ${outcome.verdict} — ${outcome.reason}`,
    resultsLine(options, config.report.dir, [relative(config.report.dir, reports.junit), REPORT_FILES.summaryMarkdown, 'qtest-*.log']),
  ];
  return {
    ...verdictResult('qtest', config, { junit: reports.junit, summary: reports.summaryMarkdown }),
    title: `qtest ${outcome.name}`,
    verdict: outcome.verdict,
    reason: outcome.reason,
    lines,
    at: undefined,
  };
}

async function campaignMode(mode: 'campaign' | 'merge', options: ModeOptions, host: Host): Promise<ModeResult> {
  const { config, report, files }: CampaignResult = mode === 'campaign' ? await runCampaign(options, host) : await mergeCampaigns(options, host);
  const lines = [
    `qfi ${mode}: ${report.verdict} — ${report.reason}`,
    resultsLine(options, config.report.dir, [relative(config.report.dir, files.junit), REPORT_FILES.campaign, REPORT_FILES.summaryMarkdown, 'scenarios/']),
  ];
  return {
    ...verdictResult(mode, config, { junit: files.junit, summary: files.markdown }),
    title: `${mode} ${report.name}`,
    verdict: report.verdict,
    reason: report.reason,
    lines,
    at: config.sources.main,
  };
}
