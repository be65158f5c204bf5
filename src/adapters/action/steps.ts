import * as core from '@actions/core';
import type { Host } from '../../core/host.js';
import type { ResolvedConfig } from '../../config/types.js';
import { actionMode, MODES, runMode, type ModeOptions } from '../../modes/modes.js';
import type { ModeResult } from '../../modes/mode-result.js';
import { defaultArtifactName, toArtifactName, uploadResults } from './artifacts.js';
import { Outputs, State } from './names.js';
import { unusedRuleAnnotations, verdictAnnotation } from './annotations.js';
import { boundMarkdown } from '../../report/summary-md.js';

/**
 * Runs the action's mode and maps its ModeResult: outputs, job summary, annotations, upload,
 * then the step's status. Everything it reports is read before the verdict output is set, so
 * nothing after the verdict can throw: the caller's infra-error output is only ever the verdict
 * of a step that stopped before it had one.
 */
export async function runActionMode(modeInput: string | undefined, options: ModeOptions, host: Host): Promise<void> {
  const mode = actionMode(modeInput);
  const spec = MODES[mode];
  let artifact = '';
  const onConfig = (c: ResolvedConfig) => {
    if (spec.uploads) artifact = saveUploadState(c, spec.artifactPart(c));
  };
  const result = await runMode(mode, { ...options, echoConsole: true, onConfig }, host);
  if (result.campaignPlan) return planOutputs(result, result.campaignPlan);
  if (result.run) unusedRuleAnnotations(result.run);
  core.setOutput(Outputs.Verdict, result.verdict);
  core.setOutput(Outputs.Junit, result.junit ?? '');
  core.setOutput(Outputs.ResultsDir, result.resultsDir);
  await addSummary(result.summaryMarkdown);
  if (spec.uploads) await upload(result.config, artifact, host);
  reportVerdict(result);
}

/** A plan: nothing to upload but the plan, which the matrix jobs need (the workflow uploads it). */
async function planOutputs(result: ModeResult, plan: NonNullable<ModeResult['campaignPlan']>): Promise<void> {
  core.setOutput(Outputs.Matrix, plan.matrix);
  core.setOutput(Outputs.PlanFile, plan.planFile);
  core.setOutput(Outputs.Scenarios, String(plan.scenarios));
  core.setOutput(Outputs.ResultsDir, result.resultsDir);
  await addSummary(result.summaryMarkdown);
  if (result.problem) core.setFailed(`qfi plan: ${result.problem}`);
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

function reportVerdict(result: ModeResult): void {
  if (result.verdict === 'pass') return;
  const message = `${result.title === 'qfi' ? 'qfi' : `qfi ${result.title}`}: ${result.verdict} — ${result.reason}`;
  if (result.failOnVerdict || result.verdict === 'infra-error') verdictAnnotation(message, result.at, 'error');
  else verdictAnnotation(`${message} (fail-on-verdict is false)`, result.at, 'warning');
}
