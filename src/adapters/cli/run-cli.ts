import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ExitCode, exitCodeForError, formatError } from '../../core/errors.js';
import { runPipeline, type PipelineOptions } from '../../core/pipeline.js';
import type { Host } from '../../core/host.js';
import { planCampaign, runCampaign, type CampaignOptions } from '../../campaign/run-campaign.js';
import { mergeCampaigns } from '../../campaign/merge.js';
import { runQtestPipeline, type QtestPipelineOptions } from '../../qtest/qtest-pipeline.js';
import { reproduceRun } from '../../reproduce/reproduce.js';
import { parseLogs } from '../../parse/parse-logs.js';
import type { TestRun } from '../../observe/types.js';
import type { Verdict } from '../../core/verdict.js';
import { helpText, parseCliArgs, type CliCommand } from './parse-args.js';
import { localHost } from './local-host.js';
import { printSummary } from './print-summary.js';

export function exitCodeForVerdict(verdict: Verdict, failOnVerdict: boolean): number {
  if (verdict === 'pass') return ExitCode.pass;
  if (verdict === 'infra-error') return ExitCode.infra;
  return failOnVerdict ? ExitCode.testFailed : ExitCode.pass;
}

const signalExit: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** The whole CLI: parse, run, print the verdict, return the exit code. Never prints a stack. */
export async function runCli(argv: string[], version: string): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (err) {
    process.stderr.write(`${formatError(err)}\n`);
    return exitCodeForError(err);
  }
  if (command.kind === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return ExitCode.pass;
  }
  if (command.kind === 'version') {
    process.stdout.write(`qfi ${version}\n`);
    return ExitCode.pass;
  }
  if (command.kind === 'parse') return parseOnly(command);

  // SIGINT/SIGTERM stop QEMU through the pipeline's abort path, then we exit; a second
  // signal exits at once (execa's cleanup still kills QEMU on the way out).
  const controller = new AbortController();
  let interruptedBy: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruptedBy) process.exit(signalExit[signal] ?? ExitCode.infra);
    interruptedBy = signal;
    process.stderr.write(`qfi: ${signal} received, stopping QEMU…\n`);
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const host = localHost();
  try {
    const options = { inputs: command.inputs, cwd: process.cwd(), signal: controller.signal };
    let finished: Finished;
    if (command.kind === 'run') finished = await runOne({ ...options, echoConsole: !command.quiet }, host);
    else if (command.kind === 'reproduce') finished = await reproduceOne(command, options, host);
    else if (command.kind === 'plan') finished = await planOnly(options, host);
    else if (command.kind === 'qtest') finished = await qtestOnly(options, host);
    else finished = await campaignOrMerge(command.kind, options, host);
    if (command.summarizeLog && finished.summary) printSummary(finished.summary, host.log);
    if (interruptedBy) return signalExit[interruptedBy] ?? ExitCode.infra;
    return finished.code;
  } catch (err) {
    process.stderr.write(`${formatError(err)}\n`);
    if (process.env.QFI_DEBUG === '1' && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return exitCodeForError(err);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `qfi parse`: no QEMU, no signals to relay; the same error handling. */
function parseOnly(command: Extract<CliCommand, { kind: 'parse' }>): number {
  try {
    const outcome = parseLogs({ ...command, cwd: process.cwd(), readStdin: () => readFileSync(0, 'utf8') });
    process.stdout.write(outcome.lines.map((l) => `${l}\n`).join(''));
    if (command.junit) process.stderr.write(`qfi parse: JUnit written to ${command.junit}\n`);
    return outcome.code;
  } catch (err) {
    process.stderr.write(`${formatError(err)}\n`);
    return exitCodeForError(err);
  }
}

/** A command's exit code, and the summary.md it wrote (for `--summarize-log`). */
interface Finished {
  code: number;
  summary?: string;
}

async function runOne(options: PipelineOptions, host: Host): Promise<Finished> {
  const { config, run, reports } = await runPipeline(options, host);
  const dir = relative(process.cwd(), config.report.dir) || '.';
  process.stdout.write(`${verdictLine('qfi', run)}\n`);
  process.stdout.write(`results: ${dir}/ — ${relative(config.report.dir, reports.junit)}, console.log, summary.md, reproducer.sh\n`);
  return { code: exitCodeForVerdict(run.verdict, config.report.failOnVerdict), summary: reports.summaryMarkdown };
}

/** `qfi: fail — test command exited with 1 (boot 1.40 s, test 0.20 s, wall 1.70 s)` */
function verdictLine(prefix: string, run: TestRun): string {
  const r = run.record;
  const times = [r.bootMs !== undefined ? `boot ${(r.bootMs / 1000).toFixed(2)} s` : '', r.testMs !== undefined ? `test ${(r.testMs / 1000).toFixed(2)} s` : '', `wall ${(r.wallMs / 1000).toFixed(2)} s`].filter(Boolean).join(', ');
  return `${prefix}: ${run.verdict} — ${run.reason} (${times})`;
}

/**
 * The replay's verdict decides the exit code, as for `qfi run`: a failure that reproduces
 * exits 1, one that no longer happens exits 0 (what `git bisect run` wants). Whether the
 * verdict and the injections matched is printed and in comparison.json.
 */
async function reproduceOne(command: Extract<CliCommand, { kind: 'reproduce' }>, options: { cwd: string; signal: AbortSignal }, host: Host): Promise<Finished> {
  const result = await reproduceRun({ path: command.path, scenario: command.scenario, overrides: command.inputs, cwd: options.cwd, signal: options.signal, echoConsole: !command.quiet }, host);
  const { config, run } = result.rerun;
  for (const warning of result.warnings) host.log.warn(warning);
  process.stdout.write(`${verdictLine('qfi reproduce: replay', run)}\n`);
  for (const line of result.lines) process.stdout.write(`${line}\n`);
  const dir = relative(process.cwd(), config.report.dir) || '.';
  process.stdout.write(`results: ${dir}/ — ${relative(config.report.dir, result.comparisonFile)}, junit.xml, console.log, summary.md${result.original.unpacked ? `, ${relative(config.report.dir, result.original.dir)}/ (the run, unpacked from the zip)` : ''}\n`);
  return { code: exitCodeForVerdict(run.verdict, config.report.failOnVerdict), summary: result.rerun.reports.summaryMarkdown };
}

/** `qfi plan`: the matrix JSON alone on stdout, for `echo "matrix=$(qfi plan)" >> "$GITHUB_OUTPUT"`. */
async function planOnly(options: CampaignOptions, host: Host): Promise<Finished> {
  const { plan, matrix } = await planCampaign(options, host);
  process.stdout.write(`${JSON.stringify(matrix)}\n`);
  if (plan.probe && plan.probe.verdict !== 'pass') {
    process.stderr.write(`qfi: the probe run without faults did not pass (${plan.probe.verdict}: ${plan.probe.reason}); make the test pass without faults first\n`);
    return { code: exitCodeForVerdict(plan.probe.verdict, true) };
  }
  return { code: ExitCode.pass };
}

async function qtestOnly(options: QtestPipelineOptions, host: Host): Promise<Finished> {
  const { config, outcome, reports } = await runQtestPipeline(options, host);
  const dir = relative(process.cwd(), config.report.dir) || '.';
  process.stdout.write(`qfi qtest: ${outcome.verdict} — ${outcome.reason}\n`);
  process.stdout.write(`results: ${dir}/ — ${relative(config.report.dir, reports.junit)}, summary.md, qtest-*.log\n`);
  return { code: exitCodeForVerdict(outcome.verdict, config.report.failOnVerdict), summary: reports.summaryMarkdown };
}

async function campaignOrMerge(kind: 'campaign' | 'merge', options: CampaignOptions, host: Host): Promise<Finished> {
  const { config, report, files } = kind === 'campaign' ? await runCampaign(options, host) : await mergeCampaigns(options, host);
  const dir = relative(process.cwd(), config.report.dir) || '.';
  process.stdout.write(`qfi ${kind}: ${report.verdict} — ${report.reason}\n`);
  process.stdout.write(`results: ${dir}/ — ${relative(config.report.dir, files.junit)}, campaign.json, summary.md, scenarios/\n`);
  return { code: exitCodeForVerdict(report.verdict, config.report.failOnVerdict), summary: files.markdown };
}
