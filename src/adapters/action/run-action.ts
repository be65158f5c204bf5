import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { mergeCampaigns } from '../../campaign/merge.js';
import { planCampaign, runCampaign, type CampaignOptions } from '../../campaign/run-campaign.js';
import { formatError, QfiError } from '../../core/errors.js';
import type { Host } from '../../core/host.js';
import { runPipeline } from '../../core/pipeline.js';
import { runQtestPipeline } from '../../qtest/qtest-pipeline.js';
import type { ResolvedConfig, Verdict } from '../../core/types.js';
import { actionHost } from './action-host.js';
import { defaultArtifactName, toArtifactName, uploadResults } from './artifacts.js';
import { Outputs, State } from './names.js';
import { readActionInputs } from './read-inputs.js';

type Mode = 'run' | 'plan' | 'campaign' | 'merge' | 'qtest';

/**
 * The action's main step: run the pipeline (or plan / run / merge a campaign, by `mode`), then
 * outputs, job summary, annotation and artifacts. After the verdict only warnings: a failed
 * upload never changes it.
 */
export async function runAction(): Promise<void> {
  const host = actionHost();
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => controller.abort(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const inputs = readActionInputs();
    const mode = (inputs.mode ?? 'run') as Mode;
    const options = { inputs, cwd: process.cwd(), signal: controller.signal };
    if (mode === 'plan') await planStep(options, host);
    else if (mode === 'run') await runStep(options, host);
    else if (mode === 'qtest') await qtestStep(options, host);
    else await campaignStep(mode, options, host);
  } catch (err) {
    // Bad inputs or infrastructure before QEMU started: one readable error, no stack.
    const text = formatError(err);
    if (err instanceof QfiError && err.location?.file) {
      const props: core.AnnotationProperties = { file: err.location.file, title: 'qfi configuration error' };
      if (err.location.line !== undefined) props.startLine = err.location.line;
      if (err.location.column !== undefined) props.startColumn = err.location.column;
      core.error(err.message, props);
    }
    core.setFailed(text);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function saveUploadState(config: ResolvedConfig, suffix?: string): string {
  const base = config.report.artifactName ? toArtifactName(config.report.artifactName) : defaultArtifactName(suffix ? `${config.name}-${suffix}` : config.name);
  core.saveState(State.ResultsDir, config.report.dir);
  core.saveState(State.ArtifactName, base);
  core.saveState(State.UploadEnabled, String(config.report.upload));
  return base;
}

async function addSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown).write();
  } catch (err) {
    core.warning(`could not write the job summary: ${(err as Error).message}`);
  }
}

async function upload(config: ResolvedConfig, name: string, host: Host): Promise<void> {
  if (!config.report.upload) return;
  const uploaded = await uploadResults(config.report.dir, name, host.log);
  core.saveState(State.Uploaded, String(uploaded));
}

function reportVerdict(what: string, verdict: Verdict, reason: string, config: ResolvedConfig): void {
  if (verdict === 'pass') return;
  const message = `qfi ${what}: ${verdict} — ${reason}`;
  if (config.report.failOnVerdict || verdict === 'infra-error') core.setFailed(message);
  else core.warning(`${message} (fail-on-verdict is false)`);
}

async function runStep(options: CampaignOptions, host: Host): Promise<void> {
  let artifact = '';
  const { config, run, reports } = await runPipeline(
    { ...options, echoConsole: true, onConfig: (c) => (artifact = saveUploadState(c)) },
    host,
  );
  core.setOutput(Outputs.Verdict, run.verdict);
  core.setOutput(Outputs.Junit, reports.junit);
  core.setOutput(Outputs.ResultsDir, config.report.dir);
  await addSummary(readFileSync(reports.summaryMarkdown, 'utf8'));
  await upload(config, artifact, host);
  reportVerdict(run.scenario, run.verdict, run.reason, config);
}

async function qtestStep(options: CampaignOptions, host: Host): Promise<void> {
  let artifact = '';
  const { config, outcome, reports } = await runQtestPipeline({ ...options, onConfig: (c) => (artifact = saveUploadState(c, 'qtest')) }, host);
  core.setOutput(Outputs.Verdict, outcome.verdict);
  core.setOutput(Outputs.Junit, reports.junit);
  core.setOutput(Outputs.ResultsDir, config.report.dir);
  await addSummary(readFileSync(reports.summaryMarkdown, 'utf8'));
  await upload(config, artifact, host);
  reportVerdict(`qtest ${outcome.name}`, outcome.verdict, outcome.reason, config);
}

/** Plans only: nothing to upload but the plan, which the matrix jobs need (the workflow uploads it). */
async function planStep(options: CampaignOptions, host: Host): Promise<void> {
  const { config, plan, matrix, planFile } = await planCampaign(options, host);
  core.setOutput(Outputs.Matrix, JSON.stringify(matrix));
  core.setOutput(Outputs.PlanFile, planFile);
  core.setOutput(Outputs.Scenarios, String(plan.scenarios.length));
  core.setOutput(Outputs.ResultsDir, config.report.dir);
  const lines = [`## qfi plan ${plan.name}: ${plan.scenarios.length} scenario(s) in ${matrix.include.length} job(s)`, '', `Kind \`${plan.kind}\`, seed ${plan.seed}.`, ...plan.notes.map((n) => `- ${n}`)];
  await addSummary(`${lines.join('\n')}\n`);
  if (plan.probe && plan.probe.verdict !== 'pass') core.setFailed(`qfi plan: the probe run without faults did not pass (${plan.probe.verdict}: ${plan.probe.reason}); make the test pass without faults first`);
}

async function campaignStep(mode: 'campaign' | 'merge', options: CampaignOptions, host: Host): Promise<void> {
  let artifact = '';
  const onConfig = (c: ResolvedConfig) => {
    const part = c.campaign.shard ? `shard-${c.campaign.shard.index}-of-${c.campaign.shard.count}` : (c.campaign.scenario ?? mode);
    artifact = saveUploadState(c, part);
  };
  const { config, report, files } = mode === 'campaign' ? await runCampaign({ ...options, onConfig }, host) : await mergeCampaigns({ ...options, onConfig }, host);
  core.setOutput(Outputs.Verdict, report.verdict);
  core.setOutput(Outputs.Junit, files.junit);
  core.setOutput(Outputs.ResultsDir, config.report.dir);
  await addSummary(readFileSync(files.markdown, 'utf8'));
  await upload(config, artifact, host);
  reportVerdict(`${mode} ${report.name}`, report.verdict, report.reason, config);
}

/** The post step (post-if: always()): upload the results if main was cancelled before it could. */
export async function runPost(): Promise<void> {
  const dir = core.getState(State.ResultsDir);
  if (!dir || core.getState(State.Uploaded) !== '' || core.getState(State.UploadEnabled) === 'false') return;
  core.info('the main step did not upload the results (cancelled or failed); uploading them now');
  await uploadResults(dir, core.getState(State.ArtifactName) || 'qfi-results', actionHost().log);
}
