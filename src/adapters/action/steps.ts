import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { mergeCampaigns } from '../../campaign/merge.js';
import { planCampaign, runCampaign, type CampaignOptions } from '../../campaign/run-campaign.js';
import type { Host } from '../../core/host.js';
import { runPipeline } from '../../core/pipeline.js';
import { runQtestPipeline } from '../../qtest/qtest-pipeline.js';
import type { ResolvedConfig } from '../../config/types.js';
import type { Verdict } from '../../core/verdict.js';
import { defaultArtifactName, toArtifactName, uploadResults } from './artifacts.js';
import { Outputs, State } from './names.js';
import { unusedRuleAnnotations, verdictAnnotation } from './annotations.js';
import type { SourceRef } from '../../config/report-sources.js';
import { boundMarkdown } from '../../report/summary-md.js';

export type Mode = 'run' | 'plan' | 'campaign' | 'merge' | 'qtest';

/**
 * One step per `mode`. Each reads everything it reports before it sets the verdict output,
 * so nothing after the verdict can throw: the caller's infra-error output is only ever the
 * verdict of a step that stopped before it had one.
 */
export async function runMode(mode: Mode, options: CampaignOptions, host: Host): Promise<void> {
  if (mode === 'plan') await planStep(options, host);
  else if (mode === 'run') await runStep(options, host);
  else if (mode === 'qtest') await qtestStep(options, host);
  else await campaignStep(mode, options, host);
}

/** What the post step needs to upload the results if this step stops before it can. */
function saveUploadState(config: ResolvedConfig, suffix?: string): string {
  const base = config.report.artifactName ? toArtifactName(config.report.artifactName) : defaultArtifactName(suffix ? `${config.name}-${suffix}` : config.name);
  core.saveState(State.ResultsDir, config.report.dir);
  core.saveState(State.ArtifactName, base);
  core.saveState(State.UploadEnabled, String(config.report.upload));
  return base;
}

/** GitHub refuses a step summary over 1 MiB and the step then loses it whole: cut, saying so. */
const MAX_STEP_SUMMARY_BYTES = 1024 * 1024 - 4096;

export async function addSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(boundMarkdown(markdown, MAX_STEP_SUMMARY_BYTES)).write();
  } catch (err) {
    core.warning(`could not write the job summary: ${(err as Error).message}`);
  }
}

async function upload(config: ResolvedConfig, name: string, host: Host): Promise<void> {
  if (!config.report.upload) return;
  const uploaded = await uploadResults(config.report.dir, name, host.log);
  core.saveState(State.Uploaded, String(uploaded));
}

function reportVerdict(what: string, verdict: Verdict, reason: string, config: ResolvedConfig, at: SourceRef | undefined): void {
  if (verdict === 'pass') return;
  const message = `${what === 'qfi' ? 'qfi' : `qfi ${what}`}: ${verdict} — ${reason}`;
  if (config.report.failOnVerdict || verdict === 'infra-error') verdictAnnotation(message, at, 'error');
  else verdictAnnotation(`${message} (fail-on-verdict is false)`, at, 'warning');
}

/** Outputs, summary, upload, then the step's status: the order every verdict-producing mode shares. */
async function finish(config: ResolvedConfig, artifact: string, host: Host, result: { what: string; verdict: Verdict; reason: string; junit: string; markdownFile: string; at?: SourceRef | undefined }): Promise<void> {
  const markdown = readFileSync(result.markdownFile, 'utf8');
  core.setOutput(Outputs.Verdict, result.verdict);
  core.setOutput(Outputs.Junit, result.junit);
  core.setOutput(Outputs.ResultsDir, config.report.dir);
  await addSummary(markdown);
  await upload(config, artifact, host);
  reportVerdict(result.what, result.verdict, result.reason, config, result.at);
}

async function runStep(options: CampaignOptions, host: Host): Promise<void> {
  let artifact = '';
  const { config, run, reports } = await runPipeline({ ...options, echoConsole: true, onConfig: (c) => (artifact = saveUploadState(c)) }, host);
  unusedRuleAnnotations(run);
  await finish(config, artifact, host, { what: run.scenario, verdict: run.verdict, reason: run.reason, junit: reports.junit, markdownFile: reports.summaryMarkdown, at: run.plan.sources.command ?? run.plan.sources.main });
}

async function qtestStep(options: CampaignOptions, host: Host): Promise<void> {
  let artifact = '';
  const { config, outcome, reports } = await runQtestPipeline({ ...options, onConfig: (c) => (artifact = saveUploadState(c, 'qtest')) }, host);
  await finish(config, artifact, host, { what: `qtest ${outcome.name}`, verdict: outcome.verdict, reason: outcome.reason, junit: reports.junit, markdownFile: reports.summaryMarkdown });
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
  await finish(config, artifact, host, { what: `${mode} ${report.name}`, verdict: report.verdict, reason: report.reason, junit: files.junit, markdownFile: files.markdown, at: config.sources.main });
}
